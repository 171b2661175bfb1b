package dev.augur.ui.review;

import dev.augur.core.review.SyntheticEffect;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;
import java.util.function.Function;

/** The Effect tab: the models, the split, one button, the protocol line and the table of changes. */
final class EffectPane {
    private final VBox root = new VBox(8);

    EffectPane(EffectViewModel vm) {
        root.setId("review-effect");
        root.setPadding(new Insets(8, 20, 8, 20));
        Label intro = new Label("Evaluates the chosen models twice under one protocol: without and with the accepted"
                + " synthetic interactions in training (never in the test). The cold-items slice is the items with no"
                + " observed training interaction, where synthetic interactions should help most.");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        intro.getStyleClass().add("text-muted");
        HBox models = new HBox(8, label("Models"));
        vm.models().forEach((name, on) -> {
            CheckBox c = new CheckBox(name);
            c.setId("effect-model-" + name);
            c.setMinWidth(Region.USE_PREF_SIZE);
            c.selectedProperty().bindBidirectional(on);
            models.getChildren().add(c);
        });
        ChoiceBox<String> split = new ChoiceBox<>(vm.splits());
        split.setId("effect-split");
        split.valueProperty().bindBidirectional(vm.splitProperty());
        Button run = new Button("Effect on cold start", new FontIcon(Feather.PLAY));
        run.setId("effect-run");
        run.setMinWidth(Region.USE_PREF_SIZE);
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.run());
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(160);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        HBox bar = new HBox(12, models, label("Split"), split, run, progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        models.setAlignment(Pos.CENTER_LEFT);
        Label protocol = new Label();
        protocol.setId("effect-protocol");
        protocol.setWrapText(true);
        protocol.managedProperty().bind(protocol.textProperty().isNotEmpty());
        protocol.setMinHeight(Region.USE_PREF_SIZE);
        protocol.textProperty().bind(vm.protocolLineProperty());
        Label status = new Label();
        status.setId("effect-status");
        status.getStyleClass().add("text-muted");
        status.setWrapText(true);
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.setId("effect-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.textProperty().bind(vm.errorProperty());
        TableView<SyntheticEffect.Row> table = new TableView<>(vm.rows());
        table.setId("effect-table");
        table.getColumns().add(column("Model", SyntheticEffect.Row::model));
        table.getColumns().add(column("Slice", SyntheticEffect.Row::slice));
        table.getColumns().add(column("Metric", SyntheticEffect.Row::metric));
        table.getColumns().add(column("Without", r -> number(r.without(), r.metric())));
        table.getColumns().add(column("With", r -> number(r.with(), r.metric())));
        table.getColumns().add(delta("Δ", r -> Double.isNaN(r.delta()) ? "–"
                : String.format(Locale.ROOT, "%+.4f", r.delta()), SyntheticEffect.Row::delta));
        table.getColumns().add(delta("Δ %", r -> Double.isNaN(r.deltaPct()) ? "–"
                : String.format(Locale.ROOT, "%+.1f %%", r.deltaPct()), SyntheticEffect.Row::delta));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Accept some proposals, then press “Effect on cold start”."));
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(intro, bar, protocol, status, error, table);
    }

    Node root() {
        return root;
    }

    private static String number(double v, String metric) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return metric.equals("users") ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%.4f", v);
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static TableColumn<SyntheticEffect.Row, String> column(String title,
                                                                  Function<SyntheticEffect.Row, String> value) {
        TableColumn<SyntheticEffect.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    /** A change column: green when the synthetic interactions helped, red when they hurt (beyond the shown digits). */
    private static TableColumn<SyntheticEffect.Row, String> delta(String title, Function<SyntheticEffect.Row, String> text,
                                                                 java.util.function.ToDoubleFunction<SyntheticEffect.Row> sign) {
        TableColumn<SyntheticEffect.Row, String> c = column(title, text);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                SyntheticEffect.Row r = empty || getTableRow() == null ? null : getTableRow().getItem();
                double d = r == null ? Double.NaN : sign.applyAsDouble(r);
                setStyle(Double.isNaN(d) || Math.abs(d) < 5e-5 ? "" : d > 0 ? "-fx-text-fill: -color-success-fg;"
                        : "-fx-text-fill: -color-danger-fg;");
            }
        });
        return c;
    }
}
