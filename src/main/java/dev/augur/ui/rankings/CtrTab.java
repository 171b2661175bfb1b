package dev.augur.ui.rankings;

import dev.augur.ui.common.JobControls;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CTR tab of the Rankings section: the comparison's settings and feature groups, Run and Cancel, the stored
 * CTR runs, and the picked run in the papers' table (AUC, ΔAUC, RelaImpr, GAUC, LogLoss, ΔLogLoss %).
 */
final class CtrTab {
    private CtrTab() {
    }

    static Node content(CtrViewModel vm) {
        VBox box = new VBox(6, form(vm), results(vm));
        box.setId("ctr");
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    // ---- the form ----------------------------------------------------------------------------------------------

    private static Node form(CtrViewModel vm) {
        CtrFormViewModel form = vm.form();
        ChoiceBox<CtrFormViewModel.LabelRule> rule = new ChoiceBox<>(form.labelRules());
        rule.setId("ctr-labels");
        rule.valueProperty().bindBidirectional(form.labelRuleProperty());
        rule.setPrefWidth(150);
        TextField threshold = new TextField();
        threshold.setId("ctr-threshold");
        threshold.setPrefColumnCount(3);
        threshold.textProperty().bindBidirectional(form.thresholdProperty());
        threshold.disableProperty().bind(form.labelRuleProperty().isEqualTo(CtrFormViewModel.LabelRule.CLICKS));
        threshold.setTooltip(new Tooltip("An interaction rated at least this counts as a click (label 1)."));
        ChoiceBox<SplitChoice> split = new ChoiceBox<>(form.splits());
        split.setId("ctr-split");
        split.setPrefWidth(150);
        split.valueProperty().bindBidirectional(form.splitProperty());
        split.setTooltip(new Tooltip("The top bar's split: cold items show best what features beyond ids add."));
        TextField seed = new TextField();
        seed.setId("ctr-seed");
        seed.setPrefColumnCount(4);
        seed.textProperty().bindBidirectional(form.seedProperty());
        ChoiceBox<CtrFormViewModel.Backbone> backbone = new ChoiceBox<>(form.backbones());
        backbone.setId("ctr-backbone");
        backbone.valueProperty().bindBidirectional(form.backboneProperty());
        backbone.setPrefWidth(110);
        backbone.setTooltip(new Tooltip("The model fitted for every variant: a factorisation machine with 16"
                + " factors, or logistic regression."));

        HBox groups = new HBox(12);
        groups.setId("ctr-features");
        groups.setAlignment(Pos.CENTER_LEFT);
        for (CtrFeatureChoice c : form.features()) {
            groups.getChildren().add(featureBox(vm, c));
        }
        Button run = new Button("Run", new FontIcon(Feather.PLAY));
        run.setId("ctr-run");
        run.getStyleClass().add("accent");
        run.setMinWidth(Region.USE_PREF_SIZE);
        run.disableProperty().bind(vm.canRun().not());
        run.setOnAction(e -> vm.run());
        Button cancel = JobControls.cancel("ctr-cancel", vm.runningProperty(), vm::cancel);
        ProgressBar bar = JobControls.bar("ctr-progress", 120, vm.progressProperty(), vm.runningProperty());
        Label job = JobControls.line("ctr-job", vm.jobLineProperty(), vm.runningProperty());
        Label status = JobControls.success("ctr-status", vm.statusProperty(), vm.runningProperty());
        status.setMinWidth(Region.USE_PREF_SIZE);

        HBox settings = row(label("Labels"), rule, threshold, label("Split"), split, label("Seed"), seed,
                label("Backbone"), backbone);
        HBox actions = row(label("Add to ids+categories"), groups, run, cancel, bar, job, status);
        Label line = new Label(null, new FontIcon(Feather.INFO));
        line.setId("ctr-settings-line");
        line.getStyleClass().add("text-muted");
        line.textProperty().bind(form.settingsLineProperty());
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        line.setTooltip(new Tooltip("Every variant is fitted on the same samples, settings and seed; the split and"
                + " seed are shared with the top bar."));
        Label error = new Label();
        error.setId("ctr-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        return new VBox(4, settings, actions, line, error);
    }

    /**
     * A group's check box; when the dataset lacks the group's input it is disabled and a help mark says how to
     * create it (a disabled control shows no tooltip, so the tooltip sits on the box around it).
     */
    private static Node featureBox(CtrViewModel vm, CtrFeatureChoice c) {
        CheckBox box = new CheckBox(c.name());
        box.setId("ctr-feature-" + c.name());
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.selectedProperty().bindBidirectional(c.selected());
        box.disableProperty().bind(c.available().not().or(vm.runningProperty()));
        Label help = new Label(null, new FontIcon(Feather.HELP_CIRCLE));
        help.getStyleClass().add("text-muted");
        help.visibleProperty().bind(c.available().not());
        help.managedProperty().bind(help.visibleProperty());
        HBox wrap = new HBox(3, box, help);
        wrap.setAlignment(Pos.CENTER_LEFT);
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.textProperty().bind(Bindings.createStringBinding(() -> c.available().get() ? c.description()
                : c.howToCreate(), c.available()));
        Tooltip.install(wrap, tip);
        return wrap;
    }

    // ---- the runs and the table --------------------------------------------------------------------------------

    private static Node results(CtrViewModel vm) {
        ListView<CtrRun> runs = new ListView<>(vm.runs());
        runs.setId("ctr-runs");
        runs.setCellFactory(l -> new RunCell());
        runs.setPlaceholder(new Label("No CTR runs of this dataset yet."));
        runs.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null && is != vm.shownProperty().get()) {
                vm.shownProperty().set(is);
            }
        });
        vm.shownProperty().addListener((o, was, is) -> {
            if (is != runs.getSelectionModel().getSelectedItem()) {
                if (is == null) {
                    runs.getSelectionModel().clearSelection();
                } else {
                    runs.getSelectionModel().select(is);
                }
            }
        });
        Label runsLine = new Label();
        runsLine.setId("ctr-runs-line");
        runsLine.getStyleClass().add("text-muted");
        runsLine.textProperty().bind(vm.runsLineProperty());
        VBox.setVgrow(runs, Priority.ALWAYS);
        VBox left = new VBox(4, runsLine, runs);
        left.setMinWidth(160);

        Label line = new Label();
        line.setId("ctr-result-line");
        line.textProperty().bind(vm.resultLineProperty());
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        TableView<CtrRow> table = table(vm);
        VBox.setVgrow(table, Priority.ALWAYS);
        // the papers' question per slice: do LLM features help most where ids know little (cold and tail items)?
        ChoiceBox<String> slice = new ChoiceBox<>(vm.slices());
        slice.setId("ctr-slice");
        slice.valueProperty().bindBidirectional(vm.sliceProperty());
        slice.setTooltip(new Tooltip("Show the metrics and gains on one slice of the test samples: items by their"
                + " training popularity (cold, head = top 20 %, tail), users by their training history length"));
        HBox sliceRow = new HBox(6, new Label("Slice"), slice);
        sliceRow.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(4, line, sliceRow, table);

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.18);
        SplitPane.setResizableWithParent(left, false);
        VBox.setVgrow(split, Priority.ALWAYS);
        return split;
    }

    private static TableView<CtrRow> table(CtrViewModel vm) {
        TableView<CtrRow> table = new TableView<>(vm.rows());
        table.setId("ctr-table");
        List<TableColumn<CtrRow, ?>> columns = new ArrayList<>();
        TableColumn<CtrRow, String> variant = RankingTables.text("Variant", CtrRow::variant, 90);
        variant.setMinWidth(76);
        columns.add(variant);
        // the feature list can be long (+all); it gives way to the numbers and says itself in full on hover
        TableColumn<CtrRow, String> features = RankingTables.text("Features", CtrRow::features, 180);
        features.setMinWidth(100);
        features.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                setTooltip(empty || v == null ? null : new Tooltip(v));
            }
        });
        columns.add(features);
        columns.add(RankingTables.number("AUC", CtrRow::auc, "%.4f", 62));
        columns.add(sized(RankingTables.delta("ΔAUC", CtrRow::aucGain, "%+.4f", true), 72));
        columns.add(sized(RankingTables.delta("RelaImpr", CtrRow::relaImprPct, "%+.2f%%", true), 82));
        columns.add(RankingTables.number("GAUC", CtrRow::gauc, "%.4f", 62));
        columns.add(RankingTables.number("LogLoss", CtrRow::logLoss, "%.4f", 74));
        // a lower log loss is better: a negative change is the gain
        columns.add(sized(RankingTables.delta("ΔLogLoss %", CtrRow::logLossChangePct, "%+.2f%%", false), 102));
        columns.add(RankingTables.number("Epochs", r -> r.epochs(), "%.0f", 70));
        columns.add(RankingTables.number("Fit s", CtrRow::fitSeconds, "%.1f", 52));
        columns.forEach(c -> c.setSortable(false));
        table.getColumns().setAll(columns);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setStyle("-fx-font-size: 0.92em;");
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CtrRow r, boolean empty) {
                super.updateItem(r, empty);
                setStyle(r != null && !empty && r.isBase() ? "-fx-font-weight: bold;" : "");
            }
        });
        Label empty = new Label("Tick the feature groups to add and press Run, or pick a stored CTR run: each"
                + " variant's AUC, GAUC and LogLoss, and its gain over the base, appear here.");
        empty.setWrapText(true);
        empty.setMaxWidth(460);
        empty.getStyleClass().add("text-muted");
        table.setPlaceholder(empty);
        table.setTooltip(new Tooltip("RelaImpr = (AUC − 0.5) / (AUC of the base − 0.5) − 1, as the CTR papers"
                + " report it; ΔLogLoss % below zero is better."));
        return table;
    }

    /** A stored run: its backbone, its best gain over the base, and when it was stored under which split. */
    private static final class RunCell extends ListCell<CtrRun> {
        {
            setPrefWidth(0); // fit the list's width: no sideways scrolling
        }

        @Override
        protected void updateItem(CtrRun r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(null);
            Label head = new Label("Run #" + r.runId() + " · " + r.model() + (r.label().isBlank() ? ""
                    : " · " + r.label()));
            head.setStyle("-fx-font-weight: bold;");
            Label gain = new Label(r.best().map(b -> String.format(Locale.ROOT, "RelaImpr %+.1f%% (%s)",
                    b.relaImprPct(), b.variant())).orElse("base only"));
            gain.setStyle(r.best().map(b -> b.relaImprPct() > 0 ? "-fx-text-fill: -color-success-fg;"
                    : b.relaImprPct() < 0 ? "-fx-text-fill: -color-danger-fg;" : "").orElse(""));
            String split = r.protocol().contains(";") ? r.protocol().substring(0, r.protocol().indexOf(';'))
                    : r.protocol();
            Label sub = new Label(stored(r.createdAt()) + " · " + split);
            sub.getStyleClass().add("text-muted");
            sub.setStyle("-fx-font-size: 0.85em;");
            for (Label l : List.of(head, gain, sub)) {
                l.setMinWidth(0);
            }
            setGraphic(new VBox(1, head, gain, sub));
            StringBuilder tip = new StringBuilder(r.line());
            for (Map.Entry<String, String> s : r.sources().entrySet()) {
                tip.append('\n').append(s.getKey()).append(": ").append(s.getValue());
            }
            Tooltip t = new Tooltip(tip.toString());
            t.setWrapText(true);
            t.setMaxWidth(560);
            setTooltip(t);
        }

        /** {@code 2026-11-26T05:58:45.578Z} as {@code 2026-11-26 05:58}. */
        private static String stored(String at) {
            return at.length() >= 16 && at.charAt(10) == 'T' ? at.substring(0, 10) + " " + at.substring(11, 16) : at;
        }
    }

    private static <R> TableColumn<R, Number> sized(TableColumn<R, Number> c, double width) {
        c.setPrefWidth(width);
        c.setMinWidth(width);
        return c;
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
