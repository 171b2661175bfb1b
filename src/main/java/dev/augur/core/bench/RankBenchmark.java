package dev.augur.core.bench;

import dev.augur.core.rank.EvalResult;
import dev.augur.core.rank.Evaluator;
import dev.augur.core.rank.Interactions;
import dev.augur.core.rank.Protocol;
import dev.augur.core.rank.RankingModels;
import dev.augur.core.rank.Recommender;
import dev.augur.core.rank.Recommenders;
import dev.augur.core.rank.SideInformation;
import dev.augur.core.rank.Split;
import dev.augur.core.rank.SplitSpec;
import dev.augur.core.rank.Splitter;
import dev.augur.core.rank.TrainingData;
import dev.augur.core.task.TaskMonitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bench rank}: how fast Augur's ranking models fit and how fast a full-ranking evaluation runs, and Augur's
 * implicit ALS against a peer ALS (Apache Spark MLlib, when the build carries it) on the same split in the same
 * run. Both sides are scored by the same {@link Evaluator} on a per-user leave-last-out split by time, ranking
 * every item the user has not interacted with.
 */
public final class RankBenchmark {
    /** Where the ALS comparison reads its ratings by default (the shared MovieLens "latest-small"). */
    public static final String DEFAULT_RATINGS = "../shared/datasets/ml-latest-small/ratings.csv";

    private static final List<Integer> KS = List.of(10);

    /** Per-run fit times and test metrics of one implementation, with the summaries the reports print. */
    public interface Runs {
        double[] fitSeconds();

        double[] fitCpuSeconds();

        double[] ndcg10();

        double[] recall10();

        default double fitMedian() {
            return median(fitSeconds());
        }

        default double fitCpuMedian() {
            return median(fitCpuSeconds());
        }

        default double ndcgMedian() {
            return median(ndcg10());
        }

        default double ndcgMean() {
            return mean(ndcg10());
        }

        default double recallMedian() {
            return median(recall10());
        }
    }

    /** What was measured on: where the log came from, its size and the split's counts. */
    public record Dataset(String source, int users, int items, int interactions, String split) {
    }

    /**
     * One model over several runs: fit seconds (wall and process CPU), evaluation seconds and the test metrics of
     * each run.
     */
    public record ModelRuns(String model, Map<String, Object> params, double[] fitSeconds, double[] fitCpuSeconds,
                            double[] evalSeconds, double[] ndcg10, double[] recall10) implements Runs {
        public double evalMedian() {
            return median(evalSeconds);
        }
    }

    /** The speed bar on a generated log: each model's fit and full-ranking evaluation. */
    public record GeneratedResult(Dataset data, int runs, int threads, double generateSeconds, List<ModelRuns> models) {
    }

    /** The settings both ALS implementations get. */
    public record AlsSettings(int rank, int iterations, double regularization, double alpha) {
        public AlsSettings {
            if (rank < 1 || iterations < 1 || !(regularization > 0) || !(alpha >= 0)) {
                throw new IllegalArgumentException("ALS needs rank ≥ 1, iterations ≥ 1, regularization > 0 and"
                        + " alpha ≥ 0, not " + rank + ", " + iterations + ", " + regularization + ", " + alpha);
            }
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", rank);
            m.put("iterations", iterations);
            m.put("regularization", regularization);
            m.put("alpha", alpha);
            return m;
        }
    }

    /**
     * The peer's runs: its engine start, its first (cold) fit, then per run the engine's own fit seconds (the
     * ratio's basis) and its process CPU seconds, the whole call with data moved in and factors out, and the test
     * metrics.
     */
    public record PeerRuns(String name, double startSeconds, double firstFitSeconds, double[] fitSeconds,
                           double[] fitCpuSeconds, double[] totalSeconds, double[] ndcg10, double[] recall10)
            implements Runs {
        public double totalMedian() {
            return median(totalSeconds);
        }
    }

    /**
     * Augur's ALS beside the peer's on one split; ratios and the paired per-user NDCG@10 difference (Augur − peer,
     * each user's NDCG averaged over the runs first) only when a peer ran.
     */
    public record PeerResult(Dataset data, int runs, int threads, AlsSettings settings, double augurFirstFitSeconds,
                             ModelRuns augur, ModelRuns popularity, Optional<PeerRuns> peer,
                             Optional<PairedDifference> paired) {
        /** Peer fit seconds / Augur fit seconds (medians of warm runs): above 1 means Augur is faster. */
        public Optional<Double> timeRatio() {
            return peer.map(p -> p.fitMedian() / augur.fitMedian());
        }

        /** The same in process CPU seconds, which other work on a shared machine disturbs less. */
        public Optional<Double> cpuRatio() {
            return peer.map(p -> p.fitCpuMedian() / augur.fitCpuMedian());
        }

        /** Augur NDCG@10 / peer NDCG@10, medians of the runs. */
        public Optional<Double> ndcgRatio() {
            return peer.map(p -> augur.ndcgMedian() / p.ndcgMedian());
        }

        /**
         * The same from the means of the runs: each run starts from new random factors, and the mean over runs
         * estimates each implementation's expected NDCG@10 better than the median of a few noisy values.
         */
        public Optional<Double> ndcgMeanRatio() {
            return peer.map(p -> augur.ndcgMean() / p.ndcgMean());
        }
    }

    private final Recommenders models;

    public RankBenchmark() {
        this(RankingModels.standard(null, null));
    }

    public RankBenchmark(Recommenders models) {
        this.models = models;
    }

    /** The leave-last-out split every mode uses. */
    public static Split split(Interactions data, long seed) {
        return Splitter.split(data, Protocol.of(new SplitSpec.LeaveLastOut(), seed, KS));
    }

    /**
     * Generates {@code interactions} over {@code users} × {@code items} with {@link GeneratedLog#generate} (planted
     * tastes, power-law popularity; the same log as {@code GeneratedLog}), then
     * {@code runs} times fits BPR (64 factors, 20 epochs) and ALS (64 factors, 10 iterations) and evaluates each
     * with full ranking of every user; popularity is evaluated once as the floor.
     */
    public GeneratedResult generated(int users, int items, int interactions, int runs, int threads, long seed,
                                     TaskMonitor monitor) {
        monitor.message("generating " + interactions + " interactions");
        long t0 = System.nanoTime();
        Interactions data = GeneratedLog.generate(interactions, users, items, seed);
        return speed(data, "generated (seed " + seed + ")", seconds(t0), runs, threads, seed, monitor);
    }

    /** The same speed bar on any log. */
    public GeneratedResult speed(Interactions data, String source, double generateSeconds, int runs, int threads,
                                 long seed, TaskMonitor monitor) {
        checkRuns(runs);
        Split split = split(data, seed);
        Dataset ds = new Dataset(source, data.numUsers(), data.numItems(), data.size(), split.notes());
        Map<String, String> overrides = Map.of("bpr.factors", "64", "bpr.epochs", "20",
                "als.factors", "64", "als.iterations", "10");
        List<ModelRuns> out = new ArrayList<>();
        out.add(measure("pop", Map.of(), split, 1, threads, monitor));
        for (String model : List.of("bpr", "als")) {
            out.add(measure(model, overrides, split, runs, threads, monitor));
        }
        return new GeneratedResult(ds, runs, threads, generateSeconds, out);
    }

    /**
     * Augur's ALS and, when {@code peer} is present, the peer's with the same settings on the same leave-last-out
     * split of {@code data}: one untimed warm-up fit each, then {@code runs} alternating timed fits, each
     * evaluated by the same evaluator. The peer is started (and its start timed) before the first fit and closed
     * at the end.
     */
    public PeerResult compare(Interactions data, String source, AlsSettings s, int runs, int threads, long seed,
                              Optional<AlsPeer> peer, TaskMonitor monitor) {
        return compare(data, source, s, Map.of(), runs, threads, seed, peer, monitor);
    }

    /**
     * As above, with {@code augurOverrides} ({@code als.name=value}) changing Augur's side only, for comparing each
     * side at settings of its own (Spark scales its regularization by each row's interaction count, Augur does not).
     */
    public PeerResult compare(Interactions data, String source, AlsSettings s, Map<String, String> augurOverrides,
                              int runs, int threads, long seed, Optional<AlsPeer> peer, TaskMonitor monitor) {
        checkRuns(runs);
        Split split = split(data, seed);
        Dataset ds = new Dataset(source, data.numUsers(), data.numItems(), data.size(), split.notes());
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("als.factors", Integer.toString(s.rank()));
        overrides.put("als.iterations", Integer.toString(s.iterations()));
        overrides.put("als.regularization", Double.toString(s.regularization()));
        overrides.put("als.alpha", Double.toString(s.alpha()));
        // Spark scales λ by each row's interaction count (ALS-WR); the same penalty needs the same scaling here
        overrides.put("als.weighted_regularization", "true");
        overrides.putAll(augurOverrides);
        ModelRuns pop = measure("pop", Map.of(), split, 1, threads, monitor);
        Evaluator evaluator = new Evaluator(threads);
        monitor.message("Augur ALS warm-up fit");
        double augurFirst = fit(models.create("als", overrides), split, threads, monitor);
        double startSeconds = 0;
        double peerFirst = 0;
        String peerName = "";
        double[][] a = new double[5][runs];
        double[][] p = new double[5][runs];
        int users = split.train().rows();
        double[] augurByUser = new double[users];
        double[] peerByUser = new double[users];
        boolean[] scored = new boolean[users];
        Map<String, Object> augurParams = Map.of();
        try {
            if (peer.isPresent()) {
                monitor.message("starting the peer");
                long t0 = System.nanoTime();
                peer.get().start(threads);
                startSeconds = seconds(t0);
                peerName = peer.get().name();
                monitor.message(peerName + " warm-up fit");
                t0 = System.nanoTime();
                fitPeer(peer.get(), split, s, seed);
                peerFirst = seconds(t0);
            }
            for (int r = 0; r < runs; r++) {
                monitor.message("run " + (r + 1) + " of " + runs + ": Augur ALS");
                Recommender als = models.create("als", overrides);
                // each run starts both sides from new random factors (seed + run), so the medians cover the
                // variation that initialisation alone causes
                long runSeed = seed + r;
                double cpu0 = ProcessCpu.seconds();
                a[0][r] = fit(als, split, threads, runSeed, monitor);
                a[1][r] = ProcessCpu.seconds() - cpu0;
                double[] byUser = unscored(users);
                EvalResult e = evaluator.evaluate(split, als, monitor, byUser);
                addScored(byUser, augurByUser, scored);
                a[2][r] = e.evalSeconds();
                a[3][r] = e.metric("ndcg@10");
                a[4][r] = e.metric("recall@10");
                augurParams = als.params();
                if (peer.isPresent()) {
                    monitor.message("run " + (r + 1) + " of " + runs + ": " + peerName);
                    long t0 = System.nanoTime();
                    AlsPeer.Factors f = fitPeer(peer.get(), split, s, runSeed);
                    p[2][r] = seconds(t0);
                    p[0][r] = f.engineSeconds();
                    p[1][r] = f.engineCpuSeconds();
                    double[] peerRun = unscored(users);
                    EvalResult pe = evaluator.evaluate(split, new FactorsRecommender("peer-als", s.toMap(), f), monitor,
                            peerRun);
                    addScored(peerRun, peerByUser, scored);
                    p[3][r] = pe.metric("ndcg@10");
                    p[4][r] = pe.metric("recall@10");
                }
            }
        } finally {
            peer.ifPresent(AlsPeer::close);
        }
        ModelRuns augur = new ModelRuns("als", augurParams, a[0], a[1], a[2], a[3], a[4]);
        Optional<PeerRuns> peerRuns = peer.isEmpty() ? Optional.empty()
                : Optional.of(new PeerRuns(peerName, startSeconds, peerFirst, p[0], p[1], p[2], p[3], p[4]));
        Optional<PairedDifference> paired = peer.isEmpty() ? Optional.empty()
                : Optional.of(PairedDifference.of(scale(augurByUser, 1.0 / runs), scale(peerByUser, 1.0 / runs), scored,
                seed));
        return new PeerResult(ds, runs, threads, s, augurFirst, augur, pop, peerRuns, paired);
    }

    private static double[] unscored(int users) {
        double[] v = new double[users];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    /** Adds a run's per-user values to {@code sum}; a user counts as scored when a run scored them. */
    private static void addScored(double[] run, double[] sum, boolean[] scored) {
        for (int u = 0; u < run.length; u++) {
            if (!Double.isNaN(run[u])) {
                sum[u] += run[u];
                scored[u] = true;
            }
        }
    }

    private static double[] scale(double[] v, double by) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * by;
        }
        return out;
    }

    private ModelRuns measure(String model, Map<String, String> overrides, Split split, int runs, int threads,
                              TaskMonitor monitor) {
        Evaluator evaluator = new Evaluator(threads);
        double[][] m = new double[5][runs];
        Map<String, Object> params = Map.of();
        for (int r = 0; r < runs; r++) {
            monitor.message("run " + (r + 1) + " of " + runs + ": " + model);
            Recommender rec = models.create(model, overrides);
            double cpu0 = ProcessCpu.seconds();
            m[0][r] = fit(rec, split, threads, monitor);
            m[1][r] = ProcessCpu.seconds() - cpu0;
            EvalResult e = evaluator.evaluate(split, rec, monitor);
            m[2][r] = e.evalSeconds();
            m[3][r] = e.metric("ndcg@10");
            m[4][r] = e.metric("recall@10");
            params = rec.params();
        }
        return new ModelRuns(model, params, m[0], m[1], m[2], m[3], m[4]);
    }

    /** Seconds to fit, the transposed training matrix included (the model needs it). */
    private static double fit(Recommender model, Split split, int threads, TaskMonitor monitor) {
        return fit(model, split, threads, split.protocol().seed(), monitor);
    }

    private static double fit(Recommender model, Split split, int threads, long seed, TaskMonitor monitor) {
        long t0 = System.nanoTime();
        TrainingData d = TrainingData.of(split, SideInformation.none(split.train().cols()), threads);
        model.fit(new TrainingData(d.train(), d.trainByItem(), d.side(), seed, d.threads(), d.history()), monitor);
        return seconds(t0);
    }

    private static AlsPeer.Factors fitPeer(AlsPeer peer, Split split, AlsSettings s, long seed) {
        AlsPeer.Factors f = peer.fit(split.train(), s.rank(), s.iterations(), s.regularization(), s.alpha(), seed);
        if (f.rank() != s.rank() || f.users().length != split.train().rows() * s.rank()
                || f.items().length != split.train().cols() * s.rank()) {
            throw new IllegalStateException(peer.name() + " returned factors of the wrong shape");
        }
        return f;
    }

    private static void checkRuns(int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, not " + runs);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static double mean(double[] xs) {
        return xs.length == 0 ? Double.NaN : Arrays.stream(xs).sum() / xs.length;
    }

    static double median(double[] xs) {
        if (xs.length == 0) {
            return Double.NaN;
        }
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
