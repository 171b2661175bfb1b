package dev.augur.ui.review;

import dev.augur.core.store.ReviewDecision;
import dev.augur.core.store.SyntheticRow;
import dev.augur.core.store.Workspace;
import dev.augur.ui.common.BackgroundJobs;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.function.Supplier;

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
    private final BackgroundJobs jobs;
    private final Supplier<Path> workspace;
    private long reading; // the latest read; an older one that returns late is dropped

    ReviewDetail(BackgroundJobs jobs, Supplier<Path> workspace) {
        this.jobs = jobs;
        this.workspace = workspace;
    }

    /** Shows {@code row}: what the queue row says at once, the rest once read in the background. */
    void read(SyntheticRow row) {
        showFacts(row);
        Path file = workspace.get();
        if (file == null) {
            return;
        }
        long gen = ++reading;
        jobs.submit("Review detail of #" + row.interactionId(), () -> {
            try (Workspace ws = Workspace.open(file)) {
                return RowText.readDetail(ws, row);
            }
        }, (RowText.Detail d) -> {
            if (gen == reading) {
                show(d);
            }
        });
    }

    void clear() {
        ++reading;
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
    private void showFacts(SyntheticRow r) {
        title.set("User " + r.userExternalId() + " → " + (r.itemTitle().isBlank() ? "item " + r.itemExternalId()
                : r.itemTitle() + " (" + r.itemExternalId() + ")"));
        facts.set(RowText.facts(r));
        rationale.set(r.rationale().isBlank() ? "(no rationale given)" : r.rationale());
    }

    private void show(RowText.Detail d) {
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
