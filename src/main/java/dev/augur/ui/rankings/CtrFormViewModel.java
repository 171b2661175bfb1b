package dev.augur.ui.rankings;

import dev.augur.core.rank.CtrService;
import dev.augur.core.rank.EvalMode;
import dev.augur.core.rank.Filters;
import dev.augur.core.rank.Protocol;
import dev.augur.core.rank.ctr.CtrFeatures;
import dev.augur.core.rank.ctr.CtrLabels;
import dev.augur.core.rank.ctr.FactorizationMachine;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Set;

import static dev.augur.ui.rankings.CtrViewModel.ATTRIBUTES_TEMPLATE;

/**
 * The CTR tab's settings: how a value becomes a click label, the backbone, the feature groups added to the base
 * (only those the dataset can feed), and the split and seed shared with the Rankings top bar; the comparison they
 * describe, also as one line while they are edited.
 */
public final class CtrFormViewModel {
    /** How a value becomes a click label. */
    public enum LabelRule {
        RATING("rating ≥"),
        CLICKS("clicks (value > 0)");

        private final String text;

        LabelRule(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The CTR backbone. */
    public enum Backbone {
        FM("FM (k=16)"),
        LR("LR");

        private final String text;

        Backbone(String text) {
            this.text = text;
        }

        FactorizationMachine.Config config() {
            return this == FM ? FactorizationMachine.Config.fm() : FactorizationMachine.Config.logistic();
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final ObjectProperty<SplitChoice> split;
    private final StringProperty seed;
    private Long datasetId;
    private final ObservableList<SplitChoice> splits = FXCollections.observableArrayList(SplitChoice.values());
    private final ObservableList<LabelRule> labelRules = FXCollections.observableArrayList(LabelRule.values());
    private final ObjectProperty<LabelRule> labelRule = new SimpleObjectProperty<>(LabelRule.RATING);
    private final StringProperty threshold = new SimpleStringProperty("4");
    private final ObservableList<Backbone> backbones = FXCollections.observableArrayList(Backbone.values());
    private final ObjectProperty<Backbone> backbone = new SimpleObjectProperty<>(Backbone.FM);
    private final ObservableList<CtrFeatureChoice> features = FXCollections.observableArrayList(
            c -> new Observable[] {c.selected(), c.available()});
    private final ReadOnlyStringWrapper settingsLine = new ReadOnlyStringWrapper("");

    /**
     * @param split the Rankings top bar's split, shared: the tab shows and changes the same one
     * @param seed  the top bar's seed, shared likewise
     */
    CtrFormViewModel(ObjectProperty<SplitChoice> split, StringProperty seed) {
        this.split = split;
        this.seed = seed;
        features.setAll(
                new CtrFeatureChoice(CtrFeatures.Group.ITEM_TEXT, "The items' text vectors (the latest item vector"
                        + " set).", "No item text vectors in this dataset yet. Encode the items in Embeddings →"
                        + " Vectors (target items), or run: augur encode --target items"),
                new CtrFeatureChoice(CtrFeatures.Group.ITEM_PROFILE, "Vectors of the LLM-generated item profiles.",
                        "No vectors of generated item profiles yet. Generate item profiles in Profiles → Generate…"
                        + " (target items), then encode them in Embeddings → Vectors (target item-profiles)."),
                new CtrFeatureChoice(CtrFeatures.Group.USER_PROFILE, "Vectors of the LLM-generated user profiles.",
                        "No vectors of generated user profiles yet. Generate user profiles in Profiles → Generate…"
                        + " (target users), then encode them in Embeddings → Vectors (target user-profiles)."),
                new CtrFeatureChoice(CtrFeatures.Group.ATTRIBUTES, "The attributes an LLM generated per item"
                        + " (template " + ATTRIBUTES_TEMPLATE + "), as hashed tokens.", "No generated item"
                        + " attributes yet. Run the template " + ATTRIBUTES_TEMPLATE + " on the items in Profiles →"
                        + " Generate…, or: augur augment --template " + ATTRIBUTES_TEMPLATE + " --target items"));
        for (Observable o : new Observable[] {split, seed, labelRule, threshold, backbone, features}) {
            o.addListener(x -> updateSettingsLine());
        }
        updateSettingsLine();
    }

    /**
     * The dataset compared (null: none). The settings line is not redescribed here; it is when the dataset's
     * feature groups are offered and change the ticks (as before this form was split off).
     */
    void dataset(Long id) {
        datasetId = id;
    }

    Long datasetId() {
        return datasetId;
    }

    /** Groups the dataset cannot feed are unticked, groups that became available are ticked. */
    void offer(Set<CtrFeatures.Group> available) {
        for (CtrFeatureChoice c : features) {
            boolean has = available.contains(c.group());
            if (has != c.available().get()) {
                c.selected().set(has);
            }
            c.available().set(has);
        }
    }

    /** Whether at least one group the dataset can feed is ticked. */
    boolean hasFeatures() {
        return features.stream().anyMatch(c -> c.selected().get() && c.available().get());
    }

    /** The comparison the form describes; a clear error when the seed or the threshold is not a number. */
    public CtrService.Request request() {
        if (datasetId == null) {
            throw new IllegalArgumentException("open a workspace with a dataset first");
        }
        long s;
        try {
            s = Long.parseLong(seed.get().strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("the seed must be a whole number, not '" + seed.get() + "'");
        }
        CtrLabels labels;
        if (labelRule.get() == LabelRule.CLICKS) {
            labels = CtrLabels.clicks();
        } else {
            double t;
            try {
                t = Double.parseDouble(threshold.get().strip());
            } catch (NumberFormatException | NullPointerException e) {
                throw new IllegalArgumentException("the label threshold must be a number such as 4, not '"
                        + threshold.get() + "'");
            }
            if (!Double.isFinite(t)) {
                throw new IllegalArgumentException("the label threshold must be a finite number, not '"
                        + threshold.get() + "'");
            }
            labels = CtrLabels.ratingAtLeast(t);
        }
        List<CtrFeatures.Group> added = features.stream().filter(c -> c.selected().get() && c.available().get())
                .map(CtrFeatureChoice::group).toList();
        if (added.isEmpty()) {
            throw new IllegalArgumentException("tick at least one feature group to compare with the base");
        }
        Protocol p = new Protocol(split.get().spec(), Filters.NONE, s, EvalMode.FULL, List.of(10), "test", 0);
        return new CtrService.Request(datasetId, p, labels, added, "", ATTRIBUTES_TEMPLATE,
                backbone.get().config().withSeed(s), "");
    }

    private void updateSettingsLine() {
        try {
            CtrService.Request r = request();
            settingsLine.set(backbone.get() + " on ids+categories, then + " + String.join(", + ",
                    r.added().stream().map(CtrFeatures.Group::text).toList()) + (r.added().size() > 1 ? ", + all" : "")
                    + " · " + r.labels().describe() + " · " + split.get().spec().describe() + "; seed "
                    + r.protocol().seed());
        } catch (IllegalArgumentException e) {
            settingsLine.set(e.getMessage());
        }
    }

    // ---- properties --------------------------------------------------------------------------------------------

    public ObservableList<SplitChoice> splits() {
        return splits;
    }

    /** The top bar's split. */
    public ObjectProperty<SplitChoice> splitProperty() {
        return split;
    }

    /** The top bar's seed. */
    public StringProperty seedProperty() {
        return seed;
    }

    public ObservableList<LabelRule> labelRules() {
        return labelRules;
    }

    public ObjectProperty<LabelRule> labelRuleProperty() {
        return labelRule;
    }

    /** The rating from which an interaction counts as a click (label 1); unused for click logs. */
    public StringProperty thresholdProperty() {
        return threshold;
    }

    public ObservableList<Backbone> backbones() {
        return backbones;
    }

    public ObjectProperty<Backbone> backboneProperty() {
        return backbone;
    }

    /** The four LLM-derived groups: text, item-profile, user-profile, attributes. */
    public ObservableList<CtrFeatureChoice> features() {
        return features;
    }

    /** What the next comparison fits, as one line (or why the form is invalid). */
    public ReadOnlyStringProperty settingsLineProperty() {
        return settingsLine.getReadOnlyProperty();
    }
}
