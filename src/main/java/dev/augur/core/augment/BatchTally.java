package dev.augur.core.augment;

import dev.augur.core.store.Generation;
import dev.augur.core.task.TaskMonitor;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a {@link BatchRunner} has done so far, and the progress it shows: progress on every finished item, the
 * message line (rate, tokens a second, ETA, cached, failed) at most five times a second unless forced.
 */
final class BatchTally {
    final AtomicLong generated = new AtomicLong();
    final AtomicLong cached = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong reasks = new AtomicLong();
    final AtomicLong promptTokens = new AtomicLong();
    final AtomicLong completionTokens = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final PromptTemplate template;
    private final TaskMonitor monitor;
    private volatile long expected;
    private long startNanos;
    private volatile long lastMessageNanos;

    BatchTally(PromptTemplate template, TaskMonitor monitor) {
        this.template = template;
        this.monitor = monitor;
    }

    void expect(long total) {
        this.expected = total;
    }

    void start() {
        startNanos = System.nanoTime();
    }

    /** An item whose cache key already had an ok generation. */
    void cachedOne() {
        cached.incrementAndGet();
        finished();
    }

    /** An item whose row, ok or failed, is committed. */
    void committed(Generation row) {
        promptTokens.addAndGet(row.promptTokens());
        completionTokens.addAndGet(row.completionTokens());
        (row.ok() ? generated : failed).incrementAndGet();
        finished();
    }

    private void finished() {
        done.incrementAndGet();
        report(false);
    }

    /** Progress on every item; the message line at most five times a second unless forced. */
    void report(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastMessageNanos < 200_000_000L && done.get() < expected) {
            monitor.progress(done.get(), expected);
            return;
        }
        lastMessageNanos = now;
        long d = done.get();
        double secs = Math.max(1e-3, (now - startNanos) / 1e9);
        double itemsPerSec = d / secs;
        double tokPerSec = completionTokens.get() / secs;
        long left = Math.max(0, expected - d);
        String eta = itemsPerSec > 0 ? duration((long) (left / itemsPerSec)) : "?";
        monitor.progress(d, expected);
        monitor.message(String.format(java.util.Locale.ROOT,
                "%s v%d on %s: %d/%d · %.1f items/s · %.0f tokens/s · ETA %s · %d cached · %d failed",
                template.id(), template.version(), template.target().id(), d, expected, itemsPerSec, tokPerSec, eta,
                cached.get(), failed.get()));
    }

    private static String duration(long s) {
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
