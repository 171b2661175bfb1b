package dev.augur.core.dataset.sample;

import dev.augur.core.dataset.sample.SampleDataGenerator.Model;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;

import static dev.augur.core.dataset.sample.SampleDataGenerator.FIRST_SECOND;
import static dev.augur.core.dataset.sample.SampleDataGenerator.LAST_SECOND;
import static dev.augur.core.dataset.sample.SampleRandom.gaussian;
import static dev.augur.core.dataset.sample.SampleRandom.permutation;
import static dev.augur.core.dataset.sample.SampleRandom.weighted;
import static dev.augur.core.dataset.sample.SampleRandom.weightedUnused;

/**
 * The sample's interactions: which items each user picks (mostly from their topics, popular ones more often,
 * every warm item at least once), when, and how they rate them.
 */
final class InteractionSampler {

    /** Share of a user's choices made outside their topics, from the whole catalogue's popularity. */
    private static final double EXPLORE = 0.2;

    private InteractionSampler() {
    }

    /** Fills in {@code userItems}: {@code counts[u]} distinct warm items for each user u. */
    static void pickItems(Model m, int[] counts, SplittableRandom r) {
        int nUsers = counts.length;
        int nItems = m.itemTopic.length;
        m.userItems = new int[nUsers][];
        BitSet[] taken = new BitSet[nUsers];
        int[] itemCount = new int[nItems];
        for (int u = 0; u < nUsers; u++) {
            int[] mine = m.userTopics[u];
            double[] mix = mixture(mine.length, r);
            BitSet has = new BitSet(nItems);
            int[] seq = new int[counts[u]];
            for (int j = 0; j < seq.length; j++) {
                int item = -1;
                if (r.nextDouble() >= EXPLORE) {
                    int first = weighted(mix, r);
                    for (int k = 0; k < mine.length && item < 0; k++) {
                        int t = mine[(first + k) % mine.length];
                        item = weightedUnused(m.topicItems[t], m.itemWeight, has, r);
                    }
                }
                if (item < 0) {
                    item = weightedUnused(m.warmItems, m.globalWeight, has, r);
                }
                has.set(item);
                itemCount[item]++;
                seq[j] = item;
            }
            m.userItems[u] = seq;
            taken[u] = has;
        }
        coverWarmItems(m, itemCount, taken, r);
    }

    /**
     * Gives every warm item that nobody picked one interaction, taken from a user (a fan of its topic if one
     * can) in place of one of their interactions with an item others also have, so that exactly the chosen
     * items are cold and the counts stay as they were.
     */
    private static void coverWarmItems(Model m, int[] itemCount, BitSet[] taken, SplittableRandom r) {
        int nUsers = m.userItems.length;
        for (int item : m.warmItems) {
            if (itemCount[item] > 0) {
                continue;
            }
            int topic = m.itemTopic[item];
            int[] order = permutation(nUsers, r);
            boolean done = false;
            for (int pass = 0; pass < 2 && !done; pass++) {
                for (int u : order) {
                    if (taken[u].get(item) || (pass == 0 && !likes(m.userTopics[u], topic))) {
                        continue;
                    }
                    int[] seq = m.userItems[u];
                    int start = r.nextInt(seq.length);
                    for (int k = 0; k < seq.length; k++) {
                        int j = (start + k) % seq.length;
                        if (itemCount[seq[j]] >= 2) {
                            itemCount[seq[j]]--;
                            taken[u].clear(seq[j]);
                            seq[j] = item;
                            itemCount[item] = 1;
                            taken[u].set(item);
                            done = true;
                            break;
                        }
                    }
                    if (done) {
                        break;
                    }
                }
            }
            if (!done) {
                throw new IllegalStateException("cannot give item " + item + " an interaction");
            }
        }
    }

    private static boolean likes(int[] userTopics, int topic) {
        for (int t : userTopics) {
            if (t == topic) {
                return true;
            }
        }
        return false;
    }

    /** A user's weights over their k topics, largest first (the favourite). */
    private static double[] mixture(int k, SplittableRandom r) {
        double[] mix = new double[k];
        for (int j = 0; j < k; j++) {
            mix[j] = -StrictMath.log(1.0 - r.nextDouble());
        }
        Arrays.sort(mix);
        for (int a = 0, b = k - 1; a < b; a++, b--) {
            double tmp = mix[a];
            mix[a] = mix[b];
            mix[b] = tmp;
        }
        return mix;
    }

    /** Times: increasing per user, spread over an active span inside 2022-2023. */
    static void makeTimes(Model m, SplittableRandom r) {
        int nUsers = m.userItems.length;
        m.userTimes = new long[nUsers][];
        long span = LAST_SECOND - FIRST_SECOND;
        for (int u = 0; u < nUsers; u++) {
            int n = m.userItems[u].length;
            long start = FIRST_SECOND + (long) (0.6 * span * r.nextDouble());
            long end = start + (long) ((LAST_SECOND - n - start) * (0.35 + 0.65 * r.nextDouble()));
            long[] times = new long[n];
            for (int j = 0; j < n; j++) {
                times[j] = start + (long) ((end - start) * r.nextDouble());
            }
            Arrays.sort(times);
            for (int j = 1; j < n; j++) {
                times[j] = Math.max(times[j], times[j - 1] + 1);
            }
            m.userTimes[u] = times;
        }
    }

    /** Ratings 1-5: a user bias, an item quality, the user's liking for the item's topic, and noise. */
    static void makeRatings(Model m, SplittableRandom r) {
        int nItems = m.itemTopic.length;
        double[] quality = new double[nItems];
        for (int i = 0; i < nItems; i++) {
            quality[i] = 0.45 * gaussian(r);
        }
        m.userRatings = new int[m.userItems.length][];
        for (int u = 0; u < m.userItems.length; u++) {
            double bias = 0.35 * gaussian(r);
            int[] seq = m.userItems[u];
            int[] ratings = new int[seq.length];
            for (int j = 0; j < seq.length; j++) {
                int topic = m.itemTopic[seq[j]];
                double affinity = topic == m.userTopics[u][0] ? 0.9 : likes(m.userTopics[u], topic) ? 0.5 : -0.7;
                double value = 3.2 + bias + quality[seq[j]] + affinity + 0.75 * gaussian(r);
                ratings[j] = (int) Math.max(1, Math.min(5, Math.round(value)));
            }
            m.userRatings[u] = ratings;
        }
    }
}
