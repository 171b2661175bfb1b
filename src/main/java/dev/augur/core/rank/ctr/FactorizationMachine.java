package dev.augur.core.rank.ctr;

import dev.augur.core.task.TaskMonitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A factorisation machine for click prediction (Rendle 2010): {@code ŷ = w0 + Σ wᵢxᵢ + Σ_{i<j} ⟨vᵢ,vⱼ⟩ xᵢxⱼ},
 * the pairwise term in its O(k·n) form {@code ½ Σ_f [(Σᵢ v_{i,f}xᵢ)² − Σᵢ v_{i,f}²xᵢ²]}, probability
 * {@code σ(ŷ)}. With {@code factors = 0} it is plain logistic regression. Trained on log loss by Adagrad with L2
 * on the parameters a sample touches; when the validation part is not empty, training stops once its log loss
 * gets worse and the best epoch's parameters are kept. One thread gives the same model for the same seed; more
 * threads train lock-free (Hogwild), faster but not bit-for-bit repeatable.
 */
public final class FactorizationMachine {

    /** Training settings. */
    public record Config(int factors, int epochs, double learningRate, double l2, double initStd, int threads,
                         long seed) {
        public Config {
            if (factors < 0 || factors > 512) {
                throw new IllegalArgumentException("factors must be in 0..512, not " + factors);
            }
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be ≥ 1, not " + epochs);
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learning rate must be positive, not " + learningRate);
            }
            if (!(l2 >= 0) || !(initStd >= 0)) {
                throw new IllegalArgumentException("l2 and init std must be ≥ 0");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be ≥ 1, not " + threads);
            }
        }

        /** An FM with 16 factors (the papers' backbone size), at most 20 epochs: early stopping ends it sooner. */
        public static Config fm() {
            return new Config(16, 20, 0.05, 1e-5, 0.01, 1, 42);
        }

        /** Logistic regression: the same model without factors. */
        public static Config logistic() {
            return fm().withFactors(0);
        }

        public Config withFactors(int k) {
            return new Config(k, epochs, learningRate, l2, initStd, threads, seed);
        }

        public Config withEpochs(int n) {
            return new Config(factors, n, learningRate, l2, initStd, threads, seed);
        }

        public Config withLearningRate(double lr) {
            return new Config(factors, epochs, lr, l2, initStd, threads, seed);
        }

        public Config withL2(double l) {
            return new Config(factors, epochs, learningRate, l, initStd, threads, seed);
        }

        public Config withThreads(int t) {
            return new Config(factors, epochs, learningRate, l2, initStd, t, seed);
        }

        public Config withSeed(long s) {
            return new Config(factors, epochs, learningRate, l2, initStd, threads, s);
        }

        /** {@code fm} or {@code lr}. */
        public String model() {
            return factors == 0 ? "lr" : "fm";
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", model());
            m.put("factors", factors);
            m.put("max_epochs", epochs);
            m.put("optimizer", "adagrad");
            m.put("learning_rate", learningRate);
            m.put("l2", l2);
            m.put("init_std", initStd);
            m.put("threads", threads);
            m.put("seed", seed);
            return m;
        }
    }

    /** What training did: epochs run, the epoch whose parameters were kept (1-based) and its validation log loss
     * (NaN without a validation part). */
    public record Fit(int epochsRun, int bestEpoch, double validLogLoss, double seconds) {
    }

    private static final int CHUNK = 4096;
    private static final double EPS = 1e-8;

    private final Config config;
    private SampleFeatures features;
    private float w0;
    private float[] w;
    private float[] v;
    private double g0;
    private float[] gw;
    private float[] gv;

    public FactorizationMachine(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    public Fit fit(SampleFeatures features, CtrSamples train, CtrSamples valid, TaskMonitor monitor) {
        long start = System.nanoTime();
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training samples");
        }
        this.features = features;
        int n = features.numFeatures();
        int k = config.factors();
        if ((long) n * k > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(n + " features × " + k + " factors do not fit in one array");
        }
        SplittableRandom rnd = new SplittableRandom(config.seed());
        w = new float[n];
        v = new float[n * k];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rnd.nextGaussian() * config.initStd());
        }
        double rate = Math.min(Math.max(train.positiveRate(), 1e-4), 1 - 1e-4);
        w0 = (float) Math.log(rate / (1 - rate)); // start at the base rate, not at 0.5
        g0 = 0;
        gw = new float[n];
        gv = new float[n * k];

        int epochs = config.epochs();
        int size = train.size();
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        float[][] kept = null;
        int ran = 0;
        ExecutorService pool = config.threads() > 1 ? Executors.newFixedThreadPool(config.threads()) : null;
        try {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                monitor.message("epoch " + epoch + " of at most " + epochs);
                shuffle(order, rnd);
                runEpoch(order, train, pool, monitor, (long) (epoch - 1) * size, (long) epochs * size);
                ran = epoch;
                if (valid.isEmpty()) {
                    bestEpoch = epoch;
                    continue;
                }
                double loss = CtrMetrics.logLoss(predict(valid, pool), valid.label());
                if (loss < best) {
                    best = loss;
                    bestEpoch = epoch;
                    kept = new float[][] {{w0}, w.clone(), v.clone()};
                } else {
                    break; // the validation loss turned: later epochs only overfit the ids further
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        if (kept != null && bestEpoch < ran) {
            w0 = kept[0][0];
            w = kept[1];
            v = kept[2];
        }
        gw = null; // the optimiser state is not needed after training
        gv = null;
        monitor.progress((long) epochs * size, (long) epochs * size);
        return new Fit(ran, bestEpoch, valid.isEmpty() ? Double.NaN : best, (System.nanoTime() - start) / 1e9);
    }

    private static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private void runEpoch(int[] order, CtrSamples train, ExecutorService pool, TaskMonitor monitor, long doneBefore,
                          long total) {
        if (pool == null) {
            Worker wk = new Worker();
            for (int from = 0; from < order.length; from += CHUNK) {
                monitor.checkCancelled();
                int to = Math.min(order.length, from + CHUNK);
                for (int j = from; j < to; j++) {
                    int s = order[j];
                    wk.step(train.user()[s], train.item()[s], train.label()[s]);
                }
                monitor.progress(doneBefore + to, total);
            }
            return;
        }
        int threads = config.threads();
        List<Future<?>> jobs = new ArrayList<>();
        int per = (order.length + threads - 1) / threads;
        for (int t = 0; t < threads; t++) {
            int from = t * per;
            int to = Math.min(order.length, from + per);
            jobs.add(pool.submit(() -> {
                Worker wk = new Worker();
                for (int j = from; j < to; j++) {
                    if ((j - from) % CHUNK == 0) {
                        monitor.checkCancelled();
                    }
                    int s = order[j];
                    wk.step(train.user()[s], train.item()[s], train.label()[s]);
                }
            }));
        }
        await(jobs);
        monitor.progress(doneBefore + order.length, total);
    }

    private static void await(List<Future<?>> jobs) {
        try {
            for (Future<?> f : jobs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Click probability of each sample. */
    public float[] predict(CtrSamples samples) {
        requireFitted();
        if (config.threads() == 1 || samples.size() < 2 * CHUNK) {
            return predict(samples, null);
        }
        ExecutorService pool = Executors.newFixedThreadPool(config.threads());
        try {
            return predict(samples, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Click probability of one (user, item) pair. */
    public float predict(int user, int item) {
        requireFitted();
        return new Worker().probability(user, item);
    }

    private float[] predict(CtrSamples samples, ExecutorService pool) {
        float[] out = new float[samples.size()];
        if (pool == null) {
            Worker wk = new Worker();
            for (int s = 0; s < out.length; s++) {
                out[s] = wk.probability(samples.user()[s], samples.item()[s]);
            }
            return out;
        }
        List<Future<?>> jobs = new ArrayList<>();
        for (int from = 0; from < out.length; from += CHUNK) {
            int f = from;
            jobs.add(pool.submit(() -> {
                Worker wk = new Worker();
                for (int s = f; s < Math.min(out.length, f + CHUNK); s++) {
                    out[s] = wk.probability(samples.user()[s], samples.item()[s]);
                }
            }));
        }
        await(jobs);
        return out;
    }

    private void requireFitted() {
        if (w == null) {
            throw new IllegalStateException("the model has not been fitted");
        }
    }

    /** Per-thread buffers: a sample's features and the per-factor sums. */
    private final class Worker {
        final int[] idx = new int[features.maxFeatures()];
        final float[] val = new float[features.maxFeatures()];
        final double[] sum = new double[config.factors()];

        /** ŷ of the sample in the buffers, leaving Σᵢ v_{i,f}xᵢ in {@link #sum}. */
        double logit(int n) {
            int k = config.factors();
            double y = w0;
            java.util.Arrays.fill(sum, 0);
            double sq = 0;
            for (int j = 0; j < n; j++) {
                int i = idx[j];
                float x = val[j];
                y += w[i] * x;
                int base = i * k;
                for (int f = 0; f < k; f++) {
                    double t = v[base + f] * x;
                    sum[f] += t;
                    sq += t * t;
                }
            }
            double pair = 0;
            for (int f = 0; f < k; f++) {
                pair += sum[f] * sum[f];
            }
            return y + 0.5 * (pair - sq);
        }

        float probability(int user, int item) {
            int n = features.gather(user, item, idx, val);
            return (float) sigmoid(logit(n));
        }

        void step(int user, int item, float label) {
            int n = features.gather(user, item, idx, val);
            double g = sigmoid(logit(n)) - label; // d logloss / d ŷ
            double lr = config.learningRate();
            float l2 = (float) config.l2();
            int k = config.factors();
            g0 += g * g;
            w0 -= (float) (lr * g / (Math.sqrt(g0) + EPS));
            for (int j = 0; j < n; j++) {
                int i = idx[j];
                float x = val[j];
                float gi = (float) (g * x) + l2 * w[i];
                gw[i] += gi * gi;
                w[i] -= (float) (lr * gi / (Math.sqrt(gw[i]) + EPS));
                int base = i * k;
                for (int f = 0; f < k; f++) {
                    float vf = v[base + f];
                    float gf = (float) (g * x * (sum[f] - vf * x)) + l2 * vf;
                    gv[base + f] += gf * gf;
                    v[base + f] = vf - (float) (lr * gf / (Math.sqrt(gv[base + f]) + EPS));
                }
            }
        }
    }

    private static double sigmoid(double y) {
        return y >= 0 ? 1 / (1 + Math.exp(-y)) : Math.exp(y) / (1 + Math.exp(y));
    }
}
