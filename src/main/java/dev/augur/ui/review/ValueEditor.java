package dev.augur.ui.review;

import dev.augur.core.store.SyntheticRow;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.OptionalDouble;

/** The queue's inline editor of the current row's value: whether it is open, its text, why the text is no value. */
public final class ValueEditor {
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(false);
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    /** Opens on {@code row}'s value. */
    void open(SyntheticRow row) {
        text.set(Double.isNaN(row.value()) ? "" : RowText.value(row.value()));
        error.set("");
        editing.set(true);
    }

    /**
     * The value typed, closing the editor; empty when it is not open, or when the text is not a number (the editor
     * stays open and says why).
     */
    OptionalDouble take() {
        if (!editing.get()) {
            return OptionalDouble.empty();
        }
        String t = text.get() == null ? "" : text.get().trim();
        double v;
        try {
            v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            error.set("A label (1 or 0) or a rating such as 4 or 3.5, not '" + t + "'");
            return OptionalDouble.empty();
        }
        editing.set(false);
        error.set("");
        return OptionalDouble.of(v);
    }

    /** Closes the editor; nothing is saved. */
    public void cancel() {
        editing.set(false);
        error.set("");
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
