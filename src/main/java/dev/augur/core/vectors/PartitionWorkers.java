package dev.augur.core.vectors;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs one task over partitions {@code 0 .. parts-1} at a time: the calling thread takes partition 0, daemon threads
 * of its own (started once, at construction) the others. {@link #runAll()} returns when every partition is done, so
 * whatever the task wrote before is the caller's again. Callers serialise {@link #runAll()} themselves (one run at a
 * time); what they write before it is visible to the task, what the task writes to the caller after it.
 */
final class PartitionWorkers {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final int parts;
    private final IntConsumer task;
    private final Object gate = new Object();
    private final Thread[] workers;
    // the current run, published to the workers through gate
    private long generation;
    private int pending;
    private Throwable failure;
    private boolean closed;

    /** Starts {@code parts - 1} daemon threads named {@code name-<seq>-<partition>}. */
    PartitionWorkers(int parts, IntConsumer task, String name) {
        this.parts = parts;
        this.task = task;
        this.workers = new Thread[parts - 1];
        int seq = SEQ.incrementAndGet();
        for (int p = 1; p < parts; p++) {
            int part = p;
            Thread t = new Thread(() -> work(part), name + "-" + seq + "-" + p);
            t.setDaemon(true);
            workers[p - 1] = t;
            t.start();
        }
    }

    /**
     * Runs the task on every partition and waits for all of them; rethrows the caller's own failure first, else a
     * worker's.
     * @throws IllegalStateException when closed
     */
    void runAll() {
        synchronized (gate) {
            if (closed) {
                throw new IllegalStateException("the index is closed");
            }
            failure = null;
            pending = parts - 1;
            generation++;
            gate.notifyAll();
        }
        Throwable own = null;
        try {
            task.accept(0);
        } catch (Throwable t) {
            own = t;
        }
        boolean interrupted = false;
        Throwable theirs;
        synchronized (gate) {
            while (pending > 0) { // the task's state is ours again only when every worker is done
                try {
                    gate.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            theirs = failure;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (own != null || theirs != null) {
            Throwable t = own != null ? own : theirs;
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(t);
        }
    }

    private void work(int p) {
        long seen = 0;
        while (true) {
            synchronized (gate) {
                while (generation == seen && !closed) {
                    try {
                        gate.wait();
                    } catch (InterruptedException e) {
                        return; // only close() or the JVM's end interrupts a daemon worker
                    }
                }
                if (closed) {
                    return;
                }
                seen = generation;
            }
            Throwable err = null;
            try {
                task.accept(p);
            } catch (Throwable t) {
                err = t;
            }
            synchronized (gate) {
                if (err != null && failure == null) {
                    failure = err;
                }
                if (--pending == 0) {
                    gate.notifyAll();
                }
            }
        }
    }

    /** Stops the threads; later runs throw {@link IllegalStateException}. Idempotent. */
    void close() {
        synchronized (gate) {
            closed = true;
            gate.notifyAll();
        }
    }
}
