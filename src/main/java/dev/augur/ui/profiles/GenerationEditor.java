package dev.augur.ui.profiles;

import dev.augur.core.store.Generation;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;

/**
 * The editor on the selected generation's output: whether it is open, its text, and why the text cannot be saved.
 * Saving is the view model's (a job that stores the text as a new version). JavaFX thread only.
 */
public final class GenerationEditor {
    private final BooleanProperty editing = new SimpleBooleanProperty(false);
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    /** Opens the editor on {@code g}'s JSON (its raw output when it has none). */
    void open(Generation g) {
        text.set(g.ok() ? GenerationText.display(g) : g.rawOutput());
        error.set("");
        editing.set(true);
    }

    /** Closes the editor; what was typed is dropped. */
    public void close() {
        editing.set(false);
        error.set("");
    }

    boolean isEditing() {
        return editing.get();
    }

    /** The text typed. */
    String text() {
        return text.get() == null ? "" : text.get();
    }

    /** The text as compact JSON, or empty with the reason on the error line when it is not valid JSON. */
    Optional<String> validJson() {
        try {
            String parsed = GenerationText.compactJson(text());
            error.set("");
            return Optional.of(parsed);
        } catch (IllegalArgumentException e) {
            error.set("Not valid JSON, nothing saved: " + e.getMessage());
            return Optional.empty();
        }
    }

    public BooleanProperty editingProperty() {
        return editing;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
