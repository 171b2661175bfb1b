package dev.augur.ui.common;

import dev.augur.core.task.JobSnapshot;
import dev.augur.core.task.JobState;
import dev.augur.ui.jobs.JobsViewModel;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What a view model shows of its one running job: whether it runs, its progress (-1 while queued) and a line
 * describing it. Fed from {@link JobBinding#follow}'s snapshots on the JavaFX thread.
 */
public final class JobProgress {
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper line = new ReadOnlyStringWrapper("");

    /** A job named {@code name} was submitted. */
    public void queued(String name) {
        running.set(true);
        progress.set(-1);
        line.set(name + " — queued");
    }

    /** A snapshot of the job; a finished one shows full progress when it succeeded. */
    public void update(JobSnapshot s) {
        if (s.state().isFinished()) {
            progress.set(s.state() == JobState.SUCCEEDED ? 1 : Math.max(0, s.fraction()));
        } else {
            progress.set(s.fraction());
        }
        line.set(JobsViewModel.describe(s));
    }

    /** The job ended (or was dropped); the form may run another. */
    public void stopped() {
        running.set(false);
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lineProperty() {
        return line.getReadOnlyProperty();
    }
}
