package dev.augur.ui.datasets;

import dev.augur.core.store.PageRequest;
import dev.augur.core.store.TableKind;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.JobBinding;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One paged table (users, items, interactions or reviews) of a dataset: its rows, filter and sort. Counting
 * runs as a job; pages load on a single background thread from one workspace connection held open while the
 * table shows.
 */
public final class TablesViewModel implements AutoCloseable {
    private final TaskExecutor tasks;
    private final TableKind kind;
    private final ExecutorService pageLoader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "augur-page-loader");
        t.setDaemon(true);
        return t;
    });
    private final ObjectProperty<PagedRows> rows = new SimpleObjectProperty<>(new PagedRows(0, 0, r -> { }, (o, l) -> java.util.List.of()));
    private final StringProperty summary = new SimpleStringProperty("");
    private Workspace workspace;
    private String dataset;
    private String filter = "";
    private String sortKey;
    private boolean ascending = true;
    private long generation;

    public TablesViewModel(TaskExecutor tasks, TableKind kind) {
        this.tasks = tasks;
        this.kind = kind;
    }

    public TableKind kind() {
        return kind;
    }

    /** Shows {@code dataset} of the workspace at {@code file}; the connection opens on the loader thread. */
    public void show(Path file, String datasetName) {
        pageLoader.execute(() -> {
            if (workspace != null && !workspace.file().equals(file.toAbsolutePath())) {
                workspace.close();
                workspace = null;
            }
            if (workspace == null) {
                workspace = Workspace.open(file);
            }
        });
        this.dataset = datasetName;
        reload();
    }

    public void filter(String text) {
        this.filter = text == null ? "" : text;
        reload();
    }

    public void sort(String key, boolean asc) {
        this.sortKey = key;
        this.ascending = asc;
        reload();
    }

    private void reload() {
        if (dataset == null) {
            return;
        }
        long gen = ++generation;
        PageRequest base = new PageRequest(dataset, kind, filter, sortKey, ascending, 0, PagedRows.PAGE);
        var job = tasks.submit("Count " + kind.name().toLowerCase(Locale.ROOT) + " of " + dataset, m -> {
            java.util.concurrent.Future<Long> f = pageLoader.submit(() -> workspace.read().count(base));
            return f.get();
        });
        JobBinding.follow(job, s -> { }, total -> {
            if (gen != generation) {
                return; // a newer filter or sort is on its way
            }
            rows.set(new PagedRows(total, kind.columns().size(), pageLoader,
                    (offset, limit) -> workspace.read().page(base.withOffset(offset)).rows()));
            summary.set(String.format(Locale.ROOT, "%,d %s%s", total, kind.name().toLowerCase(Locale.ROOT),
                    filter.isBlank() ? "" : " matching '" + filter.strip() + "'"));
        }, e -> summary.set("Could not read " + kind.name().toLowerCase(Locale.ROOT) + ": " + e.getMessage()));
    }

    public ReadOnlyObjectProperty<PagedRows> rowsProperty() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    @Override
    public void close() {
        pageLoader.execute(() -> {
            if (workspace != null) {
                workspace.close();
            }
        });
        pageLoader.shutdown();
    }
}
