package dev.augur.core.rank.ctr;

/** The feature vector of a (user, item) sample in a space of {@link #numFeatures} features, sparse form. */
public interface SampleFeatures {

    int numFeatures();

    /** An upper bound on the non-zero features of any sample (buffer size for {@link #gather}). */
    int maxFeatures();

    /** Writes the non-zero features of ({@code user}, {@code item}) into {@code index} / {@code value}; returns
     * how many. Thread-safe. */
    int gather(int user, int item, int[] index, float[] value);
}
