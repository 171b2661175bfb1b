package dev.augur.ui.datasets;

import dev.augur.core.store.DatasetInfo;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/** The main window's layout, bound to a {@link DatasetsViewModel}. */
public final class DatasetsView {
    private final BorderPane root = new BorderPane();

    public DatasetsView(DatasetsViewModel vm) {
        Label heading = new Label("Datasets");
        heading.getStyleClass().add("title-2");
        Label subtitle = new Label("What this workspace holds. Users, items, interactions and reviews, as imported.");
        subtitle.getStyleClass().add("text-muted");
        VBox header = new VBox(4, heading, subtitle);
        header.setPadding(new Insets(16, 20, 8, 20));

        TableView<DatasetInfo> table = new TableView<>(vm.datasets());
        table.setId("datasets-table");
        table.getColumns().add(text("Dataset", DatasetInfo::name));
        table.getColumns().add(text("Format", DatasetInfo::format));
        table.getColumns().add(number("Users", DatasetInfo::users));
        table.getColumns().add(number("Items", DatasetInfo::items));
        table.getColumns().add(number("Interactions", DatasetInfo::interactions));
        table.getColumns().add(number("Reviews", DatasetInfo::reviews));
        table.getColumns().add(text("Imported", d -> d.importedAt().replace('T', ' ').replaceFirst(":\\d\\d(\\.\\d+)?Z$", " UTC")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No datasets yet. Import one with: augur import <file-or-folder> --workspace <file>"));

        ProgressBar bar = new ProgressBar();
        bar.setId("startup-progress");
        bar.setPrefWidth(360);
        bar.progressProperty().bind(vm.progressProperty());
        Label busyLabel = new Label();
        busyLabel.textProperty().bind(vm.statusProperty());
        VBox busyPane = new VBox(12, bar, busyLabel);
        busyPane.setAlignment(Pos.CENTER);
        busyPane.visibleProperty().bind(vm.busyProperty());

        Label error = new Label();
        error.setId("error-label");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());

        table.visibleProperty().bind(vm.busyProperty().not());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> vm.select(is));
        table.setPrefHeight(120);
        table.setMinHeight(100);
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane();
        tabs.setId("dataset-tabs");
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().add(new javafx.scene.control.Tab("Statistics", new StatisticsView(vm.statistics()).root()));
        for (TablesViewModel t : vm.tables()) {
            String label = t.kind().name().charAt(0) + t.kind().name().substring(1).toLowerCase(java.util.Locale.ROOT);
            javafx.scene.control.Tab tab = new javafx.scene.control.Tab(label, new TablesView(t, row -> vm.openRow(t.kind(), row)).root());
            tab.setId("tab-" + t.kind().name().toLowerCase(java.util.Locale.ROOT));
            tabs.getTabs().add(tab);
        }
        if (vm.selection() != null) {
            javafx.scene.control.Tab selected = new javafx.scene.control.Tab("Selection",
                    new SelectionView(vm.selection(), vm::openSelected).root());
            selected.setId("tab-selection");
            selected.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> vm.selection().items().isEmpty() ? "Selection" : "Selection (" + vm.selection().items().size() + ")",
                    vm.selection().items()));
            tabs.getTabs().add(selected);
        }
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(tabs, new DetailView(vm.detail()).root());
        split.setDividerPositions(0.68);
        split.visibleProperty().bind(vm.busyProperty().not());
        VBox content = new VBox(8, table, split);
        VBox.setVgrow(split, javafx.scene.layout.Priority.ALWAYS);
        StackPane center = new StackPane(content, busyPane, error);
        center.setPadding(new Insets(0, 20, 12, 20));

        root.setTop(header);
        root.setCenter(center);
    }

    public Parent root() {
        return root;
    }

    private static TableColumn<DatasetInfo, String> text(String name, Function<DatasetInfo, String> f) {
        TableColumn<DatasetInfo, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        return c;
    }

    private static TableColumn<DatasetInfo, Number> number(String name, Function<DatasetInfo, Long> f) {
        TableColumn<DatasetInfo, Number> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Number n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : String.format(java.util.Locale.ROOT, "%,d", n.longValue()));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }
}
