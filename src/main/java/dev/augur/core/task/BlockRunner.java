package dev.augur.core.task;


import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs CPU work (a model fit, a projection, a k-NN graph) over {@code [0, n)} in blocks: the calling thread (worker 0) and short-lived daemon
 * helpers take the next block from a shared counter until none is left. With one thread the blocks run in order on
 * the caller, which is what makes a seeded fit repeatable. Cancellation is checked before each block; progress is
 * reported from the calling thread as {@code base + done} out of {@code total}.
 */
public final class BlockRunner {
    /** The work on rows {@code from .. to-1}, run by worker {@code worker} (0 .. workers-1). */
    @FunctionalInterface
    public interface Blocks {
        void run(int from, int to, int worker);
    }

    private static final AtomicInteger SEQ = new AtomicInteger();

    private BlockRunner() {
    }

    /** How many workers {@link #run} uses for {@code n} rows in blocks of {@code block} on up to {@code threads}. */
    public static int workers(int n, int block, int threads) {
        int blocks = (int) ((n + (long) block - 1) / block);
        return Math.max(1, Math.min(Math.max(1, threads), blocks));
    }

    /**
     * Runs {@code work} over all blocks and returns when every block is done.
     * @throws TaskCancelledException when the monitor was cancelled (blocks already taken finish first)
     */
    public static void run(int n, int block, int threads, TaskMonitor monitor, long base, long total, Blocks work) {
        monitor.checkCancelled();
        if (n <= 0) {
            return;
        }
        int workers = workers(n, block, threads);
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] helpers = new Thread[workers - 1];
        for (int t = 1; t < workers; t++) {
            int worker = t;
            helpers[t - 1] = new Thread(() -> loop(n, block, worker, monitor, work, next, done, failure, -1, 0),
                    "augur-work-" + SEQ.incrementAndGet());
            helpers[t - 1].setDaemon(true);
            helpers[t - 1].start();
        }
        loop(n, block, 0, monitor, work, next, done, failure, base, total);
        boolean interrupted = false;
        for (Thread h : helpers) {
            while (true) {
                try {
                    h.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new IllegalStateException(f);
        }
        monitor.checkCancelled();
    }

    private static void loop(int n, int block, int worker, TaskMonitor monitor, Blocks work, AtomicInteger next,
                             AtomicLong done, AtomicReference<Throwable> failure, long base, long total) {
        try {
            while (failure.get() == null && !monitor.isCancelled()) {
                long from = (long) next.getAndIncrement() * block;
                if (from >= n) {
                    return;
                }
                int to = (int) Math.min(n, from + block);
                work.run((int) from, to, worker);
                long d = done.addAndGet(to - from);
                if (base >= 0) {
                    monitor.progress(base + d, total);
                }
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }
}
