package dev.augur.ui.map;

import dev.augur.core.task.Job;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One of the two maps of the {@link MapViewModel}: what it shows and how. Read-only outside this package; the view
 * model's parts (loading, {@link MapColours}, {@link MapSearch}, {@link NeighbourhoodChange}) write its fields, each
 * with its own generation counter so that a job's result that is no longer wanted is dropped.
 */
public final class MapSide {
    final ReadOnlyObjectWrapper<LoadedMap> map = new ReadOnlyObjectWrapper<>();
    final ReadOnlyObjectWrapper<Colouring> colouring = new ReadOnlyObjectWrapper<>();
    final ReadOnlyObjectWrapper<boolean[]> hidden = new ReadOnlyObjectWrapper<>(new boolean[0]);
    final ReadOnlyObjectWrapper<boolean[]> matches = new ReadOnlyObjectWrapper<>();
    final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    float[] change;
    long loadGeneration;
    long colourGeneration;
    long searchGeneration;
    Job<?> loadJob;

    MapSide() {
    }

    /** The projection shown, indexed; null while none. */
    public ReadOnlyObjectProperty<LoadedMap> mapProperty() {
        return map.getReadOnlyProperty();
    }

    /** Colours of the shown map's points (same length), or null while being computed. */
    public ReadOnlyObjectProperty<Colouring> colouringProperty() {
        return colouring.getReadOnlyProperty();
    }

    /** Per legend group of {@link #colouringProperty()}: hidden by the legend. */
    public ReadOnlyObjectProperty<boolean[]> hiddenProperty() {
        return hidden.getReadOnlyProperty();
    }

    /** Per point: matches the search; null while no search. */
    public ReadOnlyObjectProperty<boolean[]> matchesProperty() {
        return matches.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The neighbourhood-change score of each point of this map, or null while not computed. */
    public float[] change() {
        return change;
    }
}
