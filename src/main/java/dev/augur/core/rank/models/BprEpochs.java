package dev.augur.core.rank.models;

import dev.augur.core.rank.Csr;
import dev.augur.core.task.BlockRunner;
import dev.augur.core.task.TaskMonitor;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How BPR's SGD is run, shared by {@link Bpr} and the id part of {@link FusedModel} ({@link WarmItemBpr}) so that
 * the fused model trains exactly as plain BPR does: which users are drawn, one random stream per worker, and epochs
 * of as many steps as training interactions, Hogwild over the threads, with the step size falling linearly to a
 * tenth. The step itself stays with each model (their vectors differ in layout).
 */
final class BprEpochs {
    /** Steps per block of work (a block is what one worker takes at a time). */
    static final int BLOCK = 1 << 14;

    /** {@code n} SGD steps at step size {@code lr}, by worker {@code worker} (its own random stream). */
    @FunctionalInterface
    interface Steps {
        void run(int n, float lr, int worker);
    }

    private BprEpochs() {
    }

    /**
     * The users with at least one training item and fewer than {@code negatives} (the items a negative is drawn
     * from), so a positive and a negative can both be drawn.
     */
    static int[] usersToSample(Csr r, int negatives) {
        int[] out = new int[r.rows()];
        int n = 0;
        for (int u = 0; u < r.rows(); u++) {
            int len = r.rowLength(u);
            if (len > 0 && len < negatives) {
                out[n++] = u;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** One stream per worker {@link #run} uses for {@code nnz} steps an epoch on {@code threads}, split from init. */
    static SplittableRandom[] workerStreams(SplittableRandom init, int nnz, int threads) {
        int workers = BlockRunner.workers(nnz, BLOCK, threads);
        SplittableRandom[] rnd = new SplittableRandom[workers];
        for (int w = 0; w < workers; w++) {
            rnd[w] = init.split();
        }
        return rnd;
    }

    /**
     * Runs {@code epochs} epochs of {@code nnz} steps, epoch {@code e} reported as progress {@code e·nnz} of
     * {@code total} under the message "{@code prefix}BPR epoch e of n".
     */
    static void run(String prefix, double learningRate, int epochs, int nnz, int threads, long total,
                    TaskMonitor monitor, Steps steps) {
        for (int e = 0; e < epochs; e++) {
            monitor.message(prefix + "BPR epoch " + (e + 1) + " of " + epochs);
            float lr = (float) (learningRate * (1 - 0.9 * e / Math.max(1, epochs - 1)));
            BlockRunner.run(nnz, BLOCK, threads, monitor, (long) e * nnz, total,
                    (from, to, worker) -> steps.run(to - from, lr, worker));
        }
    }
}
