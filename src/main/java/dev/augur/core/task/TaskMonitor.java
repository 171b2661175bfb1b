package dev.augur.core.task;

/**
 * What a running job sees of its surroundings: where to report progress and whether it was asked to stop.
 * Implementations must be cheap to call from tight loops.
 */
public interface TaskMonitor {

    /** Reports work done so far out of {@code total} units (bytes, rows, texts); total ≤ 0 means unknown. */
    void progress(long done, long total);

    /** A short human-readable line on what the job is doing now. */
    void message(String message);

    boolean isCancelled();

    /** Throws {@link TaskCancelledException} when the job was asked to stop; call at safe points. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new TaskCancelledException();
        }
    }

    /** A monitor that ignores progress and is never cancelled (tests, one-shot CLI calls without output). */
    TaskMonitor NONE = new TaskMonitor() {
        @Override public void progress(long done, long total) { }
        @Override public void message(String message) { }
        @Override public boolean isCancelled() { return false; }
    };
}
