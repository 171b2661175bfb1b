package dev.augur.core.projection;

import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskMonitor;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs work over {@code [0, n)} in fixed blocks on a few threads: the calling thread (worker 0) and short-lived
 * daemon threads take the next block from a shared counter until none is left. Cancellation is checked before each
 * block, so a block once taken always finishes; progress is reported from the calling thread only.
 */
final class Parallel {
    /** The work on rows {@code from .. to-1}, run by worker {@code worker} (0 .. threads-1). */
    @FunctionalInterface
    interface Blocks {
        void run(int from, int to, int worker);
    }

    private static final AtomicInteger SEQ = new AtomicInteger();

    private Parallel() {
    }

    static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** How many workers {@link #run} will use for {@code n} rows in blocks of {@code block} on up to {@code threads}. */
    static int workers(int n, int block, int threads) {
        int blocks = (int) ((n + (long) block - 1) / block);
        return Math.max(1, Math.min(threads, blocks));
    }

    /**
     * Runs {@code work} over all blocks and returns when all are done.
     * @throws TaskCancelledException when the monitor was cancelled (blocks already taken finished first)
     */
    static void run(int n, int block, int threads, TaskMonitor monitor, Blocks work) {
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
            helpers[t - 1] = new Thread(() -> loop(n, block, worker, monitor, work, next, done, failure, false),
                    "augur-projection-" + SEQ.incrementAndGet());
            helpers[t - 1].setDaemon(true);
            helpers[t - 1].start();
        }
        loop(n, block, 0, monitor, work, next, done, failure, true);
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
                             AtomicLong done, AtomicReference<Throwable> failure, boolean reports) {
        try {
            while (failure.get() == null && !monitor.isCancelled()) {
                long from = (long) next.getAndIncrement() * block;
                if (from >= n) {
                    return;
                }
                int to = (int) Math.min(n, from + block);
                work.run((int) from, to, worker);
                long d = done.addAndGet(to - from);
                if (reports) {
                    monitor.progress(d, n);
                }
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }
}
