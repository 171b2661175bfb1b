package dev.augur.ui.review;

import dev.augur.core.store.DatasetInfo;
import dev.augur.ui.common.DatasetChoice;
import dev.augur.core.store.SyntheticFilter;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The review queue's filter form: which dataset, status, model, batch, confidence range, item and user, in which
 * order, the choices offered for each, and the store filter they make. JavaFX thread only.
 */
public final class QueueFilter {
    /** The choice that filters nothing. */
    public static final String ALL = "all";

    private final DatasetChoice datasetChoice = new DatasetChoice();
    private final ObservableList<String> datasets = datasetChoice.names();
    private final ObservableList<String> statuses = FXCollections.observableArrayList(ALL, "pending", "accepted", "rejected");
    private final ObservableList<String> models = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> batchNames = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> sorts = FXCollections.observableArrayList("oldest", "newest", "confidence",
            "confidence-asc", "item", "user");
    private final ObjectProperty<String> dataset = datasetChoice.selectedProperty();
    private final ObjectProperty<String> status = new SimpleObjectProperty<>("pending");
    private final ObjectProperty<String> model = new SimpleObjectProperty<>(ALL);
    private final ObjectProperty<String> batch = new SimpleObjectProperty<>(ALL);
    private final ObjectProperty<String> sort = new SimpleObjectProperty<>("oldest");
    private final StringProperty minConfidence = new SimpleStringProperty("");
    private final StringProperty maxConfidence = new SimpleStringProperty("");
    private final StringProperty item = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");

    QueueFilter() {
        // in a batch the others' decisions change the status; what is left to do is what this annotator has not
        // labelled, so the queue shows every status
        batch.addListener((o, was, is) -> {
            if (is != null && !ALL.equals(is) && "pending".equals(status.get())) {
                status.set(ALL);
            }
        });
    }

    /** Runs {@code changed} after every change of a field. */
    void onChange(Runnable changed) {
        for (ObjectProperty<String> p : List.of(dataset, status, model, batch, sort)) {
            p.addListener((o, was, is) -> changed.run());
        }
        for (StringProperty p : List.of(minConfidence, maxConfidence, item, user)) {
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

    /** Adds the models and batches a page read found to the choices. */
    void offerChoices(List<String> foundModels, List<String> foundBatches) {
        addMissing(models, foundModels);
        addMissing(batchNames, foundBatches);
    }

    private static void addMissing(ObservableList<String> choices, List<String> found) {
        for (String s : found) {
            if (!s.isEmpty() && !choices.contains(s)) {
                choices.add(s);
            }
        }
    }

    /** The chosen dataset's id; 0 when none is chosen. */
    long datasetId() {
        Long id = datasetChoice.id();
        return id == null ? 0 : id;
    }

    /** The status filtered on, empty for any. */
    String statusChosen() {
        return any(status.get());
    }

    /** The batch filtered on, empty for none. */
    String batchChosen() {
        return any(batch.get());
    }

    /** The store filter; throws with a readable message when a confidence bound is not a number in [0, 1]. */
    public SyntheticFilter build() {
        return new SyntheticFilter(datasetId(), any(status.get()), any(model.get()),
                confidence(minConfidence.get(), "from"), confidence(maxConfidence.get(), "to"), trim(item.get()),
                trim(user.get()), any(batch.get()), sort.get());
    }

    /** As {@link #build()}, null while a confidence bound is not valid. */
    SyntheticFilter buildOrNull() {
        try {
            return build();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static double confidence(String text, String which) {
        String t = trim(text);
        if (t.isEmpty()) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(t);
            if (v >= 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message
        }
        throw new IllegalArgumentException("confidence " + which + ": a number between 0 and 1, not '" + t + "'");
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static String any(String v) {
        return v == null || ALL.equals(v) ? "" : v;
    }

    /** The filter in words, for the bulk confirmation. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("dataset " + (dataset.get() == null ? "any" : dataset.get()));
        parts.add("status " + (any(status.get()).isEmpty() ? "any" : status.get()));
        if (!any(model.get()).isEmpty()) {
            parts.add("model " + model.get());
        }
        if (!trim(minConfidence.get()).isEmpty()) {
            parts.add("confidence ≥ " + trim(minConfidence.get()));
        }
        if (!trim(maxConfidence.get()).isEmpty()) {
            parts.add("confidence ≤ " + trim(maxConfidence.get()));
        }
        if (!trim(item.get()).isEmpty()) {
            parts.add("item " + trim(item.get()));
        }
        if (!trim(user.get()).isEmpty()) {
            parts.add("user " + trim(user.get()));
        }
        if (!any(batch.get()).isEmpty()) {
            parts.add("batch " + batch.get());
        }
        return String.join(", ", parts);
    }

    // ---- properties ---------------------------------------------------------------------------------------------

    public ObservableList<String> datasets() {
        return datasets;
    }

    public ObservableList<String> statuses() {
        return statuses;
    }

    public ObservableList<String> models() {
        return models;
    }

    public ObservableList<String> batchNames() {
        return batchNames;
    }

    public ObservableList<String> sorts() {
        return sorts;
    }

    public ObjectProperty<String> datasetProperty() {
        return dataset;
    }

    public ObjectProperty<String> statusProperty() {
        return status;
    }

    public ObjectProperty<String> modelProperty() {
        return model;
    }

    public ObjectProperty<String> batchProperty() {
        return batch;
    }

    public ObjectProperty<String> sortProperty() {
        return sort;
    }

    public StringProperty minConfidenceProperty() {
        return minConfidence;
    }

    public StringProperty maxConfidenceProperty() {
        return maxConfidence;
    }

    public StringProperty itemProperty() {
        return item;
    }

    public StringProperty userProperty() {
        return user;
    }
}
