package dev.augur.ui.datasets;

import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.Job;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.ItemSelection;
import dev.augur.ui.common.JobBinding;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The items picked on the embedding map (or anywhere that writes the shared {@link ItemSelection}), listed in the
 * Datasets section with their titles; opening one shows it in the detail pane. At most {@value #SHOWN} are listed.
 */
public final class SelectionViewModel {
    static final int SHOWN = 5_000;

    private final TaskExecutor tasks;
    private final ItemSelection selection;
    private final Supplier<Path> workspace;
    private final ObservableList<ItemRecord> items = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("Nothing selected. Pick items on the Embeddings map"
            + " (click, shift-drag a rectangle, or lasso) and they are listed here.");
    private long loading;

    public SelectionViewModel(TaskExecutor tasks, ItemSelection selection, Supplier<Path> workspace) {
        this.tasks = tasks;
        this.selection = selection;
        this.workspace = workspace;
        selection.revisionProperty().addListener((o, was, is) -> reload());
    }

    private void reload() {
        long revision = ++loading;
        List<Long> ids = new ArrayList<>(selection.ids());
        String dataset = selection.datasetProperty().get();
        Path file = workspace.get();
        if (ids.isEmpty() || file == null) {
            items.clear();
            summary.set("Nothing selected.");
            return;
        }
        ids.sort(null);
        List<Long> shown = ids.subList(0, Math.min(SHOWN, ids.size()));
        Job<List<ItemRecord>> job = tasks.submit("Read " + ids.size() + " selected items", m -> {
            try (Workspace ws = Workspace.open(file)) {
                return ws.read().itemsByIds(shown);
            }
        });
        JobBinding.follow(job, s -> { }, list -> {
            if (revision != loading) {
                return; // a newer selection is on its way
            }
            items.setAll(list);
            summary.set(String.format(Locale.ROOT, "%,d item%s of %s selected on the map%s", ids.size(),
                    ids.size() == 1 ? "" : "s", dataset, ids.size() > SHOWN ? " (first " + SHOWN + " listed)" : ""));
        }, e -> summary.set("Could not read the selection: " + e.getMessage()));
    }

    public ObservableList<ItemRecord> items() {
        return items;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public void clear() {
        selection.clear();
    }

    public String dataset() {
        return selection.datasetProperty().get();
    }
}
