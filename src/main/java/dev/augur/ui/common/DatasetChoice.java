package dev.augur.ui.common;

import dev.augur.core.store.DatasetInfo;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form's dataset picker: the open workspace's dataset names, the chosen one and its id. Shared by the Rankings
 * form, the Profiles filter and the Review queue filter, which all pick a dataset by name.
 */
public final class DatasetChoice {
    private final Map<String, Long> ids = new LinkedHashMap<>();
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ObjectProperty<String> selected = new SimpleObjectProperty<>();

    /**
     * Offers the datasets of a newly opened workspace; returns the one to show: the current one when the workspace
     * has it, else the first (null when none). The caller selects it.
     */
    public String offer(List<DatasetInfo> datasets) {
        ids.clear();
        datasets.forEach(d -> ids.put(d.name(), d.id()));
        List<String> offered = List.copyOf(ids.keySet());
        String keep = selected.get();
        names.setAll(offered);
        return keep != null && offered.contains(keep) ? keep : offered.isEmpty() ? null : offered.get(0);
    }

    /** The chosen dataset's id; null when none is chosen. */
    public Long id() {
        return selected.get() == null ? null : ids.get(selected.get());
    }

    public ObservableList<String> names() {
        return names;
    }

    public ObjectProperty<String> selectedProperty() {
        return selected;
    }
}
