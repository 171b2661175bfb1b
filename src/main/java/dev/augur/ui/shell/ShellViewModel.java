package dev.augur.ui.shell;

import dev.augur.app.AppServices;
import dev.augur.core.dataset.sample.SampleWorkspace;
import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.Job;
import dev.augur.core.task.JobSnapshot;
import dev.augur.ui.common.JobBinding;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** State of the main window: which workspace is open, its datasets, and the job that opens it. No Nodes here. */
public final class ShellViewModel {
    private final AppServices services;
    private final Path workspaceFile;
    private final StringProperty title = new SimpleStringProperty("Augur");
    private final StringProperty status = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<DatasetInfo> datasets = FXCollections.observableArrayList();

    public ShellViewModel(AppServices services, Path workspaceFile) {
        this.services = services;
        this.workspaceFile = workspaceFile;
        String name = workspaceFile.getFileName().toString().replaceFirst("\\.augur$", "");
        title.set("Augur — " + name);
    }

    /** Opens the workspace in the background, first building the bundled sample into it when it is empty. */
    public void open() {
        busy.set(true);
        error.set("");
        boolean build = SampleWorkspace.needsBuild(workspaceFile);
        status.set(build ? "Building the sample workspace…" : "Opening " + workspaceFile + "…");
        Job<List<DatasetInfo>> job = services.tasks().submit(build ? "Build sample workspace" : "Open workspace", monitor -> {
            SampleWorkspace.ensure(workspaceFile, services.imports(), monitor);
            try (Workspace ws = Workspace.open(workspaceFile)) {
                return ws.read().datasets();
            }
        });
        JobBinding.follow(job, this::onProgress, list -> {
            datasets.setAll(list);
            busy.set(false);
            progress.set(1);
            status.set(String.format(Locale.ROOT, "%s · %d dataset%s", workspaceFile, list.size(), list.size() == 1 ? "" : "s"));
        }, e -> {
            busy.set(false);
            error.set(e.getMessage() == null ? e.toString() : e.getMessage());
            status.set("Could not open " + workspaceFile);
        });
    }

    private void onProgress(JobSnapshot s) {
        progress.set(s.fraction());
        if (!s.message().isEmpty() && busy.get()) {
            status.set(s.message());
        }
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ObservableList<DatasetInfo> datasets() {
        return datasets;
    }
}
