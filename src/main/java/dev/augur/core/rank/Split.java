package dev.augur.core.rank;

/**
 * One split of a dataset's interactions under {@link #protocol}: users × items matrices for training, validation
 * and test over the same dense indices as {@link #data}. Accepted synthetic interactions (when the protocol's
 * filters allow them) are only ever in {@link #train}. {@code heldOut} marks items the split held out entirely
 * (the cold-items split); {@code notes} says what the filters removed.
 */
public record Split(Interactions data, Protocol protocol, Csr train, Csr valid, Csr test, boolean[] heldOut,
                    String notes) {

    /** The matrix scored under the protocol's target ({@code test} or {@code valid}). */
    public Csr target() {
        return protocol.target().equals("valid") ? valid : test;
    }

    /** Whether {@code item} is excluded from {@code user}'s ranking: seen in training (and in validation when the
     * target is the test). */
    public boolean excluded(int user, int item) {
        return train.contains(user, item) || (!protocol.target().equals("valid") && valid.contains(user, item));
    }

    /** Items with no training interaction: cold-start for every model fitted on {@link #train}. */
    public boolean[] coldItems() {
        int[] counts = train.columnCounts();
        boolean[] cold = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            cold[i] = counts[i] == 0;
        }
        return cold;
    }

    /**
     * Training interactions per item counting observed ones only: what "cold" and "head" mean for slices, so adding
     * synthetic interactions to training does not move an item out of the cold-start slice it is measured on.
     */
    public int[] observedTrainCounts() {
        boolean any = false;
        for (boolean b : data.synthetic()) {
            if (b) {
                any = true;
                break;
            }
        }
        if (!any) {
            return train.columnCounts();
        }
        int n = data.size();
        boolean[] keep = new boolean[n];
        for (int k = 0; k < n; k++) {
            keep[k] = !data.synthetic()[k] && train.contains(data.user()[k], data.item()[k]);
        }
        return Csr.of(train.rows(), train.cols(), data.user(), data.item(), data.value(), keep).columnCounts();
    }
}
