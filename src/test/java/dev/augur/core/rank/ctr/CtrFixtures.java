package dev.augur.core.rank.ctr;

import dev.augur.core.rank.Interactions;
import dev.augur.core.rank.Protocol;
import dev.augur.core.rank.SideInformation;
import dev.augur.core.rank.Split;
import dev.augur.core.rank.SplitSpec;
import dev.augur.core.rank.Splitter;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Synthetic interaction logs with planted structure, for the CTR tests. */
final class CtrFixtures {
    private CtrFixtures() {
    }

    /** A log being built: each user's rows in time order. */
    static final class Log {
        final int users;
        final int items;
        int n;
        int[] u = new int[1024];
        int[] i = new int[1024];
        float[] v = new float[1024];

        Log(int users, int items) {
            this.users = users;
            this.items = items;
        }

        void add(int user, int item, float value) {
            if (n == u.length) {
                u = Arrays.copyOf(u, n * 2);
                i = Arrays.copyOf(i, n * 2);
                v = Arrays.copyOf(v, n * 2);
            }
            u[n] = user;
            i[n] = item;
            v[n++] = value;
        }

        Interactions interactions() {
            long[] ts = new long[n];
            for (int k = 0; k < n; k++) {
                ts[k] = k;
            }
            long[] userIds = new long[users];
            long[] itemIds = new long[items];
            for (int k = 0; k < users; k++) {
                userIds[k] = 1000 + k;
            }
            for (int k = 0; k < items; k++) {
                itemIds[k] = 5000 + k;
            }
            return new Interactions(1, userIds, itemIds, Arrays.copyOf(u, n), Arrays.copyOf(i, n),
                    Arrays.copyOf(v, n), ts, new boolean[n]);
        }

        Split split(String spec, long seed) {
            return Splitter.split(interactions(), Protocol.of(SplitSpec.parse(spec), seed, List.of(10)));
        }
    }

    /** {@code perUser} distinct random items for user {@code user}. */
    static int[] distinctItems(SplittableRandom rnd, int items, int perUser) {
        return rnd.ints(0, items).distinct().limit(perUser).toArray();
    }

    /** Side information with one category per item and no text. */
    static SideInformation categories(int[] itemCategory, int numCategories) {
        int n = itemCategory.length;
        int[][] cats = new int[n][];
        for (int k = 0; k < n; k++) {
            cats[k] = new int[] {itemCategory[k]};
        }
        String[] names = new String[numCategories];
        for (int c = 0; c < numCategories; c++) {
            names[c] = "c" + c;
        }
        String[] titles = new String[n];
        Arrays.fill(titles, "");
        return new SideInformation(n, 0, new float[0], new boolean[n], "", cats, names, titles);
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
