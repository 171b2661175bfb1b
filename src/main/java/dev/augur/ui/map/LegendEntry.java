package dev.augur.ui.map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.paint.Color;

/** One row of the map's legend: a value, its colour, how many points have it, and whether they are shown. */
public final class LegendEntry {
    private final String label;
    private final Color colour;
    private final int count;
    private final BooleanProperty shown = new SimpleBooleanProperty(true);

    public LegendEntry(String label, Color colour, int count, boolean shown) {
        this.label = label;
        this.colour = colour;
        this.count = count;
        this.shown.set(shown);
    }

    public String label() {
        return label;
    }

    public Color colour() {
        return colour;
    }

    public int count() {
        return count;
    }

    /** Unticked: the value's points are neither drawn nor selectable, in both maps. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    public boolean isShown() {
        return shown.get();
    }

    @Override
    public String toString() {
        return label + " (" + count + ")";
    }
}
