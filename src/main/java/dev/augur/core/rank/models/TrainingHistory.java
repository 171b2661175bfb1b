package dev.augur.core.rank.models;

import dev.augur.core.rank.Csr;
import dev.augur.core.rank.Interactions;
import dev.augur.core.rank.Split;

import java.util.Arrays;

/**
 * Each user's training items in order, oldest first, for the models that weigh recent history more
 * ({@link ContentModel}) or show it to an LLM ({@link LlmReranker}). {@code TrainingData} carries no timestamps, so
 * the caller builds this from the split: {@link #of(Split)}. {@link #byValue(Csr)} is the fallback without times:
 * each user's items by training value (rating), lowest first, so "the last few" are the best-liked.
 *
 * @param items     per dense user, the dense items of its training row, each once
 * @param timeOrder whether the order is by time ({@link #of}) rather than by value ({@link #byValue})
 */
public record TrainingHistory(int[][] items, boolean timeOrder) {

    /**
     * The training items of {@code split} in time order (ties: the log's order); an item the user interacted with
     * more than once sits at its last interaction.
     */
    public static TrainingHistory of(Split split) {
        Interactions data = split.data();
        Csr train = split.train();
        int users = data.numUsers();
        int[] user = data.user();
        int[] item = data.item();
        long[] ts = data.ts();
        int n = user.length;
        // rows of each user, in log order (stable counting sort), then by time
        int[] start = new int[users + 1];
        for (int k = 0; k < n; k++) {
            start[user[k] + 1]++;
        }
        for (int u = 0; u < users; u++) {
            start[u + 1] += start[u];
        }
        int[] fill = Arrays.copyOf(start, users);
        int[] rows = new int[n];
        for (int k = 0; k < n; k++) {
            rows[fill[user[k]]++] = k;
        }
        int[][] out = new int[users][];
        int[] mark = new int[data.numItems()];
        Arrays.fill(mark, -1);
        for (int u = 0; u < users; u++) {
            int from = start[u];
            int to = start[u + 1];
            Integer[] order = new Integer[to - from];
            for (int j = 0; j < order.length; j++) {
                order[j] = rows[from + j];
            }
            Arrays.sort(order, (a, b) -> ts[a] != ts[b] ? Long.compare(ts[a], ts[b]) : Integer.compare(a, b));
            // walk backwards so a repeated item keeps its last position
            int[] picked = new int[train.rowLength(u)];
            int w = picked.length;
            for (int j = order.length - 1; j >= 0 && w > 0; j--) {
                int i = item[order[j]];
                if (mark[i] != u && train.contains(u, i)) {
                    mark[i] = u;
                    picked[--w] = i;
                }
            }
            // a training entry without a log row (impossible for a split of this log) would leave a gap: put it first
            if (w > 0) {
                int r = 0;
                for (int i : train.row(u)) {
                    if (mark[i] != u) {
                        picked[r++] = i;
                    }
                }
            }
            out[u] = picked;
        }
        return new TrainingHistory(out, true);
    }

    /** Each user's training items by value, lowest first (ties: item index), for when no times are known. */
    public static TrainingHistory byValue(Csr train) {
        int[][] out = new int[train.rows()][];
        for (int u = 0; u < train.rows(); u++) {
            int from = train.indptr()[u];
            int len = train.rowLength(u);
            Integer[] order = new Integer[len];
            for (int j = 0; j < len; j++) {
                order[j] = from + j;
            }
            float[] v = train.values();
            Arrays.sort(order, (a, b) -> v[a] != v[b] ? Float.compare(v[a], v[b]) : Integer.compare(a, b));
            int[] items = new int[len];
            for (int j = 0; j < len; j++) {
                items[j] = train.indices()[order[j]];
            }
            out[u] = items;
        }
        return new TrainingHistory(out, false);
    }

    public int numUsers() {
        return items.length;
    }

    /** User {@code user}'s items, oldest (or lowest-valued) first; shared, read-only. */
    public int[] row(int user) {
        return items[user];
    }

    /** The last {@code max} of {@link #row(int)}, in the same order. */
    public int[] recent(int user, int max) {
        int[] all = items[user];
        return Arrays.copyOfRange(all, Math.max(0, all.length - max), all.length);
    }

    /** Checks that this history belongs to {@code train}: same users, same items per user. */
    void check(Csr train) {
        if (items.length != train.rows()) {
            throw new IllegalArgumentException("the training history has " + items.length + " users, the training data "
                    + train.rows() + ": build it from the same split");
        }
        for (int u = 0; u < items.length; u++) {
            if (items[u].length != train.rowLength(u)) {
                throw new IllegalArgumentException("the training history of user " + u + " has " + items[u].length
                        + " items, the training data " + train.rowLength(u) + ": build it from the same split");
            }
        }
    }
}
