package dev.augur.ui.datasets;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The statistics panel: headline numbers, the long-tail curve and the interactions-per-user histogram. */
public final class StatisticsView {
    private final VBox root;

    public StatisticsView(StatisticsViewModel vm) {
        Label title = new Label();
        title.getStyleClass().add("title-4");
        title.textProperty().bind(vm.datasetProperty().map(d -> d.isEmpty() ? "Statistics" : "Statistics — " + d));
        Label headline = new Label();
        headline.setId("statistics-headline");
        headline.setWrapText(true);
        headline.textProperty().bind(vm.headlineProperty());

        NumberAxis rank = new NumberAxis();
        rank.setLabel("item rank by popularity");
        NumberAxis log = new NumberAxis();
        log.setLabel("log10 interactions");
        LineChart<Number, Number> tail = new LineChart<>(rank, log);
        tail.setId("long-tail-chart");
        tail.setTitle("Long tail: item popularity");
        tail.setCreateSymbols(false);
        tail.setLegendVisible(false);
        tail.setAnimated(false);
        XYChart.Series<Number, Number> curve = new XYChart.Series<>();
        tail.getData().add(curve);
        vm.curve().addListener((ListChangeListener<StatisticsViewModel.CurvePoint>) c -> curve.getData().setAll(
                vm.curve().stream().map(p -> new XYChart.Data<Number, Number>(p.rank(), p.log10Interactions())).toList()));

        CategoryAxis bins = new CategoryAxis();
        bins.setLabel("interactions per user");
        NumberAxis users = new NumberAxis();
        users.setLabel("users");
        BarChart<String, Number> hist = new BarChart<>(bins, users);
        hist.setId("user-histogram");
        hist.setTitle("Interactions per user");
        hist.setLegendVisible(false);
        hist.setAnimated(false);
        XYChart.Series<String, Number> bars = new XYChart.Series<>();
        hist.getData().add(bars);
        vm.histogram().addListener((ListChangeListener<StatisticsViewModel.Bin>) c -> bars.getData().setAll(
                vm.histogram().stream().map(b -> new XYChart.Data<String, Number>(b.label(), b.users())).toList()));

        HBox charts = new HBox(12, tail, hist);
        HBox.setHgrow(tail, Priority.ALWAYS);
        HBox.setHgrow(hist, Priority.ALWAYS);
        tail.setPrefHeight(260);
        hist.setPrefHeight(260);
        root = new VBox(6, title, headline, charts);
        root.setPadding(new Insets(8, 0, 0, 0));
    }

    public Parent root() {
        return root;
    }
}
