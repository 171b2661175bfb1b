package dev.augur.ui.review;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Who is deciding: the workspace's annotator name, logged with every decision, and whether the view should ask for
 * it. The name is saved in the workspace through the decision thread. JavaFX thread only.
 */
public final class Annotator {
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper needed = new ReadOnlyBooleanWrapper(false);
    private final DecisionQueue decisions;
    private final Supplier<Path> workspace;
    private final StringProperty message;
    private final StringProperty error;
    private final Runnable onSaved;

    /**
     * @param message the queue's message line
     * @param error   the queue's error line
     * @param onSaved runs after a new name is saved
     */
    Annotator(DecisionQueue decisions, Supplier<Path> workspace, StringProperty message, StringProperty error,
              Runnable onSaved) {
        this.decisions = decisions;
        this.workspace = workspace;
        this.message = message;
        this.error = error;
        this.onSaved = onSaved;
    }

    /** The name as the workspace has it (empty when none); asked for only when there is work to decide. */
    void read(String stored, boolean work) {
        name.set(stored);
        needed.set(stored.isEmpty() && work);
    }

    /** Another workspace: its name is not known yet. */
    void forget() {
        name.set("");
    }

    String name() {
        return name.get();
    }

    /** True when a name is set; else asks for one and says why. */
    boolean require() {
        if (name.get().isEmpty()) {
            needed.set(true);
            message.set("Set your annotator name first: every decision is logged with it.");
            return false;
        }
        return true;
    }

    /** Sets the workspace's annotator name; a blank or over-long name changes nothing and says why. */
    public CompletableFuture<String> set(String newName) {
        String n = newName == null ? "" : newName.trim();
        if (n.isEmpty() || n.length() > 80) {
            error.set("An annotator name is 1 to 80 characters.");
            return CompletableFuture.failedFuture(new IllegalArgumentException(error.get()));
        }
        if (workspace.get() == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no workspace is open"));
        }
        return decisions.write(workspace.get(), ws -> {
            DecisionQueue.withRetry(() -> {
                ws.annotations().setAnnotator(n);
                return n;
            });
            return n;
        }, saved -> {
            name.set(saved);
            needed.set(false);
            error.set("");
            message.set("Decisions are now logged as " + saved + ".");
            onSaved.run();
        }, e -> error.set("Could not save the annotator name: " + e.getMessage()));
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** True when a decision needs an annotator name and none is set for this workspace. */
    public ReadOnlyBooleanProperty neededProperty() {
        return needed.getReadOnlyProperty();
    }
}
