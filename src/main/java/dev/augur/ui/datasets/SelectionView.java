package dev.augur.ui.datasets;

import dev.augur.core.store.ItemRecord;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/** The "Selection" tab: items picked on the map; double-click or Enter opens one in the detail pane. */
public final class SelectionView {
    private final VBox root;

    public SelectionView(SelectionViewModel vm, Consumer<ItemRecord> open) {
        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        summary.setWrapText(true);
        Button clear = new Button("Clear selection");
        clear.setOnAction(e -> vm.clear());
        clear.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.items()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, summary, spacer, clear);

        TableView<ItemRecord> table = new TableView<>(vm.items());
        table.setId("selection-table");
        TableColumn<ItemRecord, String> id = new TableColumn<>("Item");
        id.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().externalId()));
        TableColumn<ItemRecord, String> title = new TableColumn<>("Title");
        title.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().title()));
        title.setPrefWidth(320);
        TableColumn<ItemRecord, Number> interactions = new TableColumn<>("Interactions");
        interactions.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().interactions()));
        table.getColumns().add(id);
        table.getColumns().add(title);
        table.getColumns().add(interactions);
        table.setPlaceholder(new Label("No items selected on the map."));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
                open.accept(table.getSelectionModel().getSelectedItem());
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.accept(table.getSelectionModel().getSelectedItem());
            }
        });
        root = new VBox(8, bar, table);
        root.setPadding(new Insets(8, 0, 0, 0));
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    public Node root() {
        return root;
    }
}
