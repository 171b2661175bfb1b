package dev.augur.ui.common;

import dev.augur.core.task.Job;
import dev.augur.core.task.JobSnapshot;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;

import java.util.function.Consumer;

/**
 * Adapts a core {@link Job} to the JavaFX thread: snapshots are polled ten times a second (the worker never
 * touches the UI), and completion callbacks run on the JavaFX thread.
 */
public final class JobBinding {
    private JobBinding() {
    }

    public static <T> void follow(Job<T> job, Consumer<JobSnapshot> onProgress, Consumer<T> onSuccess,
                                  Consumer<Throwable> onFailure) {
        Timeline poll = new Timeline(new KeyFrame(Duration.millis(100), e -> onProgress.accept(job.snapshot())));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
        job.result().whenComplete((value, error) -> Platform.runLater(() -> {
            poll.stop();
            onProgress.accept(job.snapshot());
            if (error == null) {
                onSuccess.accept(value);
            } else {
                onFailure.accept(error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            }
        }));
    }
}
