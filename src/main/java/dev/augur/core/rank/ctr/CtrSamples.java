package dev.augur.core.rank.ctr;

/**
 * One part (train, validation or test) of a CTR dataset: sample {@code s} is dense user {@code user[s]} shown dense
 * item {@code item[s]}, with click label {@code label[s]} (0 or 1). Arrays are shared: read-only.
 */
public record CtrSamples(int[] user, int[] item, float[] label) {

    public CtrSamples {
        if (item.length != user.length || label.length != user.length) {
            throw new IllegalArgumentException("sample arrays differ in length: " + user.length + " users, "
                    + item.length + " items, " + label.length + " labels");
        }
    }

    public static CtrSamples empty() {
        return new CtrSamples(new int[0], new int[0], new float[0]);
    }

    public int size() {
        return user.length;
    }

    public boolean isEmpty() {
        return user.length == 0;
    }

    public int positives() {
        int p = 0;
        for (float l : label) {
            p += l > 0.5f ? 1 : 0;
        }
        return p;
    }

    /** Share of label-1 samples; NaN when empty. */
    public double positiveRate() {
        return isEmpty() ? Double.NaN : positives() / (double) size();
    }
}
