package dev.augur.ui.rankings;

import dev.augur.core.rank.EvalRequest;
import dev.augur.core.rank.Filters;
import dev.augur.core.rank.Protocol;
import dev.augur.core.store.DatasetInfo;
import dev.augur.ui.common.DatasetChoice;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The Rankings top bar's form: the dataset, the protocol (split, mode, K, seed, filters, a user sample) and the
 * models to evaluate, with the protocol described as one line while it is edited, and the request it builds.
 */
public final class EvaluationFormViewModel {
    /** Cut-offs always evaluated besides the chosen K, so runs with different list lengths stay comparable. */
    static final List<Integer> STANDARD_KS = List.of(10, 20);

    private final DatasetChoice datasetChoice = new DatasetChoice();
    private final ObservableList<String> datasets = datasetChoice.names();
    private final ObjectProperty<String> dataset = datasetChoice.selectedProperty();
    private final ObservableList<SplitChoice> splits = FXCollections.observableArrayList(SplitChoice.values());
    private final ObjectProperty<SplitChoice> split = new SimpleObjectProperty<>(SplitChoice.RANDOM);
    private final ObservableList<ModeChoice> modes = FXCollections.observableArrayList(ModeChoice.values());
    private final ObjectProperty<ModeChoice> mode = new SimpleObjectProperty<>(ModeChoice.FULL);
    private final IntegerProperty k = new SimpleIntegerProperty(10);
    private final StringProperty seed = new SimpleStringProperty("42");
    private final StringProperty minRating = new SimpleStringProperty("");
    private final StringProperty minUserInteractions = new SimpleStringProperty("");
    private final StringProperty minItemInteractions = new SimpleStringProperty("");
    private final BooleanProperty withSynthetic = new SimpleBooleanProperty();
    private final StringProperty maxUsers = new SimpleStringProperty("");
    private final ObservableList<ModelChoice> models = FXCollections.observableArrayList(
            m -> new Observable[] {m.selected()});
    private final ReadOnlyStringWrapper protocolLine = new ReadOnlyStringWrapper("");

    EvaluationFormViewModel() {
        for (Observable o : new Observable[] {split, mode, k, seed, minRating, minUserInteractions,
            minItemInteractions, withSynthetic, maxUsers}) {
            o.addListener(x -> updateProtocolLine());
        }
        updateProtocolLine();
    }

    /**
     * Offers {@code infos}, keeping the chosen dataset when it is still there (else the first); true when the
     * choice changed, so its listeners have already run.
     */
    boolean offerDatasets(List<DatasetInfo> infos) {
        String next = datasetChoice.offer(infos);
        if (Objects.equals(next, dataset.get())) {
            return false;
        }
        dataset.set(next);
        return true;
    }

    /** The chosen dataset's id; null when none is chosen. */
    Long datasetId() {
        return datasetChoice.id();
    }

    /**
     * Offers {@code names}, keeping the analyst's ticks. New models start ticked, except the LLM re-ranker, which
     * calls a (possibly paid, always slow) LLM per user and so is opt-in.
     */
    void offerModels(List<String> names) {
        Map<String, Boolean> was = new LinkedHashMap<>();
        models.forEach(m -> was.put(m.name(), m.selected().get()));
        List<ModelChoice> next = new ArrayList<>();
        for (String name : names) {
            next.add(new ModelChoice(name, was.getOrDefault(name, !name.startsWith("llm"))));
        }
        if (!next.stream().map(ModelChoice::name).toList().equals(models.stream().map(ModelChoice::name).toList())) {
            models.setAll(next);
        }
    }

    /** Whether a dataset is chosen and at least one model ticked. */
    boolean isComplete() {
        return dataset.get() != null && models.stream().anyMatch(m -> m.selected().get());
    }

    /** The ticked models' names, in the order offered. */
    List<String> chosenModels() {
        return models.stream().filter(m -> m.selected().get()).map(ModelChoice::name).toList();
    }

    /** The protocol the form describes; a clear error when the seed or K is not usable. */
    public Protocol protocol() {
        long s;
        try {
            s = Long.parseLong(seed.get().strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("the seed must be a whole number, not '" + seed.get() + "'");
        }
        if (k.get() < 1) {
            throw new IllegalArgumentException("K must be at least 1, not " + k.get());
        }
        TreeSet<Integer> ks = new TreeSet<>(STANDARD_KS);
        ks.add(k.get());
        String rating = minRating.get() == null ? "" : minRating.get().strip();
        double r;
        try {
            r = rating.isEmpty() ? Double.NaN : Double.parseDouble(rating);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the minimum rating must be a number, not '" + rating + "'");
        }
        Filters filters = new Filters(r, count(minUserInteractions.get(), "minimum interactions per user"),
                count(minItemInteractions.get(), "minimum interactions per item"), withSynthetic.get());
        return new Protocol(split.get().spec(), filters, s, mode.get().mode(), List.copyOf(ks), "test",
                count(maxUsers.get(), "number of users to sample"));
    }

    /** The evaluation the form describes, of the chosen dataset; a clear error when the protocol is invalid. */
    EvalRequest request(int threads) {
        Protocol p = protocol();
        return new EvalRequest(datasetChoice.id(), p, chosenModels(), Map.of(), "", threads, "");
    }

    /** A blank field is 0 (no filter); anything else must be a whole number ≥ 0. */
    private static int count(String text, String what) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(t);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message
        }
        throw new IllegalArgumentException("the " + what + " must be a whole number ≥ 0, not '" + t + "'");
    }

    private void updateProtocolLine() {
        try {
            protocolLine.set(protocol().describe());
        } catch (IllegalArgumentException e) {
            protocolLine.set(e.getMessage());
        }
    }

    // ---- properties --------------------------------------------------------------------------------------------

    public ObservableList<String> datasets() {
        return datasets;
    }

    public ObjectProperty<String> datasetProperty() {
        return dataset;
    }

    public ObservableList<SplitChoice> splits() {
        return splits;
    }

    public ObjectProperty<SplitChoice> splitProperty() {
        return split;
    }

    public ObservableList<ModeChoice> modes() {
        return modes;
    }

    public ObjectProperty<ModeChoice> modeProperty() {
        return mode;
    }

    /** The length of the top-K lists, and the cut-off the metrics open at. */
    public IntegerProperty kProperty() {
        return k;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    /** Filters applied before the split: blank means none. */
    public StringProperty minRatingProperty() {
        return minRating;
    }

    public StringProperty minUserInteractionsProperty() {
        return minUserInteractions;
    }

    public StringProperty minItemInteractionsProperty() {
        return minItemInteractions;
    }

    /** Train with the accepted synthetic interactions too (never tested on them). */
    public BooleanProperty withSyntheticProperty() {
        return withSynthetic;
    }

    /** Score a seeded sample of this many users (blank: all); the LLM re-ranker needs it. */
    public StringProperty maxUsersProperty() {
        return maxUsers;
    }

    public ObservableList<ModelChoice> models() {
        return models;
    }

    /** The protocol the form describes, as one line (or why it is invalid). */
    public ReadOnlyStringProperty protocolLineProperty() {
        return protocolLine.getReadOnlyProperty();
    }
}
