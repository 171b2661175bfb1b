package dev.augur.core.rank.models;

import dev.augur.core.rank.Evaluator;
import dev.augur.core.rank.Interactions;
import dev.augur.core.rank.Protocol;
import dev.augur.core.rank.Recommender;
import dev.augur.core.rank.SideInformation;
import dev.augur.core.rank.Split;
import dev.augur.core.rank.SplitSpec;
import dev.augur.core.rank.Splitter;
import dev.augur.core.rank.TrainingData;
import dev.augur.core.task.TaskMonitor;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/** Data and helpers for the model tests: planted-structure interactions, MovieLens ratings, fit-and-evaluate. */
final class ModelFixtures {
    private ModelFixtures() {
    }

    /**
     * {@code users} users, each with {@code perUser} distinct items drawn with probability ∝ popularity ·
     * exp(3 · cos(user taste, item profile)) over {@code groups} taste groups: items of the user's group are
     * strongly preferred, popular items a little. Rows are in per-user time order.
     */
    static Interactions planted(int users, int items, int perUser, int groups, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] itemGroup = new int[items];
        double[] pop = new double[items];
        for (int i = 0; i < items; i++) {
            itemGroup[i] = r.nextInt(groups);
            pop[i] = 1 / Math.pow(i + 1, 0.7);
        }
        int n = users * perUser;
        int[] u = new int[n];
        int[] it = new int[n];
        float[] v = new float[n];
        long[] ts = new long[n];
        double[] cum = new double[items];
        int k = 0;
        for (int user = 0; user < users; user++) {
            int g = r.nextInt(groups);
            double total = 0;
            for (int i = 0; i < items; i++) {
                total += pop[i] * (itemGroup[i] == g ? 20 : 1);
                cum[i] = total;
            }
            boolean[] taken = new boolean[items];
            for (int c = 0; c < perUser; c++) {
                int i;
                do {
                    int at = Arrays.binarySearch(cum, r.nextDouble() * total);
                    i = Math.min(items - 1, at < 0 ? -at - 1 : at);
                } while (taken[i]);
                taken[i] = true;
                u[k] = user;
                it[k] = i;
                v[k] = 1 + r.nextInt(5);
                ts[k] = c;
                k++;
            }
        }
        return new Interactions(1, seq(users), seq(items), u, it, v, ts, new boolean[n]);
    }

    /** ratings.csv (userId,movieId,rating,timestamp) with ids renumbered densely, rows in (user, time) order. */
    static Interactions movieLens(Path ratingsCsv) throws IOException {
        int cap = 1 << 17;
        long[] uid = new long[cap];
        long[] iid = new long[cap];
        float[] val = new float[cap];
        long[] ts = new long[cap];
        int n = 0;
        try (BufferedReader in = Files.newBufferedReader(ratingsCsv, StandardCharsets.UTF_8)) {
            String line = in.readLine(); // header
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                if (n == uid.length) {
                    uid = Arrays.copyOf(uid, n * 2);
                    iid = Arrays.copyOf(iid, n * 2);
                    val = Arrays.copyOf(val, n * 2);
                    ts = Arrays.copyOf(ts, n * 2);
                }
                uid[n] = Long.parseLong(f[0]);
                iid[n] = Long.parseLong(f[1]);
                val[n] = Float.parseFloat(f[2]);
                ts[n] = Long.parseLong(f[3]);
                n++;
            }
        }
        long[] users = Arrays.stream(uid, 0, n).distinct().sorted().toArray();
        long[] items = Arrays.stream(iid, 0, n).distinct().sorted().toArray();
        long[] order = new long[n];
        Integer[] rows = new Integer[n];
        for (int k = 0; k < n; k++) {
            rows[k] = k;
        }
        long[] fu = uid;
        long[] ft = ts;
        long[] fi = iid;
        Arrays.sort(rows, (a, b) -> fu[a] != fu[b] ? Long.compare(fu[a], fu[b])
                : ft[a] != ft[b] ? Long.compare(ft[a], ft[b]) : Long.compare(fi[a], fi[b]));
        int[] u = new int[n];
        int[] it = new int[n];
        float[] v = new float[n];
        long[] t = new long[n];
        for (int k = 0; k < n; k++) {
            int row = rows[k];
            u[k] = Arrays.binarySearch(users, uid[row]);
            it[k] = Arrays.binarySearch(items, iid[row]);
            v[k] = val[row];
            t[k] = ts[row];
        }
        return new Interactions(1, users, items, u, it, v, t, new boolean[n]);
    }

    /** RecBole's quick-start protocol: random 8:1:1 per user, full ranking, scored on the test part. */
    static Split randomSplit(Interactions data, long seed) {
        return Splitter.split(data, Protocol.of(new SplitSpec.Random(0.8, 0.1, 0.1), seed, List.of(10)));
    }

    static TrainingData training(Split split, int threads) {
        return TrainingData.of(split, SideInformation.none(split.train().cols()), threads);
    }

    /** Fits {@code model} and returns its test metrics (full ranking, K = 10). */
    static Map<String, Double> fitAndEvaluate(Split split, Recommender model, int threads) {
        model.fit(training(split, threads), TaskMonitor.NONE);
        return new Evaluator(threads).evaluate(split, model, TaskMonitor.NONE).metrics();
    }

    /** A monitor that reports cancelled from the first progress report on. */
    static TaskMonitor cancelledAfterFirstProgress() {
        AtomicBoolean cancelled = new AtomicBoolean();
        return new TaskMonitor() {
            @Override public void progress(long done, long total) {
                cancelled.set(true);
            }

            @Override public void message(String message) {
            }

            @Override public boolean isCancelled() {
                return cancelled.get();
            }
        };
    }

    static float[] scores(Recommender model, int user, int items) {
        float[] s = new float[items];
        model.score(user, s);
        return s;
    }

    private static long[] seq(int n) {
        long[] out = new long[n];
        for (int k = 0; k < n; k++) {
            out[k] = k;
        }
        return out;
    }
}
