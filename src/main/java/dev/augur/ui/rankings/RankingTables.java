package dev.augur.ui.rankings;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** The Metrics, Experiments and CTR tabs of the Rankings section. */
final class RankingTables {
    private RankingTables() {
    }

    static TabPane tabs(RankingsViewModel vm, BiFunction<String, String, Optional<Path>> chooseCsv) {
        Tab metrics = new Tab("Metrics", metrics(vm.metrics(), chooseCsv));
        metrics.setId("tab-metrics");
        Tab experiments = new Tab("Experiments", experiments(vm));
        experiments.setId("tab-experiments");
        Tab ctr = new Tab("CTR (LLM features)", CtrTab.content(vm.ctr()));
        ctr.setId("tab-ctr");
        // what the dataset can feed may have changed elsewhere (vectors encoded, attributes generated)
        ctr.setOnSelectionChanged(e -> {
            if (ctr.isSelected() && !vm.ctr().runningProperty().get()) {
                vm.ctr().refresh();
            }
        });
        TabPane tabs = new TabPane(metrics, experiments, ctr);
        tabs.setId("rankings-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinHeight(120);
        return tabs;
    }

    // ---- metrics -----------------------------------------------------------------------------------------------

    private static Node metrics(MetricsViewModel vm, BiFunction<String, String, Optional<Path>> chooseCsv) {
        ChoiceBox<Integer> k = new ChoiceBox<>(vm.ks());
        k.setId("metrics-k");
        k.setMinWidth(Region.USE_PREF_SIZE);
        k.valueProperty().bindBidirectional(vm.kProperty());
        Label protocol = new Label();
        protocol.setId("metrics-protocol");
        protocol.textProperty().bind(vm.lineProperty());
        protocol.setWrapText(true);
        protocol.setMinWidth(0);
        HBox.setHgrow(protocol, Priority.ALWAYS);
        Button export = new Button("Export CSV", new FontIcon(Feather.DOWNLOAD));
        export.setId("metrics-export");
        export.setMinWidth(Region.USE_PREF_SIZE);
        export.disableProperty().bind(Bindings.isEmpty(vm.rows()));
        export.setOnAction(e -> chooseCsv.apply("Export the metrics table", "metrics.csv")
                .ifPresent(vm::export));
        Label atK = new Label("Metrics at K =");
        atK.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, atK, k, protocol, export);
        bar.setAlignment(Pos.CENTER_LEFT);

        TableView<MetricRow> table = new TableView<>(vm.rows());
        table.setId("metrics-table");
        // model and slice names stay readable; the numbers give way
        TableColumn<MetricRow, String> model = text("Model", MetricRow::model, 66);
        model.setMinWidth(62);
        TableColumn<MetricRow, String> slice = text("Slice", MetricRow::slice, 96);
        slice.setMinWidth(92);
        table.getColumns().add(model);
        table.getColumns().add(slice);
        table.getColumns().add(number("Users", r -> r.users(), "%,.0f", 60));
        for (String m : MetricRow.METRICS) {
            String format = switch (m) {
                case "avg_pop" -> "%,.1f";
                case "fit_s", "eval_s" -> "%.2f";
                default -> "%.3f"; // the CSV export keeps every digit
            };
            // short headings, so twelve metrics fit beside each other; the K is the chooser's, above the table
            double width = switch (m) {
                case "precision" -> 84;
                case "coverage" -> 80;
                case "avg_pop" -> 78;
                case "ndcg", "recall" -> 62;
                default -> 58;
            };
            table.getColumns().add(number(m.replace('_', ' '), r -> r.value(m), format, width));
        }
        table.setPlaceholder(new Label("The metrics of a run appear here once it has been evaluated."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setStyle("-fx-font-size: 0.92em;");
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(MetricRow r, boolean empty) {
                super.updateItem(r, empty);
                setStyle(r != null && !empty && MetricRow.ALL.equals(r.slice())
                        ? "-fx-background-color: -color-bg-subtle, -color-bg-subtle;" : "");
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(6, bar, table);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    // ---- experiments -------------------------------------------------------------------------------------------

    private static Node experiments(RankingsViewModel vm) {
        ExperimentsViewModel ex = vm.experiments();
        ComboBox<RunModel> baseline = new ComboBox<>(ex.baselines());
        baseline.setId("experiments-baseline");
        baseline.valueProperty().bindBidirectional(ex.baselineProperty());
        baseline.setPrefWidth(200);
        Label status = new Label();
        status.setId("experiments-status");
        status.getStyleClass().add("text-muted");
        status.textProperty().bind(ex.statusProperty());
        status.setMinWidth(Region.USE_PREF_SIZE);
        Label compared = new Label();
        compared.textProperty().bind(Bindings.createStringBinding(() -> "compared at K = " + ex.kProperty().get()
                + " (the Metrics tab's K)", ex.kProperty()));
        compared.getStyleClass().add("text-muted");
        compared.setMinWidth(Region.USE_PREF_SIZE);
        Label base = new Label("Baseline");
        base.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, base, baseline, compared, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label baselineLine = new Label();
        baselineLine.setId("experiments-baseline-protocol");
        baselineLine.setWrapText(true);
        baselineLine.setMinHeight(Region.USE_PREF_SIZE);
        baselineLine.textProperty().bind(ex.baselineLineProperty());

        TableView<ExperimentRow> table = new TableView<>(ex.rows());
        table.setId("experiments-table");
        TableColumn<ExperimentRow, String> run = text("Run", r -> "#" + r.key().runId(), 48);
        run.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                ExperimentRow r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(r == null ? null : new Tooltip("stored " + r.createdAt()
                        + (r.label().isEmpty() ? "" : "\n" + r.label())));
            }
        });
        run.setMinWidth(44);
        table.getColumns().add(run);
        TableColumn<ExperimentRow, String> model = text("Model", r -> r.key().model(), 76);
        model.setMinWidth(84);
        table.getColumns().add(model);
        TableColumn<ExperimentRow, Number> ndcg = number("ndcg@K", ExperimentRow::ndcg, "%.4f", 80);
        TableColumn<ExperimentRow, Number> dNdcg = delta("Δ", ExperimentRow::ndcgDelta, "%+.4f");
        TableColumn<ExperimentRow, Number> pNdcg = delta("Δ%", ExperimentRow::ndcgPercent, "%+.1f%%");
        TableColumn<ExperimentRow, Number> recall = number("recall@K", ExperimentRow::recall, "%.4f", 88);
        TableColumn<ExperimentRow, Number> dRecall = delta("Δ", ExperimentRow::recallDelta, "%+.4f");
        TableColumn<ExperimentRow, Number> pRecall = delta("Δ%", ExperimentRow::recallPercent, "%+.1f%%");
        ndcg.textProperty().bind(Bindings.createStringBinding(() -> "ndcg@" + ex.kProperty().get(), ex.kProperty()));
        recall.textProperty().bind(Bindings.createStringBinding(() -> "recall@" + ex.kProperty().get(),
                ex.kProperty()));
        table.getColumns().add(ndcg);
        table.getColumns().add(dNdcg);
        table.getColumns().add(pNdcg);
        table.getColumns().add(recall);
        table.getColumns().add(dRecall);
        table.getColumns().add(pRecall);
        TableColumn<ExperimentRow, String> flag = text("Against baseline", ExperimentRow::flag, 160);
        flag.setMinWidth(120);
        flag.setCellFactory(c -> new WrappedCell<>(c, (row, v) -> v, (row, v) -> v.startsWith("⚠")
                ? "-fx-fill: -color-warning-fg;" : "-fx-fill: -color-fg-default;", (row, v) -> v.startsWith("⚠")
                ? v + "\nNumbers under different protocols are not comparable." : v.isEmpty() ? null : v));
        table.getColumns().add(flag);
        TableColumn<ExperimentRow, String> protocol = text("Protocol", ExperimentRow::protocol, 300);
        protocol.setMinWidth(200);
        // wrapped, never cut (the seed and K come last); shown once per run, whose rows stay together unsorted
        protocol.setCellFactory(c -> new WrappedCell<>(c, (row, v) -> firstOfRun(row) ? v : "〃",
                (row, v) -> firstOfRun(row) ? "-fx-fill: -color-fg-default;" : "-fx-fill: -color-fg-muted;",
                (row, v) -> v));
        table.getColumns().add(protocol);
        // the protocol takes what is left, so it is always on screen beside the numbers
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().forEach(c -> c.setSortable(false));
        table.setStyle("-fx-font-size: 0.92em;");
        table.setRowFactory(t -> {
            TableRow<ExperimentRow> row = new TableRow<>() {
                @Override
                protected void updateItem(ExperimentRow r, boolean empty) {
                    super.updateItem(r, empty);
                    setStyle(r != null && !empty && r.isBaseline() ? "-fx-font-weight: bold;" : "");
                }
            };
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && e.getClickCount() == 2) {
                    vm.metrics().showStored(row.getItem().key().runId());
                }
            });
            return row;
        });
        table.setPlaceholder(new Label("No stored runs of this dataset yet."));
        table.setTooltip(new Tooltip("Double-click a run to show its metrics in the Metrics tab."));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(6, bar, baselineLine, table);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    // ---- columns -----------------------------------------------------------------------------------------------

    /** Whether the row at {@code index} is the first of its run (rows of a run are adjacent). */
    private static boolean firstOfRun(TableCell<ExperimentRow, ?> cell) {
        int i = cell.getIndex();
        List<ExperimentRow> items = cell.getTableView().getItems();
        return i <= 0 || i >= items.size() || items.get(i - 1).key().runId() != items.get(i).key().runId();
    }

    /** A cell whose text wraps to the column's width, with its own text, fill and tooltip per value. */
    private static final class WrappedCell<R> extends TableCell<R, String> {
        private final Text text = new Text();
        private final BiFunction<TableCell<R, String>, String, String> shown;
        private final BiFunction<TableCell<R, String>, String, String> style;
        private final BiFunction<TableCell<R, String>, String, String> tip;

        WrappedCell(TableColumn<R, String> column, BiFunction<TableCell<R, String>, String, String> shown,
                    BiFunction<TableCell<R, String>, String, String> style,
                    BiFunction<TableCell<R, String>, String, String> tip) {
            this.shown = shown;
            this.style = style;
            this.tip = tip;
            text.wrappingWidthProperty().bind(column.widthProperty().subtract(14));
            setPrefHeight(Region.USE_COMPUTED_SIZE);
        }

        @Override
        protected void updateItem(String v, boolean empty) {
            super.updateItem(v, empty);
            setText(null);
            if (empty || v == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            text.setText(shown.apply(this, v));
            text.setStyle(style.apply(this, v));
            setGraphic(text);
            String t = tip.apply(this, v);
            setTooltip(t == null ? null : new Tooltip(t));
        }
    }

    static <R> TableColumn<R, String> text(String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A right-aligned number; NaN shows as blank. */
    static <R> TableColumn<R, Number> number(String title, ToDoubleFunction<R> value, String format,
                                                     double width) {
        TableColumn<R, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(d.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(width); // numbers are never cut; the text columns give way
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null || Double.isNaN(v.doubleValue()) ? null
                        : String.format(Locale.ROOT, format, v.doubleValue()));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        return c;
    }

    /** A difference to the baseline: green when better, red when worse. */
    private static <R> TableColumn<R, Number> delta(String title, ToDoubleFunction<R> value, String format) {
        return delta(title, value, format, true);
    }

    /** A difference to the baseline, green when better: higher when {@code higherIsBetter}, else lower. */
    static <R> TableColumn<R, Number> delta(String title, ToDoubleFunction<R> value, String format,
                                            boolean higherIsBetter) {
        TableColumn<R, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(d.getValue())));
        c.setPrefWidth(title.equals("Δ") ? 72 : 66);
        c.setMinWidth(c.getPrefWidth());
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                boolean blank = empty || v == null || Double.isNaN(v.doubleValue());
                setText(blank ? null : String.format(Locale.ROOT, format, v.doubleValue()));
                setAlignment(Pos.CENTER_RIGHT);
                setStyle(blank || v.doubleValue() == 0 ? "" : (v.doubleValue() > 0) == higherIsBetter
                        ? "-fx-text-fill: -color-success-fg;" : "-fx-text-fill: -color-danger-fg;");
            }
        });
        return c;
    }
}
