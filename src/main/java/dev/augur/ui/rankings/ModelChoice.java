package dev.augur.ui.rankings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** One model of {@code Recommenders.names()} in the top bar, and whether the next run evaluates it. */
public record ModelChoice(String name, BooleanProperty selected) {
    public ModelChoice(String name, boolean selected) {
        this(name, new SimpleBooleanProperty(selected));
    }
}
