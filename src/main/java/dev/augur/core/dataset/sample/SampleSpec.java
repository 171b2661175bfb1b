package dev.augur.core.dataset.sample;

/**
 * What {@link SampleDataGenerator} makes: the seed, the counts and the share of cold items (items in the
 * catalogue that nobody interacts with). The same spec always gives byte-identical files.
 *
 * @param seed         random seed; the only source of randomness
 * @param items        catalogue size, cold items included
 * @param users        number of users; every one gets at least {@link #MIN_PER_USER} interactions
 * @param interactions total number of (user, item) interactions, no pair repeated
 * @param topics       number of hidden topics, 1 to {@link TopicVocabulary#count()}
 * @param coldFraction share of items that get no interaction, 0 to 0.5
 */
public record SampleSpec(long seed, int items, int users, int interactions, int topics, double coldFraction) {

    /** Fewest interactions any user gets. */
    public static final int MIN_PER_USER = 5;

    public SampleSpec {
        if (items < 1 || users < 1 || interactions < 1) {
            throw new IllegalArgumentException("items, users and interactions must be positive");
        }
        if (topics < 1 || topics > TopicVocabulary.count()) {
            throw new IllegalArgumentException("topics must be between 1 and " + TopicVocabulary.count());
        }
        if (!(coldFraction >= 0 && coldFraction <= 0.5)) {
            throw new IllegalArgumentException("coldFraction must be between 0 and 0.5");
        }
        if (items < 4 * topics) {
            throw new IllegalArgumentException("need at least 4 items per topic");
        }
        if (interactions < MIN_PER_USER * users) {
            throw new IllegalArgumentException("need at least " + MIN_PER_USER + " interactions per user");
        }
        int warm = items - coldCount(items, coldFraction);
        if (interactions < warm) {
            throw new IllegalArgumentException("need at least one interaction per warm item (" + warm + ")");
        }
        if ((long) users * maxPerUser(warm) < interactions) {
            throw new IllegalArgumentException("too many interactions for this many users and items");
        }
    }

    /** The default sample: seed 42, 2000 items, 500 users, 50000 interactions, 12 topics, 10% cold. */
    public static SampleSpec defaults() {
        return new SampleSpec(42, 2000, 500, 50_000, 12, 0.10);
    }

    /** The same spec with another seed. */
    public SampleSpec withSeed(long newSeed) {
        return new SampleSpec(newSeed, items, users, interactions, topics, coldFraction);
    }

    /** How many items are cold. */
    public int coldItems() {
        return coldCount(items, coldFraction);
    }

    static int coldCount(int items, double coldFraction) {
        return (int) Math.round(items * coldFraction);
    }

    /** Most interactions one user may have: 40% of the warm items (at least the minimum). */
    static int maxPerUser(int warmItems) {
        return Math.max(MIN_PER_USER, (int) (warmItems * 0.4));
    }
}
