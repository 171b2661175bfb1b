package dev.augur.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The controls a form shows for its one job: a cancel button, a progress bar and a job line visible while it runs,
 * and a success line shown once it has finished.
 */
public final class JobControls {
    private JobControls() {
    }

    public static Button cancel(String id, ObservableBooleanValue running, Runnable onCancel) {
        Button cancel = new Button("Cancel", new FontIcon(Feather.X));
        cancel.setId(id);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.disableProperty().bind(Bindings.not(running));
        cancel.setOnAction(e -> onCancel.run());
        return cancel;
    }

    public static ProgressBar bar(String id, double width, ObservableDoubleValue progress,
                                  ObservableBooleanValue running) {
        ProgressBar bar = new ProgressBar();
        bar.setId(id);
        bar.setPrefWidth(width);
        bar.setMinWidth(Region.USE_PREF_SIZE);
        bar.progressProperty().bind(progress);
        bar.visibleProperty().bind(running);
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    public static Label line(String id, ObservableStringValue text, ObservableBooleanValue running) {
        Label job = new Label();
        job.setId(id);
        job.getStyleClass().add("text-muted");
        job.textProperty().bind(text);
        job.visibleProperty().bind(running);
        job.managedProperty().bind(job.visibleProperty());
        job.setMinWidth(0);
        return job;
    }

    /** The outcome line ("Run #3 stored …"), shown when not running and not empty. */
    public static Label success(String id, ObservableStringValue text, ObservableBooleanValue running) {
        Label status = new Label();
        status.setId(id);
        status.setStyle("-fx-text-fill: -color-success-fg;");
        status.textProperty().bind(text);
        status.visibleProperty().bind(Bindings.createBooleanBinding(() -> !running.get() && !text.get().isEmpty(),
                running, text));
        status.managedProperty().bind(status.visibleProperty());
        return status;
    }
}
