package dev.augur.ui.common;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The items the analyst has picked, shared between views (the map writes it; the tables, the detail pane and the
 * rankings read it): a set of item ids of one dataset, and an "open item" event. JavaFX thread only.
 *
 * <p>Large selections (a lasso over 100,000 points) change the set in one step each; listeners that only need to
 * know "it changed" should follow {@link #revisionProperty()}, which moves once per change, not once per id.
 */
public final class ItemSelection {
    private final ObservableSet<Long> ids = FXCollections.observableSet(new HashSet<>());
    private final ObservableSet<Long> readOnly = FXCollections.unmodifiableObservableSet(ids);
    private final ReadOnlyStringWrapper dataset = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final List<Consumer<Opened>> openListeners = new CopyOnWriteArrayList<>();

    /** An item the analyst asked to open (clicked on the map, double-clicked in a list). */
    public record Opened(String dataset, long id, String externalId) {
    }

    /** The selected item ids (read-only; change them through {@link #replace}, {@link #add}, {@link #clear}). */
    public ObservableSet<Long> ids() {
        return readOnly;
    }

    /** The dataset the ids belong to; empty when nothing was ever selected. */
    public ReadOnlyStringProperty datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    /** Moves once per change of the selection. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public int size() {
        return ids.size();
    }

    public boolean contains(long id) {
        return ids.contains(id);
    }

    /** The selection becomes exactly {@code selected}, of {@code datasetName}. */
    public void replace(String datasetName, long[] selected) {
        dataset.set(datasetName == null ? "" : datasetName);
        ids.clear();
        HashSet<Long> add = new HashSet<>(Math.max(16, selected.length * 4 / 3 + 1));
        for (long id : selected) {
            add.add(id);
        }
        ids.addAll(add);
        revision.set(revision.get() + 1);
    }

    /** Adds {@code more} to the selection; a selection of another dataset is replaced. */
    public void add(String datasetName, long[] more) {
        String name = datasetName == null ? "" : datasetName;
        if (!name.equals(dataset.get())) {
            replace(name, more);
            return;
        }
        HashSet<Long> add = new HashSet<>();
        for (long id : more) {
            add.add(id);
        }
        ids.addAll(add);
        revision.set(revision.get() + 1);
    }

    /** Adds {@code id} when absent, removes it when present. */
    public void toggle(String datasetName, long id) {
        String name = datasetName == null ? "" : datasetName;
        if (!name.equals(dataset.get())) {
            replace(name, new long[] {id});
            return;
        }
        if (!ids.remove(id)) {
            ids.add(id);
        }
        revision.set(revision.get() + 1);
    }

    public void clear() {
        if (!ids.isEmpty()) {
            ids.clear();
            revision.set(revision.get() + 1);
        }
    }

    /** Tells every open listener that the analyst asked to open this item. */
    public void open(String datasetName, long id, String externalId) {
        Opened o = new Opened(datasetName == null ? "" : datasetName, id, externalId == null ? "" : externalId);
        openListeners.forEach(l -> l.accept(o));
    }

    /** Called on the JavaFX thread for every {@link #open}. */
    public void addOpenListener(Consumer<Opened> listener) {
        openListeners.add(listener);
    }

    public void removeOpenListener(Consumer<Opened> listener) {
        openListeners.remove(listener);
    }
}
