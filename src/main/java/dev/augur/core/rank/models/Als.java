package dev.augur.core.rank.models;

import dev.augur.core.rank.Csr;
import dev.augur.core.rank.Reason;
import dev.augur.core.rank.Recommender;
import dev.augur.core.rank.TrainingData;
import dev.augur.core.task.TaskMonitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Implicit-feedback ALS (Hu, Koren &amp; Volinsky 2008): every user-item pair is a target, 1 where the user
 * interacted and 0 elsewhere, weighted by confidence {@code c = 1 + alpha · r} ({@code r} = 1, or the interaction's
 * value with {@code useValues}) on interactions and 1 elsewhere, with L2 {@code regularization}. Each half-iteration
 * ({@link AlsRowSolver}) solves every row's least-squares system approximately with {@code cgSteps}
 * conjugate-gradient steps warm-started from the previous factors (Takács et al. 2011, as in the implicit library),
 * using the Gram matrix of the other side computed once. Items are solved before users, so the user factors are the
 * solution for the final item factors and {@link #explain} decomposes the actual score.
 * {@code score(u, i) = userFactors[u] · itemFactors[i]}.
 */
public final class Als implements Recommender {

    /**
     * Defaults tuned on MovieLens latest-small (random 8:1:1, full ranking): a strong regularisation (λ = 30, not
     * the implicit library's 0.01) and a low confidence slope (α = 2) keep the many items with a handful of
     * interactions from getting confident factors; NDCG@10 there 0.25 against 0.19 with λ = 0.1, α = 10.
     */
    public record Params(int factors, int iterations, double regularization, double alpha, int cgSteps,
                         boolean useValues) {
        public static final Params DEFAULTS = new Params(64, 15, 30, 2, 3, false);

        public Params withIterations(int n) {
            return new Params(factors, n, regularization, alpha, cgSteps, useValues);
        }

        public Params {
            if (factors < 1) {
                throw new IllegalArgumentException("ALS needs at least 1 factor, not " + factors);
            }
            if (iterations < 1) {
                throw new IllegalArgumentException("ALS needs at least 1 iteration, not " + iterations);
            }
            if (!(regularization > 0)) {
                throw new IllegalArgumentException("ALS regularization must be > 0, not " + regularization);
            }
            if (!(alpha >= 0)) {
                throw new IllegalArgumentException("ALS alpha must be ≥ 0, not " + alpha);
            }
            if (cgSteps < 1) {
                throw new IllegalArgumentException("ALS needs at least 1 conjugate-gradient step, not " + cgSteps);
            }
        }
    }

    private final Params params;
    private boolean weightedRegularization;
    private boolean exact;
    private int dim;
    private float[] userFactors = new float[0];
    private float[] itemFactors = new float[0];
    /** YᵀY + λI of the final item factors, for {@link #explain}. */
    private double[] itemGram = new double[0];
    private Csr train;

    public Als() {
        this(Params.DEFAULTS);
    }

    public Als(Params params) {
        this.params = params;
    }

    public Params parameters() {
        return params;
    }

    @Override public String name() {
        return "als";
    }

    @Override public Map<String, Object> params() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("factors", params.factors());
        m.put("iterations", params.iterations());
        m.put("regularization", params.regularization());
        m.put("weighted_regularization", weightedRegularization);
        m.put("solver", exact ? "cholesky" : "cg");
        m.put("alpha", params.alpha());
        m.put("cg_steps", params.cgSteps());
        m.put("use_values", params.useValues());
        return m;
    }

    /**
     * Solves each row exactly (Cholesky on the full normal equations, as Spark MLlib does) instead of with a few
     * warm-started conjugate-gradient steps; slower by about d / cgSteps, for like-for-like comparisons.
     */
    public Als exactSolver(boolean on) {
        this.exact = on;
        return this;
    }

    /**
     * Scales each row's L2 penalty by its number of interactions (λ·n, ALS-WR, as Spark MLlib does) instead of a flat
     * λ; off by default. Needed to compare with Spark at equal settings: the same λ is not the same penalty.
     */
    public Als weightedRegularization(boolean on) {
        this.weightedRegularization = on;
        return this;
    }

    @Override public void fit(TrainingData data, TaskMonitor monitor) {
        int users = data.numUsers();
        int items = data.numItems();
        int d = params.factors();
        SplittableRandom init = new SplittableRandom(data.seed());
        float[] x = new float[users * d];
        float[] y = new float[items * d];
        // start from random vectors of about unit length (as Spark does): with a few warm-started CG steps per
        // row, a near-zero start leaves the first iterations under-solved
        float scale = (float) (1 / Math.sqrt(d));
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) init.nextGaussian() * scale;
        }
        for (int k = 0; k < y.length; k++) {
            y[k] = (float) init.nextGaussian() * scale;
        }
        float[] byUser = confidences(data.train());
        float[] byItem = confidences(data.trainByItem());
        int iterations = params.iterations();
        long total = (long) iterations * (users + items);
        AlsRowSolver rows = new AlsRowSolver(params.regularization(), params.cgSteps(), weightedRegularization, exact);
        for (int it = 0; it < iterations; it++) {
            monitor.message("ALS iteration " + (it + 1) + " of " + iterations);
            long base = (long) it * (users + items);
            rows.update(y, x, data.trainByItem(), byItem, d, data.threads(), monitor, base, total);
            rows.update(x, y, data.train(), byUser, d, data.threads(), monitor, base + items, total);
        }
        this.dim = d;
        this.userFactors = x;
        this.itemFactors = y;
        this.itemGram = AlsRowSolver.gram(y, items, d, params.regularization(), data.threads(), monitor);
        this.train = data.train();
    }

    /** c per stored entry of {@code m}, aligned with its values. */
    private float[] confidences(Csr m) {
        float[] c = new float[m.nnz()];
        float alpha = (float) params.alpha();
        for (int k = 0; k < c.length; k++) {
            c[k] = 1 + alpha * (params.useValues() ? m.values()[k] : 1f);
        }
        return c;
    }


    @Override public void score(int user, float[] scores) {
        int d = dim;
        int ou = user * d;
        for (int i = 0; i < scores.length; i++) {
            int oi = i * d;
            float s = 0;
            for (int f = 0; f < d; f++) {
                s += userFactors[ou + f] * itemFactors[oi + f];
            }
            scores[i] = s;
        }
    }

    /**
     * The history items with the largest share of the score: the user's factors solve
     * {@code A x = Σ_j c_j y_j} with {@code A = YᵀY + λI + Σ_j (c_j - 1) y_j y_jᵀ}, so
     * {@code score = y_iᵀ x = Σ_j c_j (A⁻¹ y_i) · y_j} (as the implicit library explains ALS).
     */
    @Override public List<Reason> explain(int user, int item, int max) {
        int d = dim;
        int from = train.indptr()[user];
        int to = train.indptr()[user + 1];
        double[] a = itemGram.clone();
        float alpha = (float) params.alpha();
        double[] c = new double[to - from];
        for (int k = from; k < to; k++) {
            c[k - from] = 1 + alpha * (params.useValues() ? train.values()[k] : 1f);
            int oj = train.indices()[k] * d;
            double w = c[k - from] - 1;
            for (int i = 0; i < d; i++) {
                double yi = w * itemFactors[oj + i];
                for (int j = 0; j < d; j++) {
                    a[i * d + j] += yi * itemFactors[oj + j];
                }
            }
        }
        double[] z = new double[d];
        for (int i = 0; i < d; i++) {
            z[i] = itemFactors[item * d + i];
        }
        DenseCholesky.solveInPlace(a, d, z);
        List<Reason> out = new ArrayList<>();
        for (int k = from; k < to; k++) {
            int j = train.indices()[k];
            double dot = 0;
            for (int i = 0; i < d; i++) {
                dot += z[i] * itemFactors[j * d + i];
            }
            out.add(Reason.item(j, c[k - from] * dot));
        }
        out.sort(Comparator.comparingDouble(Reason::contribution).reversed());
        return out.subList(0, Math.min(max, out.size()));
    }
}
