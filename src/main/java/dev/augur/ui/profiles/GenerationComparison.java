package dev.augur.ui.profiles;

import dev.augur.core.store.Generation;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The side-by-side comparison of the selected generation with another of the same entity: the entity's other
 * generations to pick from, the one picked, and the word diff of the two outputs, older on the left. JavaFX thread
 * only.
 */
public final class GenerationComparison {
    private final ObservableObjectValue<ProfilesViewModel.Row> selected;
    private final ObservableList<Generation> history = FXCollections.observableArrayList();
    private final ObjectProperty<Generation> compareWith = new SimpleObjectProperty<>();
    private final ObservableList<WordDiff.Token> diffLeft = FXCollections.observableArrayList();
    private final ObservableList<WordDiff.Token> diffRight = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper diffLabel = new ReadOnlyStringWrapper("");

    /** @param selected the generation shown, compared with the one picked here */
    GenerationComparison(ObservableObjectValue<ProfilesViewModel.Row> selected) {
        this.selected = selected;
        compareWith.addListener((o, was, is) -> update());
    }

    /** Offers the entity's generations other than {@code shownId}; the one picked stays picked when it is there. */
    void offer(List<Generation> entityHistory, long shownId) {
        Generation keep = compareWith.get();
        history.setAll(entityHistory.stream().filter(h -> h.id() != shownId).toList());
        if (keep != null) {
            compareWith.set(history.stream().filter(h -> h.id() == keep.id()).findFirst().orElse(null));
        }
    }

    /** Drops the pick (another entity is shown); the diff clears. */
    void unpick() {
        compareWith.set(null);
    }

    void clear() {
        history.clear();
        compareWith.set(null);
    }

    /** Diffs the shown generation against the one picked, older first; clears when either is missing. */
    void update() {
        ProfilesViewModel.Row row = selected.get();
        Generation other = compareWith.get();
        if (row == null || other == null) {
            diffLeft.clear();
            diffRight.clear();
            diffLabel.set("");
            return;
        }
        Generation a = other.id() < row.id() ? other : row.generation();
        Generation b = a == other ? row.generation() : other;
        WordDiff.Result d = WordDiff.diff(GenerationText.display(a), GenerationText.display(b));
        diffLeft.setAll(d.left());
        diffRight.setAll(d.right());
        diffLabel.set("#" + a.id() + " (" + a.provenance() + ") → #" + b.id() + " (" + b.provenance() + ")");
    }

    /** The selected entity's other generations, oldest first. */
    public ObservableList<Generation> history() {
        return history;
    }

    public ObjectProperty<Generation> compareWithProperty() {
        return compareWith;
    }

    /** The older side of the comparison, word by word (kept or removed). */
    public ObservableList<WordDiff.Token> diffLeft() {
        return diffLeft;
    }

    /** The newer side of the comparison, word by word (kept or added). */
    public ObservableList<WordDiff.Token> diffRight() {
        return diffRight;
    }

    public ReadOnlyStringProperty diffLabelProperty() {
        return diffLabel.getReadOnlyProperty();
    }
}
