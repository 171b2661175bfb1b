package dev.augur.core.synth;

import dev.augur.core.rank.Csr;
import dev.augur.core.rank.Recommender;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Picks what to ask the model about: the target items or users, and for each the counterparts most likely to make
 * a sensible proposal. Counterparts are ranked by content similarity and, where the collaborative model can say
 * anything (not for items with no interaction), by its score; the two rankings are fused by reciprocal rank
 * (1/(60 + rank) summed), which needs no common scale. Everything is deterministic: a re-run picks the same pairs.
 */
final class CandidatePicker {
    /** Users with at most this many observed interactions have a short history. */
    static final int SHORT_USER_MAX = 5;
    /** Share of interacted items, fewest interactions first, that make up the long tail. */
    static final double TAIL_SHARE = 0.2;
    private static final int RRF_K = 60;
    /** Collaborative scores of at most this many (user, item) cells are held at once. */
    private static final long COLLAB_CELLS = 16L << 20;

    /** One proposed pair, dense indices, with the scores it was picked by (NaN: not computed). */
    record Pick(int user, int item, double content, double collab) {
    }

    private final Csr matrix;
    private final int[] itemCounts;
    private final ContentScores content;
    private final Recommender collab;

    /** @param collab a model fitted on {@code matrix}, or null for content only */
    CandidatePicker(Csr matrix, ContentScores content, Recommender collab) {
        this.matrix = matrix;
        this.itemCounts = matrix.columnCounts();
        this.content = content;
        this.collab = collab;
    }

    /** Items with no observed interaction that have content to compare, in id order, at most {@code limit}. */
    int[] coldItems(int limit) {
        return IntStream.range(0, itemCounts.length).filter(i -> itemCounts[i] == 0 && content.hasContent(i))
                .limit(limit).toArray();
    }

    /** How many items have no observed interaction and no content, so cannot be proposed for. */
    long coldWithoutContent() {
        return IntStream.range(0, itemCounts.length).filter(i -> itemCounts[i] == 0 && !content.hasContent(i)).count();
    }

    /**
     * The most interactions a long-tail item has: the {@value #TAIL_SHARE} quantile of the interaction counts of
     * items that have any (at least 1).
     */
    int tailMax() {
        int[] counts = Arrays.stream(itemCounts).filter(c -> c > 0).sorted().toArray();
        if (counts.length == 0) {
            return 0;
        }
        return Math.max(1, counts[(int) Math.floor(TAIL_SHARE * (counts.length - 1))]);
    }

    /** Items with 1..{@link #tailMax} observed interactions, fewest first (then id order), at most {@code limit}. */
    int[] tailItems(int limit) {
        int max = tailMax();
        return IntStream.range(0, itemCounts.length).filter(i -> itemCounts[i] > 0 && itemCounts[i] <= max).boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> itemCounts[i]).thenComparingInt(i -> i))
                .limit(limit).mapToInt(Integer::intValue).toArray();
    }

    /** Users with 1..{@value #SHORT_USER_MAX} observed interactions, fewest first (then id order), at most {@code limit}. */
    int[] shortUsers(int limit) {
        return IntStream.range(0, matrix.rows()).filter(u -> matrix.rowLength(u) <= SHORT_USER_MAX).boxed()
                .sorted(Comparator.<Integer>comparingInt(matrix::rowLength).thenComparingInt(u -> u))
                .limit(limit).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The {@code n} users most likely to interact with each of {@code items}, none who already did: by content
     * alone for an item with no interaction, else by content and the collaborative score fused.
     */
    List<List<Pick>> usersFor(int[] items, int n) {
        List<List<Pick>> out = new ArrayList<>(items.length);
        int numUsers = matrix.rows();
        int block = (int) Math.max(1, Math.min(items.length, COLLAB_CELLS / Math.max(1, numUsers)));
        for (int from = 0; from < items.length; from += block) {
            int[] part = Arrays.copyOfRange(items, from, Math.min(items.length, from + block));
            float[][] columns = collabColumns(part);
            for (int t = 0; t < part.length; t++) {
                int item = part[t];
                double[] c = new double[numUsers];
                for (int u = 0; u < numUsers; u++) {
                    c[u] = content.score(u, item);
                }
                double[] k = null;
                if (columns != null && itemCounts[item] > 0) {
                    k = new double[numUsers];
                    for (int u = 0; u < numUsers; u++) {
                        float s = columns[t][u];
                        k[u] = Float.isFinite(s) ? s : Double.NaN;
                    }
                }
                int[] top = fuse(numUsers, u -> !matrix.contains(u, item), c, k, n, matrix::rowLength);
                List<Pick> picks = new ArrayList<>(top.length);
                for (int u : top) {
                    picks.add(new Pick(u, item, c[u], k == null ? Double.NaN : k[u]));
                }
                out.add(picks);
            }
        }
        return out;
    }

    /** The {@code n} items {@code user} has not interacted with that fit them best, by content and collaborative score. */
    List<Pick> itemsFor(int user, int n) {
        int numItems = itemCounts.length;
        double[] c = new double[numItems];
        for (int i = 0; i < numItems; i++) {
            c[i] = content.score(user, i);
        }
        double[] k = null;
        if (collab != null) {
            float[] s = new float[numItems];
            collab.score(user, s);
            k = new double[numItems];
            for (int i = 0; i < numItems; i++) {
                k[i] = Float.isFinite(s[i]) ? s[i] : Double.NaN;
            }
        }
        int[] top = fuse(numItems, i -> !matrix.contains(user, i), c, k, n, i -> itemCounts[i]);
        List<Pick> picks = new ArrayList<>(top.length);
        for (int i : top) {
            picks.add(new Pick(user, i, c[i], k == null ? Double.NaN : k[i]));
        }
        return picks;
    }

    /** Collaborative scores of every user for {@code items} ([item][user]), one pass over the users; null without a model. */
    private float[][] collabColumns(int[] items) {
        boolean any = Arrays.stream(items).anyMatch(i -> itemCounts[i] > 0);
        if (collab == null || !any) {
            return null;
        }
        int numUsers = matrix.rows();
        float[][] cols = new float[items.length][numUsers];
        ThreadLocal<float[]> buffer = ThreadLocal.withInitial(() -> new float[itemCounts.length]);
        IntStream.range(0, numUsers).parallel().forEach(u -> {
            float[] s = buffer.get();
            collab.score(u, s);
            for (int t = 0; t < items.length; t++) {
                cols[t][u] = s[items[t]];
            }
        });
        return cols;
    }

    /**
     * The {@code n} eligible indices with the highest reciprocal-rank fusion of {@code a} and {@code b} (either may be
     * null; NaN entries are unranked in that list). Ties go to the higher {@code tie} value, then the lower index.
     * Indices unranked in both lists are never picked.
     */
    static int[] fuse(int count, IntPredicate eligible, double[] a, double[] b, int n,
                      java.util.function.IntUnaryOperator tie) {
        double[] fused = new double[count];
        boolean[] ranked = new boolean[count];
        for (double[] scores : new double[][] {a, b}) {
            if (scores == null) {
                continue;
            }
            Integer[] order = IntStream.range(0, count).filter(i -> eligible.test(i) && !Double.isNaN(scores[i]))
                    .boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -scores[i])
                    .thenComparingInt(i -> -tie.applyAsInt(i)).thenComparingInt(i -> i));
            for (int r = 0; r < order.length; r++) {
                fused[order[r]] += 1.0 / (RRF_K + r + 1);
                ranked[order[r]] = true;
            }
        }
        return IntStream.range(0, count).filter(i -> ranked[i]).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -fused[i]).thenComparingInt(i -> -tie.applyAsInt(i))
                        .thenComparingInt(i -> i))
                .limit(n).mapToInt(Integer::intValue).toArray();
    }
}
