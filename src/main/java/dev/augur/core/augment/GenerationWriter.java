package dev.augur.core.augment;

import dev.augur.core.store.Generation;
import dev.augur.core.store.GenerationStore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Commits finished rows as soon as it can, several per transaction when they arrive together (group commit), so
 * the workers never wait for SQLite. An item counts as finished once its row is committed: a killed run repeats
 * at most the rows still in this queue, never a committed one.
 */
final class GenerationWriter extends Thread {
    private final BlockingQueue<Generation> queue = new LinkedBlockingQueue<>();
    private final GenerationStore store;
    private final AtomicReference<Throwable> crash;
    private final Consumer<Generation> committed;
    private volatile boolean closing;

    /**
     * @param crash     where a failed commit is recorded (the writer stops then)
     * @param committed told of each row once it is committed
     */
    GenerationWriter(String templateId, GenerationStore store, AtomicReference<Throwable> crash,
                     Consumer<Generation> committed) {
        super("augment-writer-" + templateId);
        setDaemon(true);
        this.store = store;
        this.crash = crash;
        this.committed = committed;
    }

    void add(Generation row) {
        queue.add(row);
    }

    @Override
    public void run() {
        List<Generation> batch = new ArrayList<>();
        while (true) {
            Generation first;
            try {
                first = queue.poll(20, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                if (closing && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, 255);
            try {
                store.put(batch);
            } catch (RuntimeException e) {
                crash.compareAndSet(null, e);
                return;
            }
            for (Generation row : batch) {
                committed.accept(row);
            }
        }
    }

    /** Waits until every queued row is committed (or the writer stopped on a failed commit). */
    void finish() {
        closing = true;
        try {
            join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
