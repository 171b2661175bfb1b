package dev.augur.ui.review;

import dev.augur.core.store.ReviewDecision;
import dev.augur.core.store.SyntheticRow;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The evidence the detail pane shows for the current synthetic interaction: the pair, its facts and rationale at
 * once (from the queue row), then the item text, generated profile, the user's history and the row's decisions when
 * they have been read. JavaFX thread only.
 */
public final class ReviewDetail {
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper facts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rationale = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper itemText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper profileLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper profile = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper history = new ReadOnlyStringWrapper("");
    private final ObservableList<ReviewDecision> decisions = FXCollections.observableArrayList();

    void clear() {
        title.set("");
        facts.set("");
        rationale.set("");
        itemText.set("");
        profileLine.set("");
        profile.set("");
        history.set("");
        decisions.clear();
    }

    /** What the queue row itself says, shown before the rest is read. */
    void showFacts(SyntheticRow r) {
        title.set("User " + r.userExternalId() + " → " + (r.itemTitle().isBlank() ? "item " + r.itemExternalId()
                : r.itemTitle() + " (" + r.itemExternalId() + ")"));
        facts.set(RowText.facts(r));
        rationale.set(r.rationale().isBlank() ? "(no rationale given)" : r.rationale());
    }

    void show(RowText.Detail d) {
        itemText.set(d.itemText());
        profileLine.set(d.profileLine());
        profile.set(d.profile());
        history.set(d.history());
        decisions.setAll(d.decisions());
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty factsProperty() {
        return facts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rationaleProperty() {
        return rationale.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty itemTextProperty() {
        return itemText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty profileLineProperty() {
        return profileLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty profileProperty() {
        return profile.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty historyProperty() {
        return history.getReadOnlyProperty();
    }

    /** The current row's decisions, oldest first. */
    public ObservableList<ReviewDecision> decisions() {
        return decisions;
    }
}
