package dev.augur.core.rank.models;

import dev.augur.core.task.BlockRunner;
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
 * solves every row's least-squares system approximately with {@code cgSteps} conjugate-gradient steps warm-started
 * from the previous factors (Takács et al. 2011, as in the implicit library), using the Gram matrix of the other
 * side computed once. Items are solved before users, so the user factors are the solution for the final item
 * factors and {@link #explain} decomposes the actual score. {@code score(u, i) = userFactors[u] · itemFactors[i]}.
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

    private static final int BLOCK = 64;

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
     * Scales each row's L2 penalty by its number of interactions (λ·n, ALS-WR, as Spark MLlib does) instead of a flat
     * λ; off by default. Needed to compare with Spark at equal settings: the same λ is not the same penalty.
     */
    /**
     * Solves each row exactly (Cholesky on the full normal equations, as Spark MLlib does) instead of with a few
     * warm-started conjugate-gradient steps; slower by about d / cgSteps, for like-for-like comparisons.
     */
    public Als exactSolver(boolean on) {
        this.exact = on;
        return this;
    }

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
        for (int it = 0; it < iterations; it++) {
            monitor.message("ALS iteration " + (it + 1) + " of " + iterations);
            long base = (long) it * (users + items);
            solve(y, x, data.trainByItem(), byItem, d, data.threads(), monitor, base, total);
            solve(x, y, data.train(), byUser, d, data.threads(), monitor, base + items, total);
        }
        this.dim = d;
        this.userFactors = x;
        this.itemFactors = y;
        this.itemGram = gram(y, items, d, params.regularization(), data.threads(), monitor);
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

    /**
     * Updates every row of {@code target} given {@code fixed}: row {@code a} minimises
     * {@code Σ_b c_ab (p_ab - t_a·f_b)² + λ|t_a|²} with {@code cgSteps} CG steps from its current value.
     */
    private void solve(float[] target, float[] fixed, Csr m, float[] conf, int d, int threads, TaskMonitor monitor,
                       long base, long total) {
        int rows = m.rows();
        double[] g = gram(fixed, m.cols(), d, params.regularization(), threads, monitor);
        float[] gram = new float[d * d];
        for (int k = 0; k < gram.length; k++) {
            gram[k] = (float) g[k];
        }
        int steps = params.cgSteps();
        boolean weighted = weightedRegularization;
        float reg = (float) params.regularization();
        int workers = BlockRunner.workers(rows, BLOCK, threads);
        float[][] scratch = new float[workers][3 * d];
        double[][] system = exact ? new double[workers][d * d + d] : null;
        int[] ptr = m.indptr();
        int[] idx = m.indices();
        BlockRunner.run(rows, BLOCK, threads, monitor, base, total, (from, to, worker) -> {
            float[] s = scratch[worker];
            for (int a = from; a < to; a++) {
                int n = ptr[a + 1] - ptr[a];
                // ALS-WR (Zhou et al. 2008, Spark's choice): λ·n on the diagonal instead of λ
                float extra = weighted && n > 0 ? reg * (n - 1) : 0f;
                if (exact) {
                    if (n > 0) {
                        solveExactly(target, a * d, fixed, g, idx, conf, ptr[a], ptr[a + 1], d, extra,
                                system[worker]);
                    }
                    continue;
                }
                cg(target, a * d, fixed, gram, idx, conf, ptr[a], ptr[a + 1], d, steps, s, extra);
            }
        });
    }

    /**
     * The exact row update (Spark's way): builds A = G + Σ (c-1) f fᵀ + extra·I and b = Σ c f in double precision
     * and solves A x = b by Cholesky. d² work per interaction instead of CG's d per step.
     */
    private static void solveExactly(float[] x, int ox, float[] f, double[] gram, int[] idx, float[] conf, int from,
                                     int to, int d, float extra, double[] sys) {
        System.arraycopy(gram, 0, sys, 0, d * d);
        java.util.Arrays.fill(sys, d * d, d * d + d, 0);
        for (int i = 0; i < d; i++) {
            sys[i * d + i] += extra;
        }
        for (int k = from; k < to; k++) {
            int of = idx[k] * d;
            double c = conf[k];
            double w = c - 1;
            for (int i = 0; i < d; i++) {
                double fi = f[of + i];
                double wfi = w * fi;
                int row = i * d;
                for (int j = 0; j <= i; j++) {
                    sys[row + j] += wfi * f[of + j];
                }
                sys[d * d + i] += c * fi;
            }
        }
        // Cholesky on the lower triangle, in place
        for (int j = 0; j < d; j++) {
            double diag = sys[j * d + j];
            for (int k = 0; k < j; k++) {
                diag -= sys[j * d + k] * sys[j * d + k];
            }
            diag = Math.sqrt(Math.max(diag, 1e-12));
            sys[j * d + j] = diag;
            for (int i = j + 1; i < d; i++) {
                double v = sys[i * d + j];
                for (int k = 0; k < j; k++) {
                    v -= sys[i * d + k] * sys[j * d + k];
                }
                sys[i * d + j] = v / diag;
            }
        }
        // forward then backward substitution on b
        int b = d * d;
        for (int i = 0; i < d; i++) {
            double v = sys[b + i];
            for (int k = 0; k < i; k++) {
                v -= sys[i * d + k] * sys[b + k];
            }
            sys[b + i] = v / sys[i * d + i];
        }
        for (int i = d - 1; i >= 0; i--) {
            double v = sys[b + i];
            for (int k = i + 1; k < d; k++) {
                v -= sys[k * d + i] * sys[b + k];
            }
            sys[b + i] = v / sys[i * d + i];
            x[ox + i] = (float) sys[b + i];
        }
    }

    /** implicit's conjugate-gradient row update: r = b - A·x, with A = G + Σ (c-1) f fᵀ and b = Σ c f. */
    private static void cg(float[] x, int ox, float[] f, float[] gram, int[] idx, float[] conf, int from, int to,
                           int d, int steps, float[] s, float extra) {
        // r in s[0..d), p in s[d..2d), Ap in s[2d..3d)
        for (int i = 0; i < d; i++) {
            float v = 0;
            for (int j = 0; j < d; j++) {
                v += gram[i * d + j] * x[ox + j];
            }
            s[i] = -v - extra * x[ox + i];
        }
        for (int k = from; k < to; k++) {
            int of = idx[k] * d;
            float c = conf[k];
            float fx = 0;
            for (int i = 0; i < d; i++) {
                fx += f[of + i] * x[ox + i];
            }
            float w = c - (c - 1) * fx;
            for (int i = 0; i < d; i++) {
                s[i] += w * f[of + i];
            }
        }
        float rsOld = 0;
        for (int i = 0; i < d; i++) {
            s[d + i] = s[i];
            rsOld += s[i] * s[i];
        }
        if (rsOld < 1e-20f) {
            return;
        }
        for (int step = 0; step < steps; step++) {
            for (int i = 0; i < d; i++) {
                float v = 0;
                for (int j = 0; j < d; j++) {
                    v += gram[i * d + j] * s[d + j];
                }
                s[2 * d + i] = v + extra * s[d + i];
            }
            for (int k = from; k < to; k++) {
                int of = idx[k] * d;
                float fp = 0;
                for (int i = 0; i < d; i++) {
                    fp += f[of + i] * s[d + i];
                }
                float w = (conf[k] - 1) * fp;
                for (int i = 0; i < d; i++) {
                    s[2 * d + i] += w * f[of + i];
                }
            }
            float pAp = 0;
            for (int i = 0; i < d; i++) {
                pAp += s[d + i] * s[2 * d + i];
            }
            float alpha = rsOld / pAp;
            float rsNew = 0;
            for (int i = 0; i < d; i++) {
                x[ox + i] += alpha * s[d + i];
                s[i] -= alpha * s[2 * d + i];
                rsNew += s[i] * s[i];
            }
            if (rsNew < 1e-20f) {
                return;
            }
            float beta = rsNew / rsOld;
            for (int i = 0; i < d; i++) {
                s[d + i] = s[i] + beta * s[d + i];
            }
            rsOld = rsNew;
        }
    }

    /** FᵀF + λI (d × d, row-major) over the {@code n} rows of {@code f}, summed in a fixed order. */
    private static double[] gram(float[] f, int n, int d, double reg, int threads, TaskMonitor monitor) {
        int workers = BlockRunner.workers(n, 1, threads);
        int block = Math.max(1, (n + workers - 1) / workers);
        int blocks = (n + block - 1) / block;
        double[][] part = new double[Math.max(1, blocks)][d * d];
        BlockRunner.run(n, block, threads, monitor, -1, 0, (from, to, worker) -> {
            double[] g = part[from / block];
            for (int r = from; r < to; r++) {
                int o = r * d;
                for (int i = 0; i < d; i++) {
                    double fi = f[o + i];
                    for (int j = i; j < d; j++) {
                        g[i * d + j] += fi * f[o + j];
                    }
                }
            }
        });
        double[] g = new double[d * d];
        for (double[] p : part) {
            for (int k = 0; k < g.length; k++) {
                g[k] += p[k];
            }
        }
        for (int i = 0; i < d; i++) {
            g[i * d + i] += reg;
            for (int j = 0; j < i; j++) {
                g[i * d + j] = g[j * d + i];
            }
        }
        return g;
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
        Cholesky.solveInPlace(a, d, z);
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

    /** Dense symmetric positive-definite solve, small d. */
    private static final class Cholesky {
        private Cholesky() {
        }

        /** Solves {@code a z = b} in place of {@code b}; {@code a} (row-major d × d) is overwritten by its factor. */
        static void solveInPlace(double[] a, int d, double[] b) {
            for (int j = 0; j < d; j++) {
                double s = a[j * d + j];
                for (int k = 0; k < j; k++) {
                    s -= a[j * d + k] * a[j * d + k];
                }
                double l = Math.sqrt(Math.max(s, 1e-12));
                a[j * d + j] = l;
                for (int i = j + 1; i < d; i++) {
                    double t = a[i * d + j];
                    for (int k = 0; k < j; k++) {
                        t -= a[i * d + k] * a[j * d + k];
                    }
                    a[i * d + j] = t / l;
                }
            }
            for (int i = 0; i < d; i++) {
                double t = b[i];
                for (int k = 0; k < i; k++) {
                    t -= a[i * d + k] * b[k];
                }
                b[i] = t / a[i * d + i];
            }
            for (int i = d - 1; i >= 0; i--) {
                double t = b[i];
                for (int k = i + 1; k < d; k++) {
                    t -= a[k * d + i] * b[k];
                }
                b[i] = t / a[i * d + i];
            }
        }
    }
}
