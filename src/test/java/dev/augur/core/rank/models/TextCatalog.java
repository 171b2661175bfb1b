package dev.augur.core.rank.models;

import dev.augur.core.rank.Csr;
import dev.augur.core.rank.Interactions;
import dev.augur.core.rank.Protocol;
import dev.augur.core.rank.Recommender;
import dev.augur.core.rank.SideInformation;
import dev.augur.core.rank.Split;
import dev.augur.core.rank.SplitSpec;
import dev.augur.core.rank.Splitter;
import dev.augur.core.rank.TopK;
import dev.augur.core.rank.TrainingData;
import dev.augur.core.task.TaskMonitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A synthetic catalogue with planted structure, for the text-aware models. Items belong to one of {@code themes}
 * themes (visible in their text vectors: the theme's direction plus noise) and to one of two "cliques" that the text
 * does not show. Each user likes two themes and one clique and mostly picks items that match both, popular ones
 * more often. So text alone finds a user's themes, only interactions find the clique, and the best model uses both.
 */
final class TextCatalog {
    final int themes;
    final int numUsers;
    final int numItems;
    final int dims;
    final int[] theme;
    final int[] clique;
    final int[][] likedThemes;
    final int[] userClique;
    final float[] text;
    final Interactions data;

    TextCatalog(long seed, int numUsers, int numItems, int themes, int dims, int perUser) {
        this.themes = themes;
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.dims = dims;
        Random rnd = new Random(seed);
        float[][] centroid = new float[themes][dims];
        for (float[] c : centroid) {
            for (int f = 0; f < dims; f++) {
                c[f] = (float) rnd.nextGaussian();
            }
            normalise(c);
        }
        theme = new int[numItems];
        clique = new int[numItems];
        double[] pop = new double[numItems];
        text = new float[numItems * dims];
        for (int i = 0; i < numItems; i++) {
            theme[i] = i % themes;
            clique[i] = rnd.nextInt(2);
            pop[i] = 1 / Math.pow(1 + rnd.nextInt(numItems), 0.3);
            float[] v = new float[dims];
            for (int f = 0; f < dims; f++) {
                v[f] = centroid[theme[i]][f] + (float) (rnd.nextGaussian() * 0.6 / Math.sqrt(dims));
            }
            System.arraycopy(v, 0, text, i * dims, dims);
        }
        likedThemes = new int[numUsers][];
        userClique = new int[numUsers];
        List<int[]> rows = new ArrayList<>();
        for (int u = 0; u < numUsers; u++) {
            int a = rnd.nextInt(themes);
            int b = (a + 1 + rnd.nextInt(themes - 1)) % themes;
            likedThemes[u] = new int[] {a, b};
            userClique[u] = rnd.nextInt(2);
            boolean[] taken = new boolean[numItems];
            int n = perUser / 2 + rnd.nextInt(perUser);
            for (int j = 0; j < n; j++) {
                boolean match = rnd.nextDouble() < 0.9;
                int pick = -1;
                for (int tries = 0; tries < 200 && pick < 0; tries++) {
                    int c = rnd.nextInt(numItems);
                    boolean fits = (theme[c] == a || theme[c] == b) && clique[c] == userClique[u];
                    if (!taken[c] && fits == match && rnd.nextDouble() < pop[c] * 3) {
                        pick = c;
                    }
                }
                if (pick >= 0) {
                    taken[pick] = true;
                    rows.add(new int[] {u, pick, j});
                }
            }
        }
        int n = rows.size();
        int[] us = new int[n];
        int[] is = new int[n];
        float[] vs = new float[n];
        long[] ts = new long[n];
        for (int k = 0; k < n; k++) {
            us[k] = rows.get(k)[0];
            is[k] = rows.get(k)[1];
            vs[k] = 1;
            ts[k] = 1_000_000L + rows.get(k)[2];
        }
        long[] userIds = new long[numUsers];
        long[] itemIds = new long[numItems];
        for (int u = 0; u < numUsers; u++) {
            userIds[u] = 1000 + u;
        }
        for (int i = 0; i < numItems; i++) {
            itemIds[i] = 5000 + i;
        }
        data = new Interactions(1, userIds, itemIds, us, is, vs, ts, new boolean[n]);
    }

    SideInformation side() {
        boolean[] has = new boolean[numItems];
        Arrays.fill(has, true);
        String[] titles = new String[numItems];
        for (int i = 0; i < numItems; i++) {
            titles[i] = "theme " + theme[i] + " item " + i;
        }
        int[][] cats = new int[numItems][];
        for (int i = 0; i < numItems; i++) {
            cats[i] = new int[] {theme[i]};
        }
        String[] names = new String[themes];
        for (int c = 0; c < themes; c++) {
            names[c] = "theme " + c;
        }
        return new SideInformation(numItems, dims, text.clone(), has, "synthetic", cats, names, titles);
    }

    /** Side information whose items all lack text: a text-aware model on it is purely id-based. */
    SideInformation noText() {
        return SideInformation.none(numItems).withText(1, new float[numItems], new boolean[numItems], "none");
    }

    Split split(String spec, long seed) {
        return Splitter.split(data, Protocol.of(SplitSpec.parse(spec), seed, List.of(10)));
    }

    static TrainingData training(Split split, SideInformation side) {
        return TrainingData.of(split, side, 2);
    }

    private static void normalise(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float inv = (float) (1 / Math.sqrt(n));
        for (int f = 0; f < v.length; f++) {
            v[f] *= inv;
        }
    }

    /**
     * Recall@k over the users with target items: the share of each user's target items in its top k (training items
     * excluded), averaged over users.
     */
    static double recall(Split split, Recommender model, int k) {
        Csr target = split.test();
        float[] scores = new float[split.data().numItems()];
        int[] top = new int[k];
        double sum = 0;
        int users = 0;
        for (int u = 0; u < target.rows(); u++) {
            if (target.rowLength(u) == 0 || split.train().rowLength(u) == 0) {
                continue;
            }
            model.score(u, scores);
            for (int i = 0; i < scores.length; i++) {
                if (split.excluded(u, i)) {
                    scores[i] = Float.NEGATIVE_INFINITY;
                }
            }
            int n = TopK.select(scores, k, top);
            int hits = 0;
            for (int j = 0; j < n; j++) {
                if (target.contains(u, top[j])) {
                    hits++;
                }
            }
            sum += (double) hits / Math.min(k, target.rowLength(u));
            users++;
        }
        return users == 0 ? 0 : sum / users;
    }

    static Recommender fitted(Recommender model, TrainingData data) {
        model.fit(data, TaskMonitor.NONE);
        return model;
    }
}
