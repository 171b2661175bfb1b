package dev.augur.ui.datasets;

import dev.augur.core.store.TableColumnSpec;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.List;
import java.util.Locale;

/** A paged table with a filter box; clicking a header sorts in the database, not in memory. */
public final class TablesView {
    private final VBox root;

    public TablesView(TablesViewModel vm, java.util.function.Consumer<List<Object>> onOpen) {
        String kind = vm.kind().name().toLowerCase(Locale.ROOT);
        TextField filter = new TextField();
        filter.setId("filter-" + kind);
        filter.setPromptText("Filter: id, title or text contains…");
        PauseTransition debounce = new PauseTransition(Duration.millis(250));
        debounce.setOnFinished(e -> vm.filter(filter.getText()));
        filter.textProperty().addListener((o, was, is) -> debounce.playFromStart());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Label summary = new Label();
        summary.setId("summary-" + kind);
        summary.textProperty().bind(vm.summaryProperty());
        HBox bar = new HBox(12, filter, summary);

        TableView<List<Object>> table = new TableView<>();
        table.setId("table-" + kind);
        table.setTableMenuButtonVisible(true); // the column chooser
        List<TableColumnSpec> specs = vm.kind().columns();
        for (int i = 0; i < specs.size(); i++) {
            TableColumnSpec spec = specs.get(i);
            int index = i;
            TableColumn<List<Object>, Object> c = new TableColumn<>(spec.label());
            c.setId(spec.key());
            c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().get(index)));
            if (spec.numeric()) {
                c.setStyle("-fx-alignment: CENTER-RIGHT;");
            }
            c.setPrefWidth(width(spec));
            table.getColumns().add(c);
        }
        table.itemsProperty().bind(vm.rowsProperty().map(r -> (javafx.collections.ObservableList<List<Object>>) r));
        table.setSortPolicy(t -> {
            if (t.getSortOrder().isEmpty()) {
                vm.sort(null, true);
            } else {
                TableColumn<List<Object>, ?> c = t.getSortOrder().get(0);
                vm.sort(c.getId(), c.getSortType() == TableColumn.SortType.ASCENDING);
            }
            return true;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> onOpen.accept(is));
        table.setFixedCellSize(28); // uniform rows keep virtual scrolling cheap
        root = new VBox(8, bar, table);
        root.setPadding(new Insets(8, 0, 0, 0));
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    /** Room for what a column usually holds: text wide, times readable, counts and ids narrow. */
    private static double width(TableColumnSpec spec) {
        String k = spec.key().toLowerCase(Locale.ROOT);
        if (k.contains("title") || k.contains("text") || k.contains("summary") || k.contains("description")
                || k.contains("attributes") || k.contains("categories")) {
            return 260;
        }
        if (k.contains("time")) {
            return 180;
        }
        return spec.numeric() ? 100 : 110;
    }

    public Parent root() {
        return root;
    }
}
