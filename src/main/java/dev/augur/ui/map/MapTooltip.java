package dev.augur.ui.map;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;

import java.util.Locale;

/** The hover tooltip of a {@link MapCanvas}: a dark label beside the cursor, flipped to stay inside the canvas. */
final class MapTooltip {
    private final Label label = new Label();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");

    MapTooltip() {
        label.setId("map-tooltip");
        label.setManaged(false);
        label.setVisible(false);
        label.setMouseTransparent(true);
        label.setStyle("-fx-background-color: rgba(32,32,32,0.92); -fx-text-fill: white; -fx-padding: 4 8 4 8;"
                + " -fx-background-radius: 4; -fx-font-size: 12px;");
        label.textProperty().bind(text);
    }

    /** "Title\nid 42 · item-42\nDrama · popularity 17 · warm". */
    static String describe(MapPoints p, int i) {
        String title = p.titles()[i] == null || p.titles()[i].isBlank() ? "(no title)" : p.titles()[i];
        String category = p.category()[i] == null || p.category()[i].isBlank() ? "(no category)" : p.category()[i];
        return String.format(Locale.ROOT, "%s%nid %d · %s%n%s · popularity %,d · %s", title, p.ids()[i],
                p.externalIds()[i], category, p.popularity()[i], p.cold()[i] ? "cold" : "warm");
    }

    /** Shows {@code s} beside the cursor at (x, y) of a {@code width} × {@code height} canvas. */
    void show(String s, double x, double y, double width, double height) {
        text.set(s);
        label.setVisible(true);
        moveTo(x, y, width, height);
    }

    void hide() {
        text.set("");
        label.setVisible(false);
    }

    /** Follows the cursor at (x, y), on its right and below unless that would leave the canvas. */
    void moveTo(double x, double y, double width, double height) {
        label.autosize();
        double w = label.getWidth();
        double h = label.getHeight();
        double left = x + 14 + w > width ? x - 14 - w : x + 14;
        double top = y + 14 + h > height ? y - 14 - h : y + 14;
        label.relocate(Math.max(0, left), Math.max(0, top));
    }

    /** Sizes the label to its text while it shows (it is not managed by the canvas's layout). */
    void autosizeIfShown() {
        if (label.isVisible()) {
            label.autosize();
        }
    }

    Label node() {
        return label;
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
