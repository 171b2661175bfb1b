package dev.augur.core.synth;

import dev.augur.core.rank.Csr;
import dev.augur.core.rank.RankingData;
import dev.augur.core.rank.SideInformation;

import java.util.Arrays;

/**
 * How well an item's content fits a user's history: the cosine between the item's text vector and the mean of the
 * (unit) text vectors of the items the user interacted with, from the dataset's latest item vector set. Without
 * text vectors, the cosine between the item's categories and the user's category counts. NaN where there is
 * nothing to compare (no vector or category for the item, or none in the user's history).
 */
final class ContentScores {
    private final String source;
    private final int dims;
    private final float[] items;
    private final boolean[] itemHas;
    private final float[] users;
    private final boolean[] userHas;
    private final int[][] itemCategories;
    private final int[][] userCategories;
    private final float[][] userWeights;
    private final double[] userNorms;

    private ContentScores(String source, int dims, float[] items, boolean[] itemHas, float[] users, boolean[] userHas,
                          int[][] itemCategories, int[][] userCategories, float[][] userWeights, double[] userNorms) {
        this.source = source;
        this.dims = dims;
        this.items = items;
        this.itemHas = itemHas;
        this.users = users;
        this.userHas = userHas;
        this.itemCategories = itemCategories;
        this.userCategories = userCategories;
        this.userWeights = userWeights;
        this.userNorms = userNorms;
    }

    /** Text vectors when the dataset has an item vector set, else categories, else nothing ({@link #available}). */
    static ContentScores of(RankingData data) {
        SideInformation side = data.side();
        Csr matrix = data.interactions().matrix();
        if (side.hasVectors()) {
            return text(side, matrix);
        }
        boolean anyCategory = Arrays.stream(side.categories()).anyMatch(c -> c.length > 0);
        return anyCategory ? categories(side, matrix) : new ContentScores("", 0, null, null, null, null, null, null,
                null, null);
    }

    private static ContentScores text(SideInformation side, Csr matrix) {
        int dims = side.dims();
        int numItems = side.numItems();
        float[] items = new float[numItems * dims];
        for (int i = 0; i < numItems; i++) {
            if (side.hasText()[i]) {
                System.arraycopy(side.itemText(), side.offset(i), items, i * dims, dims);
                normalise(items, i * dims, dims);
            }
        }
        int numUsers = matrix.rows();
        float[] users = new float[numUsers * dims];
        boolean[] userHas = new boolean[numUsers];
        for (int u = 0; u < numUsers; u++) {
            for (int i : matrix.row(u)) {
                if (side.hasText()[i]) {
                    userHas[u] = true;
                    for (int d = 0; d < dims; d++) {
                        users[u * dims + d] += items[i * dims + d];
                    }
                }
            }
            if (userHas[u]) {
                normalise(users, u * dims, dims);
            }
        }
        return new ContentScores("text vectors " + side.textSource(), dims, items, side.hasText(), users, userHas,
                null, null, null, null);
    }

    private static ContentScores categories(SideInformation side, Csr matrix) {
        int numUsers = matrix.rows();
        int[][] userCats = new int[numUsers][];
        float[][] weights = new float[numUsers][];
        double[] norms = new double[numUsers];
        int[] counts = new int[side.categoryNames().length];
        for (int u = 0; u < numUsers; u++) {
            int[] row = matrix.row(u);
            int distinct = 0;
            int[] touched = new int[counts.length == 0 ? 0 : Math.min(counts.length, 64)];
            for (int i : row) {
                for (int c : side.categories()[i]) {
                    if (counts[c]++ == 0) {
                        if (distinct == touched.length) {
                            touched = Arrays.copyOf(touched, Math.max(8, distinct * 2));
                        }
                        touched[distinct++] = c;
                    }
                }
            }
            int[] cats = Arrays.copyOf(touched, distinct);
            Arrays.sort(cats);
            float[] w = new float[distinct];
            double norm = 0;
            for (int k = 0; k < distinct; k++) {
                w[k] = counts[cats[k]];
                norm += (double) w[k] * w[k];
                counts[cats[k]] = 0;
            }
            userCats[u] = cats;
            weights[u] = w;
            norms[u] = Math.sqrt(norm);
        }
        return new ContentScores("categories", 0, null, null, null, null, side.categories(), userCats, weights, norms);
    }

    private static void normalise(float[] v, int from, int dims) {
        double n = 0;
        for (int d = 0; d < dims; d++) {
            n += (double) v[from + d] * v[from + d];
        }
        if (n > 0) {
            float inv = (float) (1 / Math.sqrt(n));
            for (int d = 0; d < dims; d++) {
                v[from + d] *= inv;
            }
        }
    }

    /** Whether any content can be compared at all. */
    boolean available() {
        return !source.isEmpty();
    }

    /** "text vectors item:default:minilm", "categories" or "" (none), for the report. */
    String source() {
        return source;
    }

    /** Whether {@code item} has content to compare (a text vector, or a category). */
    boolean hasContent(int item) {
        if (dims > 0) {
            return itemHas[item];
        }
        return itemCategories != null && itemCategories[item].length > 0;
    }

    /** Cosine of user {@code user}'s history and item {@code item} (dense indices); NaN when not comparable. */
    double score(int user, int item) {
        if (dims > 0) {
            if (!itemHas[item] || !userHas[user]) {
                return Double.NaN;
            }
            double dot = 0;
            int a = user * dims;
            int b = item * dims;
            for (int d = 0; d < dims; d++) {
                dot += (double) users[a + d] * items[b + d];
            }
            return dot;
        }
        if (itemCategories == null || itemCategories[item].length == 0 || userNorms[user] == 0) {
            return Double.NaN;
        }
        double dot = 0;
        for (int c : itemCategories[item]) {
            int at = Arrays.binarySearch(userCategories[user], c);
            if (at >= 0) {
                dot += userWeights[user][at];
            }
        }
        return dot / (userNorms[user] * Math.sqrt(itemCategories[item].length));
    }
}
