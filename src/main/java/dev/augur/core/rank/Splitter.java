package dev.augur.core.rank;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Applies a {@link Protocol}'s filters and split to {@link Interactions}; the same seed gives the same split. */
public final class Splitter {
    private static final byte DROP = -1;
    private static final byte TRAIN = 0;
    private static final byte VALID = 1;
    private static final byte TEST = 2;

    private Splitter() {
    }

    public static Split split(Interactions data, Protocol protocol) {
        int n = data.size();
        Filters f = protocol.filters();
        boolean[] synthetic = data.synthetic();
        float[] value = data.value();
        boolean[] keep = new boolean[n];
        int droppedByRating = 0;
        for (int k = 0; k < n; k++) {
            keep[k] = !synthetic[k];
            if (keep[k] && !Double.isNaN(f.minRating()) && value[k] < f.minRating()) {
                keep[k] = false;
                droppedByRating++;
            }
        }
        int[] removed = kCore(data, keep, f.minUserInteractions(), f.minItemInteractions());
        byte[] part = new byte[n];
        Arrays.fill(part, DROP);
        boolean[] heldOut = new boolean[data.numItems()];
        SplitSpec spec = protocol.split();
        SplittableRandom rnd = new SplittableRandom(protocol.seed());
        if (spec instanceof SplitSpec.Random r) {
            byUser(data, keep, (rows, len) -> randomParts(rows, len, r, rnd, part));
        } else if (spec instanceof SplitSpec.LeaveLastOut) {
            byUser(data, keep, (rows, len) -> {
                for (int j = 0; j < len; j++) {
                    part[rows[j]] = TRAIN;
                }
                if (len >= 2) {
                    part[rows[len - 1]] = TEST;
                }
                if (len >= 3) {
                    part[rows[len - 2]] = VALID;
                }
            });
        } else if (spec instanceof SplitSpec.Temporal t) {
            temporal(data, keep, t.testFraction(), part);
        } else if (spec instanceof SplitSpec.ColdItems c) {
            coldItems(data, keep, c.fraction(), rnd, part, heldOut);
        }
        if (f.withSynthetic()) {
            boolean[] liveUser = new boolean[data.numUsers()];
            boolean[] liveItem = new boolean[data.numItems()];
            for (int k = 0; k < n; k++) {
                if (keep[k]) {
                    liveUser[data.user()[k]] = true;
                    liveItem[data.item()[k]] = true;
                }
            }
            boolean filtered = f.minItemInteractions() > 0;
            for (int k = 0; k < n; k++) {
                // an accepted "would not interact" (value ≤ 0) or a rating under the threshold is not a positive
                boolean positive = value[k] > 0 && (Double.isNaN(f.minRating()) || value[k] >= f.minRating());
                if (synthetic[k] && positive && liveUser[data.user()[k]] && (!filtered || liveItem[data.item()[k]])) {
                    part[k] = TRAIN;
                }
            }
        }
        Csr train = matrix(data, part, TRAIN);
        Csr valid = matrix(data, part, VALID);
        Csr test = matrix(data, part, TEST);
        String notes = "train " + train.nnz() + ", valid " + valid.nnz() + ", test " + test.nnz()
                + (droppedByRating > 0 ? "; " + droppedByRating + " below the rating threshold removed" : "")
                + (removed[0] + removed[1] > 0 ? "; filters removed " + removed[0] + " users and " + removed[1]
                + " items" : "");
        return new Split(data, protocol, train, valid, test, heldOut, notes);
    }

    private interface UserRows {
        void accept(int[] rows, int len);
    }

    /** Calls {@code fn} with each user's kept rows in (time, id) order; rows arrive grouped by user already. */
    private static void byUser(Interactions data, boolean[] keep, UserRows fn) {
        int[] user = data.user();
        int n = user.length;
        int[] rows = new int[16];
        int k = 0;
        while (k < n) {
            int u = user[k];
            int len = 0;
            while (k < n && user[k] == u) {
                if (keep[k]) {
                    if (len == rows.length) {
                        rows = Arrays.copyOf(rows, len * 2);
                    }
                    rows[len++] = k;
                }
                k++;
            }
            if (len > 0) {
                fn.accept(rows, len);
            }
        }
    }

    /** RecBole's split by ratio: counts from the ratios, at least one row to a part with a non-zero ratio when the
     * training part keeps more than one. */
    private static void randomParts(int[] rows, int len, SplitSpec.Random r, SplittableRandom rnd, byte[] part) {
        for (int j = len - 1; j > 0; j--) {
            int s = rnd.nextInt(j + 1);
            int tmp = rows[j];
            rows[j] = rows[s];
            rows[s] = tmp;
        }
        double[] ratios = {r.train(), r.valid(), r.test()};
        int[] cnt = new int[3];
        for (int i = 0; i < 3; i++) {
            cnt[i] = (int) (ratios[i] * len);
        }
        cnt[0] = len - cnt[1] - cnt[2];
        for (int i = 1; i < 3; i++) {
            if (cnt[0] <= 1) {
                break;
            }
            double want = ratios[3 - i] * len;
            if (0 < want && want < 1) {
                cnt[3 - i] += 1;
                cnt[0] -= 1;
            }
        }
        int at = 0;
        for (int p = 0; p < 3; p++) {
            for (int j = 0; j < cnt[p]; j++) {
                part[rows[at++]] = (byte) p;
            }
        }
    }

    private static void temporal(Interactions data, boolean[] keep, double testFraction, byte[] part) {
        long[] ts = data.ts();
        int kept = 0;
        for (boolean b : keep) {
            kept += b ? 1 : 0;
        }
        int[] rowsOf = new int[kept];
        int w = 0;
        for (int k = 0; k < keep.length; k++) {
            if (keep[k]) {
                rowsOf[w++] = k;
            }
        }
        // sort rows by (time, row) as packed longs; rows without a time sort first
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int j = 0; j < kept; j++) {
            long t = ts[rowsOf[j]];
            if (t != dev.augur.core.store.InteractionColumns.NO_TIME) {
                min = Math.min(min, t);
                max = Math.max(max, t);
            }
        }
        long range = min == Long.MAX_VALUE ? 0 : max - min + 1;
        if (range >= (1L << 32) - 1) {
            throw new IllegalArgumentException("timestamps span more than 136 years; a temporal split needs seconds");
        }
        long[] keys = new long[kept];
        for (int j = 0; j < kept; j++) {
            long t = ts[rowsOf[j]];
            long rel = t == dev.augur.core.store.InteractionColumns.NO_TIME ? 0 : t - min + 1;
            keys[j] = (rel << 31) | rowsOf[j];
        }
        java.util.Arrays.sort(keys);
        int testCount = (int) Math.round(kept * testFraction);
        for (int j = 0; j < kept; j++) {
            part[(int) (keys[j] & 0x7FFF_FFFFL)] = j >= kept - testCount ? TEST : TRAIN;
        }
    }

    private static void coldItems(Interactions data, boolean[] keep, double fraction, SplittableRandom rnd,
                                  byte[] part, boolean[] heldOut) {
        int[] item = data.item();
        boolean[] seen = new boolean[data.numItems()];
        for (int k = 0; k < keep.length; k++) {
            if (keep[k]) {
                seen[item[k]] = true;
            }
        }
        int[] candidates = new int[data.numItems()];
        int c = 0;
        for (int i = 0; i < seen.length; i++) {
            if (seen[i]) {
                candidates[c++] = i;
            }
        }
        for (int j = c - 1; j > 0; j--) {
            int s = rnd.nextInt(j + 1);
            int tmp = candidates[j];
            candidates[j] = candidates[s];
            candidates[s] = tmp;
        }
        int hold = (int) Math.round(c * fraction);
        for (int j = 0; j < hold; j++) {
            heldOut[candidates[j]] = true;
        }
        for (int k = 0; k < keep.length; k++) {
            if (keep[k]) {
                part[k] = heldOut[item[k]] ? TEST : TRAIN;
            }
        }
    }

    /** Removes users and items below the minimum counts until both hold; returns {users, items} removed. */
    private static int[] kCore(Interactions data, boolean[] keep, int minUser, int minItem) {
        if (minUser <= 1 && minItem <= 1) {
            return new int[] {0, 0};
        }
        int[] user = data.user();
        int[] item = data.item();
        boolean[] userGone = new boolean[data.numUsers()];
        boolean[] itemGone = new boolean[data.numItems()];
        boolean changed = true;
        while (changed) {
            changed = false;
            int[] uc = new int[data.numUsers()];
            int[] ic = new int[data.numItems()];
            for (int k = 0; k < keep.length; k++) {
                if (keep[k]) {
                    uc[user[k]]++;
                    ic[item[k]]++;
                }
            }
            for (int k = 0; k < keep.length; k++) {
                if (keep[k] && (uc[user[k]] < minUser || ic[item[k]] < minItem)) {
                    keep[k] = false;
                    changed = true;
                    if (uc[user[k]] < minUser) {
                        userGone[user[k]] = true;
                    }
                    if (ic[item[k]] < minItem) {
                        itemGone[item[k]] = true;
                    }
                }
            }
        }
        int u = 0;
        int i = 0;
        for (boolean b : userGone) {
            u += b ? 1 : 0;
        }
        for (boolean b : itemGone) {
            i += b ? 1 : 0;
        }
        return new int[] {u, i};
    }

    private static Csr matrix(Interactions data, byte[] part, byte which) {
        boolean[] sel = new boolean[part.length];
        for (int k = 0; k < part.length; k++) {
            sel[k] = part[k] == which;
        }
        return Csr.of(data.numUsers(), data.numItems(), data.user(), data.item(), data.value(), sel);
    }
}
