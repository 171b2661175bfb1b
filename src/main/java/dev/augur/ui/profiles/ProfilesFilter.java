package dev.augur.ui.profiles;

import dev.augur.core.store.DatasetInfo;
import dev.augur.ui.common.DatasetChoice;
import dev.augur.core.store.Generation;
import dev.augur.core.store.GenerationFilter;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The Profiles list's filter form: which dataset, target, status, review status and template, the choices offered
 * for each, and the store filter they make. JavaFX thread only.
 */
public final class ProfilesFilter {
    /** The choice that filters nothing. */
    public static final String ALL = "all";

    private final DatasetChoice datasetChoice = new DatasetChoice();
    private final ObservableList<String> datasets = datasetChoice.names();
    private final ObservableList<String> targets = FXCollections.observableArrayList("items", "users");
    private final ObservableList<String> statuses = FXCollections.observableArrayList(ALL, Generation.OK, Generation.FAILED);
    private final ObservableList<String> reviewStatuses = FXCollections.observableArrayList(ALL, "pending", "approved", "rejected");
    private final ObservableList<String> templates = FXCollections.observableArrayList(ALL);
    private final ObjectProperty<String> dataset = datasetChoice.selectedProperty();
    private final ObjectProperty<String> target = new SimpleObjectProperty<>("items");
    private final ObjectProperty<String> status = new SimpleObjectProperty<>(ALL);
    private final ObjectProperty<String> reviewStatus = new SimpleObjectProperty<>(ALL);
    private final ObjectProperty<String> template = new SimpleObjectProperty<>(ALL);

    ProfilesFilter() {
    }

    /** Runs {@code changed} after every change of a field. */
    void onChange(Runnable changed) {
        for (ObjectProperty<String> p : List.of(dataset, target, status, reviewStatus, template)) {
            p.addListener((o, was, is) -> changed.run());
        }
    }

    /**
     * Offers the datasets of a newly opened workspace; returns the one to show: the current one when the workspace
     * has it, else the first (null when none). The caller selects it.
     */
    String offerDatasets(List<DatasetInfo> datasetInfos) {
        return datasetChoice.offer(datasetInfos);
    }

    /** Adds the template ids a read found to the choices. */
    void offerTemplates(List<String> found) {
        for (String t : found) {
            if (!templates.contains(t)) {
                templates.add(t);
            }
        }
    }

    /** The store filter the fields make. */
    GenerationFilter storeFilter() {
        String kind = "users".equals(target.get()) ? "user" : "item";
        Long id = datasetChoice.id();
        return new GenerationFilter(id == null ? 0 : id, kind, any(template.get()), any(status.get()),
                any(reviewStatus.get()));
    }

    private static String any(String v) {
        return v == null || ALL.equals(v) ? "" : v;
    }

    public ObservableList<String> datasets() {
        return datasets;
    }

    public ObservableList<String> targets() {
        return targets;
    }

    public ObservableList<String> statuses() {
        return statuses;
    }

    public ObservableList<String> reviewStatuses() {
        return reviewStatuses;
    }

    public ObservableList<String> templates() {
        return templates;
    }

    public ObjectProperty<String> datasetProperty() {
        return dataset;
    }

    /** "items" or "users". */
    public ObjectProperty<String> targetProperty() {
        return target;
    }

    public ObjectProperty<String> statusProperty() {
        return status;
    }

    public ObjectProperty<String> reviewStatusProperty() {
        return reviewStatus;
    }

    public ObjectProperty<String> templateProperty() {
        return template;
    }
}
