package dev.augur.core.rank.models;

import dev.augur.core.rank.Csr;
import dev.augur.core.task.BlockRunner;
import dev.augur.core.task.TaskMonitor;

import java.util.Arrays;

/**
 * One half-iteration of implicit ALS ({@link Als}): updates every row of one side's factors given the other side's,
 * row {@code a} minimising {@code Σ_b c_ab (p_ab - t_a·f_b)² + λ|t_a|²}, either with a few warm-started
 * conjugate-gradient steps (the implicit library's way) or exactly by Cholesky (Spark's way).
 */
final class AlsRowSolver {
    private static final int BLOCK = 64;

    private final double regularization;
    private final int cgSteps;
    private final boolean weighted;
    private final boolean exact;

    /**
     * @param weighted scale each row's penalty by its interactions (λ·n, ALS-WR) instead of a flat λ
     * @param exact    solve each row by Cholesky instead of {@code cgSteps} CG steps
     */
    AlsRowSolver(double regularization, int cgSteps, boolean weighted, boolean exact) {
        this.regularization = regularization;
        this.cgSteps = cgSteps;
        this.weighted = weighted;
        this.exact = exact;
    }

    /**
     * Updates every row of {@code target} given {@code fixed} (rows of {@code m} index {@code target}, its columns
     * {@code fixed}; {@code conf} holds c per stored entry), from the rows' current values.
     */
    void update(float[] target, float[] fixed, Csr m, float[] conf, int d, int threads, TaskMonitor monitor,
                long base, long total) {
        int rows = m.rows();
        double[] g = gram(fixed, m.cols(), d, regularization, threads, monitor);
        float[] gram = new float[d * d];
        for (int k = 0; k < gram.length; k++) {
            gram[k] = (float) g[k];
        }
        float reg = (float) regularization;
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
                cg(target, a * d, fixed, gram, idx, conf, ptr[a], ptr[a + 1], d, cgSteps, s, extra);
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
        Arrays.fill(sys, d * d, d * d + d, 0);
        for (int i = 0; i < d; i++) {
            sys[i * d + i] += extra;
        }
        // only the lower triangle: the Cholesky reads no more
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
        DenseCholesky.solveInPlace(sys, d, sys, d * d);
        for (int i = 0; i < d; i++) {
            x[ox + i] = (float) sys[d * d + i];
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
    static double[] gram(float[] f, int n, int d, double reg, int threads, TaskMonitor monitor) {
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
}
