package dev.augur.core.rank;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded synthetic interaction logs with planted structure for ranking tests. */
public final class SyntheticLog {
    private SyntheticLog() {
    }

    /**
     * {@code users} users each interacting with {@code perUser} items, mostly from the one of 5 item clusters the
     * user belongs to, with Zipf-like popularity inside a cluster; timestamps increase per user.
     */
    public static Interactions clustered(int users, int items, int perUser, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int clusters = 5;
        int n = users * perUser;
        int[] u = new int[n];
        int[] it = new int[n];
        float[] v = new float[n];
        long[] ts = new long[n];
        int w = 0;
        for (int user = 0; user < users; user++) {
            int c = user % clusters;
            boolean[] taken = new boolean[items];
            for (int j = 0; j < perUser; j++) {
                int item;
                do {
                    int cluster = rnd.nextDouble() < 0.85 ? c : rnd.nextInt(clusters);
                    int inCluster = (int) Math.floor(Math.pow(rnd.nextDouble(), 2.0) * (items / clusters));
                    item = cluster + clusters * Math.min(inCluster, items / clusters - 1);
                } while (taken[item]);
                taken[item] = true;
                u[w] = user;
                it[w] = item;
                v[w] = 1 + rnd.nextInt(5);
                ts[w] = 1_000_000L + user * 1000L + j;
                w++;
            }
        }
        long[] userIds = new long[users];
        long[] itemIds = new long[items];
        Arrays.setAll(userIds, i -> i + 1);
        Arrays.setAll(itemIds, i -> i + 1);
        return new Interactions(1, userIds, itemIds, u, it, v, ts, new boolean[n]);
    }
}
