package dev.augur.ui.jobs;

import dev.augur.core.task.Job;
import dev.augur.core.task.JobSnapshot;
import dev.augur.core.task.JobState;
import dev.augur.core.task.TaskExecutor;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import java.util.List;
import java.util.Locale;

/**
 * Every background job of the app as rows (newest first), refreshed four times a second from the one task
 * executor, plus a one-line summary of the latest job for the status bar.
 */
public final class JobsViewModel {
    private final TaskExecutor tasks;
    private final ObservableList<JobSnapshot> rows = FXCollections.observableArrayList();
    private final StringProperty latest = new SimpleStringProperty("No jobs yet");
    private final DoubleProperty latestProgress = new SimpleDoubleProperty(0);
    private final Timeline poll;

    public JobsViewModel(TaskExecutor tasks) {
        this.tasks = tasks;
        poll = new Timeline(new KeyFrame(Duration.millis(250), e -> refresh()));
        poll.setCycleCount(Timeline.INDEFINITE);
    }

    public void start() {
        poll.play();
    }

    public void stop() {
        poll.stop();
    }

    /** Reads the executor's jobs into the rows; called on the JavaFX thread. */
    public void refresh() {
        List<JobSnapshot> snaps = tasks.jobs().stream().map(Job::snapshot)
                .sorted((a, b) -> Long.compare(b.id(), a.id())).toList();
        rows.setAll(snaps);
        if (snaps.isEmpty()) {
            return;
        }
        JobSnapshot s = snaps.get(0);
        latestProgress.set(s.state() == JobState.RUNNING ? s.fraction() : (s.state() == JobState.SUCCEEDED ? 1 : 0));
        latest.set(describe(s));
    }

    public void cancel(long jobId) {
        tasks.jobs().stream().filter(j -> j.id() == jobId).findFirst().ifPresent(Job::cancel);
    }

    public static String describe(JobSnapshot s) {
        String state = switch (s.state()) {
            case QUEUED -> "queued";
            case RUNNING -> s.total() > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * s.fraction()) : "running";
            case SUCCEEDED -> "done";
            case FAILED -> "failed: " + s.error().map(Throwable::getMessage).orElse("");
            case CANCELLED -> "cancelled";
        };
        String eta = s.eta().map(d -> String.format(Locale.ROOT, " · ETA %ds", d.toSeconds())).orElse("");
        return s.name() + " — " + state + eta + (s.message().isEmpty() || s.state().isFinished() ? "" : " · " + s.message());
    }

    public ObservableList<JobSnapshot> rows() {
        return rows;
    }

    public ReadOnlyStringProperty latestProperty() {
        return latest;
    }

    public ReadOnlyDoubleProperty latestProgressProperty() {
        return latestProgress;
    }
}
