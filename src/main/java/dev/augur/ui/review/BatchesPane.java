package dev.augur.ui.review;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/**
 * The Batches tab: create a batch from the queue's filter for several annotators, the batches with their agreement,
 * the agreement per label, and the conflicts, adjudicated with A (accept) and R (reject).
 */
final class BatchesPane {
    private final BatchesViewModel vm;
    private final VBox root = new VBox(8);

    BatchesPane(BatchesViewModel vm) {
        this.vm = vm;
        root.setId("review-batches");
        root.setPadding(new Insets(8, 20, 8, 20));
        Label error = new Label();
        error.setId("batches-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        Label message = new Label();
        message.setId("batches-message");
        message.getStyleClass().add("text-muted");
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        Label summary = new Label();
        summary.setId("batches-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        SplitPane lower = new SplitPane(labels(), conflicts());
        lower.setDividerPositions(0.26);
        VBox.setVgrow(lower, Priority.ALWAYS);
        VBox detail = new VBox(6, summary, lower);
        SplitPane body = new SplitPane(batches(), detail);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.3);
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().addAll(create(), error, message, body);
    }

    Node root() {
        return root;
    }

    private VBox create() {
        TextField name = new TextField();
        name.setId("batches-name");
        name.setPromptText("batch name");
        name.setPrefColumnCount(9);
        name.textProperty().bindBidirectional(vm.newNameProperty());
        TextField people = new TextField();
        people.setId("batches-annotators");
        people.setPromptText("ana, bo, cy");
        people.setPrefColumnCount(13);
        people.textProperty().bindBidirectional(vm.newAnnotatorsProperty());
        Spinner<Integer> perItem = new Spinner<>(1, 20, vm.perItemProperty().get());
        perItem.setId("batches-per-item");
        perItem.setPrefWidth(88);
        perItem.setMinWidth(Region.USE_PREF_SIZE);
        perItem.valueProperty().addListener((o, was, is) -> vm.perItemProperty().set(is));
        Button create = new Button("Create from the queue's filter", new FontIcon(Feather.USERS));
        create.setId("batches-create");
        create.setMinWidth(Region.USE_PREF_SIZE);
        create.setOnAction(e -> vm.create());
        Label plan = new Label();
        plan.setId("batches-plan");
        plan.getStyleClass().add("text-muted");
        plan.textProperty().bind(vm.planLine());
        HBox row = new HBox(8, label("New batch"), name, label("Annotators"), people, label("each row to"), perItem,
                label("of them"), create);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, row, plan);
    }

    private TableView<BatchesViewModel.BatchRow> batches() {
        TableView<BatchesViewModel.BatchRow> t = new TableView<>(vm.batches());
        t.setId("batches-table");
        t.getColumns().add(column("Batch", BatchesViewModel.BatchRow::batch, 140));
        t.getColumns().add(column("Annotators", b -> String.join(", ", b.annotators()), 180));
        t.getColumns().add(column("Rows", b -> String.valueOf(b.interactions()), 60));
        t.getColumns().add(column("Compared", b -> String.valueOf(b.report().interactions()), 80));
        t.getColumns().add(column("Agreement", BatchesViewModel.BatchRow::agreementText, 90));
        t.getColumns().add(column("Kappa", BatchesViewModel.BatchRow::kappaText, 120));
        t.getColumns().add(column("Conflicts", b -> String.valueOf(b.report().conflicts().size()), 80));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("No batches yet. Filter the queue, name the annotators and create one above."));
        t.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null && is != vm.selectedProperty().get()) {
                vm.selectedProperty().set(is);
            }
        });
        vm.selectedProperty().addListener((o, was, is) -> {
            if (is != null && t.getSelectionModel().getSelectedItem() != is) {
                t.getSelectionModel().select(is);
            }
        });
        return t;
    }

    private VBox labels() {
        TableView<BatchesViewModel.LabelRow> t = new TableView<>(vm.labels());
        t.setId("batches-labels");
        t.getColumns().add(lcolumn("Label", BatchesViewModel.LabelRow::label));
        t.getColumns().add(lcolumn("Agreement", BatchesViewModel.LabelRow::agreementText));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("No labels to compare yet."));
        VBox.setVgrow(t, Priority.ALWAYS);
        return new VBox(4, bold("Per label"), t);
    }

    private VBox conflicts() {
        TableView<BatchesViewModel.ConflictRow> t = new TableView<>(vm.conflicts());
        t.setId("batches-conflicts");
        t.getColumns().add(ccolumn("User", BatchesViewModel.ConflictRow::user, 70));
        t.getColumns().add(ccolumn("Item", BatchesViewModel.ConflictRow::item, 130));
        t.getColumns().add(ccolumn("Labels", BatchesViewModel.ConflictRow::labels, 260));
        TableColumn<BatchesViewModel.ConflictRow, String> status = ccolumn("Status", BatchesViewModel.ConflictRow::status, 86);
        status.setMinWidth(86);
        TableColumn<BatchesViewModel.ConflictRow, String> adjudicated = ccolumn("Adjudicated",
                BatchesViewModel.ConflictRow::adjudication, 136);
        adjudicated.setMinWidth(136);
        t.getColumns().add(status);
        t.getColumns().add(adjudicated);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("No conflicts: the annotators agree on every row they share."));
        t.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null && is != vm.selectedConflictProperty().get()) {
                vm.selectedConflictProperty().set(is);
            }
        });
        vm.selectedConflictProperty().addListener((o, was, is) -> {
            if (is != null && t.getSelectionModel().getSelectedItem() != is) {
                t.getSelectionModel().select(is);
            }
        });
        t.setOnKeyPressed(e -> {
            if (e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            if (e.getCode() == KeyCode.A) {
                vm.adjudicate("accepted");
                e.consume();
            } else if (e.getCode() == KeyCode.R) {
                vm.adjudicate("rejected");
                e.consume();
            }
        });
        Label hint = new Label("Select a conflict: A accepts, R rejects (logged as an adjudication).");
        hint.getStyleClass().add("text-muted");
        VBox.setVgrow(t, Priority.ALWAYS);
        return new VBox(4, new HBox(12, bold("Conflicts"), hint), t);
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static TableColumn<BatchesViewModel.BatchRow, String> column(String title,
            Function<BatchesViewModel.BatchRow, String> value, double width) {
        TableColumn<BatchesViewModel.BatchRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<BatchesViewModel.LabelRow, String> lcolumn(String title,
            Function<BatchesViewModel.LabelRow, String> value) {
        TableColumn<BatchesViewModel.LabelRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    private static TableColumn<BatchesViewModel.ConflictRow, String> ccolumn(String title,
            Function<BatchesViewModel.ConflictRow, String> value, double width) {
        TableColumn<BatchesViewModel.ConflictRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
