package dev.augur.ui.rankings;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

import java.util.Locale;

/**
 * One entry of a model's top-K: rank, title, score, and why on a second line. A held-out item gets a green bar
 * and "✓ held out"; an item other columns also list gets a blue dot; the item linked across columns (hovered or
 * selected anywhere) is outlined in every column.
 */
final class CardCell extends ListCell<ItemCard> {
    static final PseudoClass HELD_OUT = PseudoClass.getPseudoClass("held-out");
    static final PseudoClass LINKED = PseudoClass.getPseudoClass("linked");
    static final PseudoClass SHARED = PseudoClass.getPseudoClass("shared");

    private final UserPanelViewModel vm;
    private final Label rank = new Label();
    private final Label title = new Label();
    private final Label badge = new Label("✓ held out");
    private final Circle shared = new Circle(3.5);
    private final Label score = new Label();
    private final Label reasons = new Label();
    private final VBox box;
    private final Tooltip tooltip = new Tooltip();
    // held by the cell; the view model only holds it weakly, so replaced columns leave no listeners behind
    private final ChangeListener<Number> onLinked = (o, was, is) -> restyle();

    CardCell(UserPanelViewModel vm) {
        this.vm = vm;
        setPrefWidth(0); // fit the list's width: long titles and reasons are cut, not scrolled sideways
        rank.setMinWidth(Region.USE_PREF_SIZE);
        rank.setStyle("-fx-font-weight: bold; -fx-text-fill: -color-fg-muted;");
        title.setMinWidth(0);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        badge.setStyle("-fx-text-fill: -color-success-fg; -fx-font-size: 0.85em; -fx-font-weight: bold;");
        shared.setStyle("-fx-fill: -color-accent-emphasis;");
        score.setMinWidth(Region.USE_PREF_SIZE);
        score.getStyleClass().add("text-muted");
        score.setStyle("-fx-font-family: monospace;");
        reasons.setMinWidth(0);
        reasons.getStyleClass().add("text-muted");
        reasons.setStyle("-fx-font-size: 0.85em;");
        HBox line = new HBox(6, rank, shared, title, score);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox why = new HBox(6, badge, reasons);
        why.setAlignment(Pos.CENTER_LEFT);
        box = new VBox(1, line, why);
        box.setMinWidth(0);
        vm.linkedItemProperty().addListener(new WeakChangeListener<>(onLinked));
        setOnMouseEntered(e -> {
            if (getItem() != null) {
                vm.hover(getItem().item());
            }
        });
        setOnMouseExited(e -> vm.hover(-1));
        setOnMouseClicked(e -> {
            if (getItem() == null) {
                return;
            }
            if (e.getClickCount() == 2) {
                vm.open(getItem().item());
            } else {
                vm.select(getItem().item()); // also when this list already had it selected
            }
        });
    }

    @Override
    protected void updateItem(ItemCard card, boolean empty) {
        super.updateItem(card, empty);
        setText(null);
        if (empty || card == null) {
            setGraphic(null);
            setTooltip(null);
            restyle();
            return;
        }
        rank.setText(Integer.toString(card.recommendation().rank()));
        title.setText(card.title());
        score.setText(score(card.recommendation().score()));
        reasons.setText(card.reasons().isEmpty() ? " " : String.join(" · ", card.reasons()));
        badge.setVisible(card.heldOut());
        badge.setManaged(card.heldOut());
        boolean inOthers = !card.sharedWith().isEmpty();
        shared.setVisible(inOthers);
        shared.setManaged(inOthers);
        StringBuilder tip = new StringBuilder(card.title()).append("\nid ").append(card.recommendation().externalId())
                .append(" · score ").append(score(card.recommendation().score()));
        if (card.heldOut()) {
            tip.append("\nheld out: one of this user's test items");
        }
        card.reasons().forEach(r -> tip.append('\n').append(r));
        if (inOthers) {
            tip.append("\nalso in ").append(String.join(", ", card.sharedWith()));
        }
        tooltip.setText(tip.toString());
        setTooltip(tooltip);
        setGraphic(box);
        restyle();
    }

    private void restyle() {
        ItemCard card = isEmpty() ? null : getItem();
        boolean held = card != null && card.heldOut();
        boolean linked = card != null && card.item() == vm.linkedItemProperty().get();
        pseudoClassStateChanged(HELD_OUT, held);
        pseudoClassStateChanged(LINKED, linked);
        pseudoClassStateChanged(SHARED, card != null && !card.sharedWith().isEmpty());
        String background = linked ? "-color-accent-subtle" : held ? "-color-success-subtle" : "transparent";
        String left = held ? "-color-success-emphasis" : linked ? "-color-accent-emphasis" : "transparent";
        String other = linked ? "-color-accent-emphasis" : "transparent";
        setStyle("-fx-cell-size: 3.4em; -fx-padding: 2 6 2 6; -fx-background-color: " + background + ";"
                + " -fx-border-color: " + other + " " + other + " " + other + " " + left + ";"
                + " -fx-border-width: 1 1 1 4;");
    }

    static String score(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", v);
    }
}
