package dev.augur.ui.datasets;

import dev.augur.app.AppServices;
import dev.augur.core.dataset.sample.SampleWorkspace;
import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.DatasetProfile;
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

/** The Datasets section: the open workspace's datasets and the job that reads them. No Nodes here. */
public final class DatasetsViewModel {
    private final AppServices services;
    private Path workspaceFile;
    private final StringProperty status = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<DatasetInfo> datasets = FXCollections.observableArrayList();
    private final StatisticsViewModel statistics = new StatisticsViewModel();
    private final java.util.List<TablesViewModel> tables;
    private final DetailViewModel detail;
    private String selectedDataset;
    private SelectionViewModel selection;

    public DatasetsViewModel(AppServices services) {
        this.services = services;
        this.detail = new DetailViewModel(services.tasks(), services.similarItems());
        this.tables = java.util.Arrays.stream(dev.augur.core.store.TableKind.values())
                .map(k -> new TablesViewModel(services.tasks(), k)).toList();
    }

    /** Lists the items of the shared selection (picked on the map) in a Selection tab. */
    public void attachSelection(dev.augur.ui.common.ItemSelection shared) {
        this.selection = new SelectionViewModel(services.tasks(), shared, () -> workspaceFile);
    }

    /** The Selection tab's model, or null when no shared selection was attached. */
    public SelectionViewModel selection() {
        return selection;
    }

    /** Opens an item of the shared selection in the detail pane. */
    public void openSelected(dev.augur.core.store.ItemRecord item) {
        if (workspaceFile != null && selection != null) {
            detail.showItem(workspaceFile, selection.dataset(), item.externalId());
        }
    }

    /** The paged Users, Items, Interactions and Reviews tables of the selected dataset. */
    public java.util.List<TablesViewModel> tables() {
        return tables;
    }

    /** Shows {@code file}'s datasets, read in the background; a new empty sample workspace is built first. */
    public void open(Path file, boolean isSample) {
        this.workspaceFile = file;
        busy.set(true);
        error.set("");
        datasets.clear();
        // Only a file-exists check here: opening the database happens in the job, off the JavaFX thread.
        boolean build = isSample && !java.nio.file.Files.exists(file);
        status.set(build ? "Building the sample workspace…" : "Opening " + workspaceFile + "…");
        Job<List<DatasetInfo>> job = services.tasks().submit(build ? "Build sample workspace" : "Open workspace", monitor -> {
            if (isSample) {
                SampleWorkspace.ensure(file, services.imports(), monitor); // also refills an emptied sample
            }
            try (Workspace ws = Workspace.open(file)) {
                return ws.read().datasets();
            }
        });
        JobBinding.follow(job, this::onProgress, list -> {
            datasets.setAll(list);
            if (list.isEmpty()) {
                statistics.clear();
            } else {
                select(list.get(0));
            }
            busy.set(false);
            progress.set(1);
            status.set(String.format(Locale.ROOT, "%s · %d dataset%s", workspaceFile, list.size(), list.size() == 1 ? "" : "s"));
        }, e -> {
            busy.set(false);
            error.set(e.getMessage() == null ? e.toString() : e.getMessage());
            status.set("Could not open " + workspaceFile);
        });
    }

    /** Loads the statistics of {@code dataset} in the background into {@link #statistics()}. */
    public void select(DatasetInfo dataset) {
        if (dataset == null || workspaceFile == null) {
            return;
        }
        Path file = workspaceFile;
        selectedDataset = dataset.name();
        tables.forEach(t -> t.show(file, dataset.name()));
        Job<DatasetProfile> job = services.tasks().submit("Statistics of " + dataset.name(), m -> {
            try (Workspace ws = Workspace.open(file)) {
                return ws.read().profile(dataset.name());
            }
        });
        JobBinding.follow(job, s -> { }, p -> statistics.show(dataset.name(), p),
                e -> error.set(e.getMessage() == null ? e.toString() : e.getMessage()));
    }

    public DetailViewModel detail() {
        return detail;
    }

    /** Opens a row of the Items or Users table (its first column is the id) in the detail pane. */
    public void openRow(dev.augur.core.store.TableKind kind, java.util.List<Object> row) {
        if (row == null || row.isEmpty() || row.get(0) == null || selectedDataset == null) {
            return;
        }
        String id = String.valueOf(row.get(0));
        switch (kind) {
            case ITEMS -> detail.showItem(workspaceFile, selectedDataset, id);
            case USERS -> detail.showUser(workspaceFile, selectedDataset, id);
            default -> { }
        }
    }

    public StatisticsViewModel statistics() {
        return statistics;
    }

    private void onProgress(JobSnapshot s) {
        progress.set(s.fraction());
        if (!s.message().isEmpty() && busy.get()) {
            status.set(s.message());
        }
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
