package dev.augur.ui.common;

import dev.augur.core.task.Job;
import dev.augur.core.task.TaskExecutor;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A view model's short background reads and writes: each runs as a job on the app's executor, its result goes to a
 * callback on the JavaFX thread and a failure's message to the view model's error line. Counts the jobs under way,
 * so that the view can say it is busy. Submit on the JavaFX thread.
 */
public final class BackgroundJobs {
    private final TaskExecutor tasks;
    private final Consumer<String> onError;
    private final boolean clearErrorOnSubmit;
    private final IntegerProperty underWay = new SimpleIntegerProperty();
    private final BooleanBinding busy = underWay.greaterThan(0);

    /** @param onError takes the message of a job that failed (the view model's error line) */
    public BackgroundJobs(TaskExecutor tasks, Consumer<String> onError) {
        this(tasks, onError, false);
    }

    private BackgroundJobs(TaskExecutor tasks, Consumer<String> onError, boolean clearErrorOnSubmit) {
        this.tasks = tasks;
        this.onError = onError;
        this.clearErrorOnSubmit = clearErrorOnSubmit;
    }

    /**
     * Like the constructor, and every submit first clears the error line ({@code errorLine} gets ""): for a form
     * where each new action replaces the message of the last one that failed.
     */
    public static BackgroundJobs clearingErrorOnSubmit(TaskExecutor tasks, Consumer<String> errorLine) {
        return new BackgroundJobs(tasks, errorLine, true);
    }

    /** Runs {@code work} as a job named {@code name}; {@code done} gets its result on the JavaFX thread. */
    public <T> Job<T> submit(String name, Callable<T> work, Consumer<T> done) {
        underWay.set(underWay.get() + 1);
        if (clearErrorOnSubmit) {
            onError.accept("");
        }
        Job<T> job = tasks.submit(name, m -> work.call());
        JobBinding.follow(job, s -> { }, v -> {
            underWay.set(underWay.get() - 1);
            done.accept(v);
        }, e -> {
            underWay.set(underWay.get() - 1);
            onError.accept(message(e));
        });
        return job;
    }

    /** True while a job submitted here runs. */
    public BooleanBinding busy() {
        return busy;
    }

    /** What a failure says: its message, or the exception itself when it has none. */
    public static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
