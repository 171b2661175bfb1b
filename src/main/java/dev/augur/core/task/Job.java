package dev.augur.core.task;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** A submitted task: its live progress, state and result. Thread-safe; the worker writes, anyone reads. */
public final class Job<T> implements TaskMonitor {
    private final long id;
    private final String name;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final AtomicLong done = new AtomicLong();
    private volatile long total;
    private volatile String message = "";
    private volatile JobState state = JobState.QUEUED;
    private volatile boolean cancelRequested;
    private volatile Instant started;
    private volatile Instant finished;
    private volatile Throwable error;

    Job(long id, String name) {
        this.id = id;
        this.name = name;
    }

    public long id() { return id; }

    public String name() { return name; }

    public CompletableFuture<T> result() { return result; }

    public JobState state() { return state; }

    /** Asks the job to stop at its next safe point; the result then completes exceptionally. */
    public void cancel() {
        cancelRequested = true;
        if (state == JobState.QUEUED) {
            finish(JobState.CANCELLED, new TaskCancelledException());
        }
    }

    @Override public void progress(long done, long total) {
        this.done.set(done);
        this.total = total;
    }

    @Override public void message(String message) { this.message = message == null ? "" : message; }

    @Override public boolean isCancelled() { return cancelRequested; }

    void run(BackgroundTask<T> task) {
        if (state != JobState.QUEUED) {
            return; // cancelled before it started
        }
        started = Instant.now();
        state = JobState.RUNNING;
        try {
            T value = task.run(this);
            if (cancelRequested) {
                finish(JobState.CANCELLED, new TaskCancelledException());
            } else {
                finished = Instant.now();
                state = JobState.SUCCEEDED;
                result.complete(value);
            }
        } catch (TaskCancelledException e) {
            finish(JobState.CANCELLED, e);
        } catch (Throwable e) {
            finish(cancelRequested ? JobState.CANCELLED : JobState.FAILED, e);
        }
    }

    private void finish(JobState end, Throwable cause) {
        finished = Instant.now();
        error = cause;
        state = end;
        result.completeExceptionally(cause);
    }

    public JobSnapshot snapshot() {
        Instant start = started;
        Instant end = finished;
        Duration elapsed = start == null ? Duration.ZERO : Duration.between(start, end == null ? Instant.now() : end);
        long d = done.get();
        long t = total;
        double seconds = elapsed.toNanos() / 1e9;
        double rate = seconds > 0.05 ? d / seconds : 0;
        Optional<Duration> eta = rate > 0 && t > d && !state.isFinished()
                ? Optional.of(Duration.ofMillis((long) ((t - d) / rate * 1000)))
                : Optional.empty();
        return new JobSnapshot(id, name, state, d, t, message, start, elapsed, rate, eta, Optional.ofNullable(error));
    }
}
