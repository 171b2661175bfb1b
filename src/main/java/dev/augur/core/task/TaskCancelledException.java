package dev.augur.core.task;

/** Thrown at a safe point when a job was cancelled; whatever the job wrote in its transaction is rolled back. */
public final class TaskCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskCancelledException() {
        super("cancelled");
    }
}
