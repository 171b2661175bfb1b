package dev.augur.core.projection;

import dev.augur.core.task.TaskMonitor;

/**
 * One phase of a longer job: maps the phase's own progress onto its share {@code [from, from+span)} of the job's
 * {@code total} units and passes messages and cancellation through.
 */
final class SubMonitor implements TaskMonitor {
    private final TaskMonitor parent;
    private final long from;
    private final long span;
    private final long total;

    SubMonitor(TaskMonitor parent, long from, long span, long total) {
        this.parent = parent;
        this.from = from;
        this.span = span;
        this.total = total;
    }

    @Override
    public void progress(long done, long of) {
        long at = of > 0 ? from + (long) (span * Math.min(1.0, (double) done / of)) : from;
        parent.progress(at, total);
    }

    @Override
    public void message(String message) {
        parent.message(message);
    }

    @Override
    public boolean isCancelled() {
        return parent.isCancelled();
    }
}
