package dev.augur.core.projection;

import dev.augur.core.task.BlockRunner;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskMonitor;

/**
 * The projection package's view of {@link BlockRunner}: work over {@code [0, n)} in fixed blocks on a few threads,
 * progress out of {@code n} from the calling thread.
 */
final class Parallel {
    /** The work on rows {@code from .. to-1}, run by worker {@code worker} (0 .. threads-1). */
    @FunctionalInterface
    interface Blocks {
        void run(int from, int to, int worker);
    }

    private Parallel() {
    }

    static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** How many workers {@link #run} will use for {@code n} rows in blocks of {@code block} on up to {@code threads}. */
    static int workers(int n, int block, int threads) {
        return BlockRunner.workers(n, block, threads);
    }

    /**
     * Runs {@code work} over all blocks, progress out of {@code n}, and returns when all are done.
     * @throws TaskCancelledException when the monitor was cancelled (blocks already taken finished first)
     */
    static void run(int n, int block, int threads, TaskMonitor monitor, Blocks work) {
        BlockRunner.run(n, block, threads, monitor, 0, n, work::run);
    }
}
