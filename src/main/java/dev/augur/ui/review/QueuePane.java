package dev.augur.ui.review;

import dev.augur.core.store.ReviewDecision;
import dev.augur.core.store.SyntheticRow;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/**
 * The queue tab: filters and counts, the paged table, the current row's detail with the inline editor, and the
 * key hints. Keys act on the current row unless a text field has the focus.
 */
final class QueuePane {
    private final ReviewViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<SyntheticRow> table;
    private final TextField editor = new TextField();

    QueuePane(ReviewViewModel vm) {
        this.vm = vm;
        root.setId("review-queue");
        table = table();
        root.setTop(filters());
        SplitPane body = new SplitPane(list(), detail());
        body.setDividerPositions(0.58);
        root.setCenter(body);
        root.setBottom(hints());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        vm.bulkRequestProperty().addListener((o, was, is) -> {
            if (is != null) {
                Platform.runLater(() -> confirm(is));
            }
        });
    }

    Node root() {
        return root;
    }

    /** Gives the table the keys; a tab's content joins the scene only with the first layout, hence the wait. */
    void focus() {
        if (vm.editingProperty().get()) {
            return;
        }
        if (table.getScene() != null) {
            table.requestFocus();
            return;
        }
        table.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o,
                                javafx.scene.Scene was, javafx.scene.Scene is) {
                if (is != null) {
                    table.sceneProperty().removeListener(this);
                    Platform.runLater(table::requestFocus);
                }
            }
        });
    }

    /** A, R, E, S, U, ←, →: the review keys, unless the focus is in a text field (which gets them as text). */
    private void key(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown() || e.isControlDown() || e.isMetaDown()
                || e.getTarget() instanceof TextInputControl) {
            return;
        }
        boolean used = switch (e.getCode()) {
            case A -> vm.accept();
            case R -> vm.reject();
            case S -> vm.skip();
            case U -> vm.undo();
            case E -> vm.startEdit();
            case RIGHT -> {
                vm.next();
                yield true;
            }
            case LEFT -> {
                vm.previous();
                yield true;
            }
            default -> false;
        };
        if (used || e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT) {
            e.consume();
        }
    }

    private VBox filters() {
        HBox first = new HBox(8,
                label("Dataset"), choice("review-dataset", vm.datasets(), vm.datasetProperty()),
                label("Status"), choice("review-status", vm.statuses(), vm.statusProperty()),
                label("Model"), choice("review-model", vm.models(), vm.modelProperty()),
                label("Batch"), choice("review-batch", vm.batchNames(), vm.batchProperty()),
                label("Sort"), choice("review-sort", vm.sorts(), vm.sortProperty()));
        first.setAlignment(Pos.CENTER_LEFT);
        Label counts = new Label();
        counts.setId("review-counts");
        counts.setMinWidth(Region.USE_PREF_SIZE);
        counts.textProperty().bind(vm.countsLine());
        Button acceptAll = button("review-bulk-accept", "Accept all…", Feather.CHECK_CIRCLE,
                () -> vm.requestBulk(ReviewDecision.ACCEPT));
        Button rejectAll = button("review-bulk-reject", "Reject all…", Feather.X_CIRCLE,
                () -> vm.requestBulk(ReviewDecision.REJECT));
        HBox second = new HBox(8,
                label("Confidence"), field("review-min-confidence", "min", 64, vm.minConfidenceProperty()),
                label("–"), field("review-max-confidence", "max", 64, vm.maxConfidenceProperty()),
                label("Item"), field("review-item", "item id", 90, vm.itemProperty()),
                label("User"), field("review-user", "user id", 90, vm.userProperty()),
                counts, spacer(), acceptAll, rejectAll);
        second.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("review-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        VBox box = new VBox(6, first, second, error);
        box.setPadding(new Insets(4, 20, 8, 20));
        return box;
    }

    private void confirm(ReviewViewModel.BulkRequest req) {
        if (vm.bulkRequestProperty().get() != req) {
            return;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, req.question(), ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText(req.action().equals(ReviewDecision.ACCEPT) ? "Accept in bulk" : "Reject in bulk");
        a.getDialogPane().setId("review-bulk-confirm");
        if (root.getScene() != null) {
            a.initOwner(root.getScene().getWindow());
        }
        a.setOnHidden(e -> {
            if (a.getResult() == ButtonType.OK) {
                vm.confirmBulk();
            } else {
                vm.cancelBulk();
            }
            focus();
        });
        a.show();
    }

    private VBox list() {
        Button prev = new Button(null, new FontIcon(Feather.CHEVRON_LEFT));
        prev.setId("review-previous-page");
        prev.setFocusTraversable(false);
        prev.setOnAction(e -> vm.previousPage());
        Button next = new Button(null, new FontIcon(Feather.CHEVRON_RIGHT));
        next.setId("review-next-page");
        next.setFocusTraversable(false);
        next.setOnAction(e -> vm.nextPage());
        Label page = new Label();
        page.setId("review-page");
        page.textProperty().bind(vm.pageLineProperty());
        HBox pager = new HBox(8, prev, page, next);
        pager.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(4, table, pager);
        box.setPadding(new Insets(0, 4, 4, 12));
        return box;
    }

    private TableView<SyntheticRow> table() {
        TableView<SyntheticRow> t = new TableView<>(vm.rows());
        t.setId("review-table");
        t.getColumns().add(column("User", SyntheticRow::userExternalId, 66));
        t.getColumns().add(column("Item", r -> r.itemTitle().isBlank() ? r.itemExternalId() : r.itemTitle(), 220));
        t.getColumns().add(column("Value", r -> RowText.value(r.value()), 64));
        TableColumn<SyntheticRow, String> status = column("Status", SyntheticRow::status, 86);
        status.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setStyle(empty || s == null ? "" : switch (s) {
                    case "accepted" -> "-fx-text-fill: -color-success-fg;";
                    case "rejected" -> "-fx-text-fill: -color-danger-fg;";
                    default -> "";
                });
            }
        });
        t.getColumns().add(status);
        t.getColumns().add(column("Conf.", r -> RowText.score(r.confidence()), 62));
        t.getColumns().add(column("Model", SyntheticRow::model, 110));
        for (TableColumn<SyntheticRow, ?> c : t.getColumns()) {
            c.setMinWidth(Math.min(c.getPrefWidth(), 80)); // the short columns keep their text; Item gives way
        }
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("No synthetic interactions match these filters."));
        t.getSelectionModel().selectedIndexProperty().addListener((o, was, is) -> {
            int i = is.intValue();
            if (i >= 0 && i != vm.currentIndexProperty().get()) {
                vm.select(i);
            }
        });
        // the model's cursor drives the table (after a decision, a page load, an undo)
        Runnable follow = () -> {
            int i = vm.currentIndexProperty().get();
            if (i >= 0 && i < t.getItems().size()) {
                if (t.getSelectionModel().getSelectedIndex() != i) {
                    t.getSelectionModel().clearAndSelect(i);
                }
                t.scrollTo(Math.max(0, i - 3));
            } else {
                t.getSelectionModel().clearSelection();
            }
        };
        vm.currentIndexProperty().addListener((o, was, is) -> follow.run());
        vm.currentProperty().addListener((o, was, is) -> follow.run());
        // a replaced or reloaded row can drop the table's selection; put it back once the table has caught up
        vm.rows().addListener((javafx.collections.ListChangeListener<SyntheticRow>) c -> Platform.runLater(follow));
        return t;
    }

    private static TableColumn<SyntheticRow, String> column(String title, Function<SyntheticRow, String> value,
                                                            double width) {
        TableColumn<SyntheticRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false); // the queue's own sort applies across pages
        return c;
    }

    private ScrollPane detail() {
        Label title = new Label();
        title.setId("review-title");
        title.getStyleClass().add("title-4");
        title.setWrapText(true);
        title.textProperty().bind(vm.detail().titleProperty());
        Label facts = new Label();
        facts.setId("review-facts");
        facts.getStyleClass().add("text-muted");
        facts.setWrapText(true);
        facts.textProperty().bind(vm.detail().factsProperty());
        Label rationale = new Label();
        rationale.setId("review-rationale");
        rationale.setWrapText(true);
        rationale.setStyle("-fx-font-style: italic;");
        rationale.textProperty().bind(vm.detail().rationaleProperty());

        editor.setId("review-editor");
        editor.setPrefColumnCount(6);
        editor.textProperty().bindBidirectional(vm.editTextProperty());
        editor.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.commitEdit();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                vm.cancelEdit();
                e.consume();
            }
        });
        Label editHint = new Label("Enter saves (and accepts) · Esc cancels");
        editHint.getStyleClass().add("text-muted");
        Label editError = new Label();
        editError.setId("review-edit-error");
        editError.getStyleClass().add("danger");
        editError.textProperty().bind(vm.editErrorProperty());
        HBox edit = new HBox(8, label("New label or rating"), editor, editHint, editError);
        edit.setAlignment(Pos.CENTER_LEFT);
        edit.visibleProperty().bind(vm.editingProperty());
        edit.managedProperty().bind(edit.visibleProperty());
        vm.editingProperty().addListener((o, was, is) -> Platform.runLater(() -> {
            if (is) {
                editor.requestFocus();
                editor.selectAll();
            } else {
                table.requestFocus();
            }
        }));

        Label item = new Label();
        item.setId("review-item-text");
        item.setWrapText(true);
        item.textProperty().bind(vm.detail().itemTextProperty());
        Label profileLine = new Label();
        profileLine.setId("review-profile-line");
        profileLine.getStyleClass().add("text-muted");
        profileLine.setWrapText(true);
        profileLine.textProperty().bind(vm.detail().profileLineProperty());
        TextArea profile = readOnly("review-profile", 5);
        profile.textProperty().bind(vm.detail().profileProperty());
        profile.visibleProperty().bind(vm.detail().profileProperty().isNotEmpty());
        profile.managedProperty().bind(profile.visibleProperty());
        TextArea history = readOnly("review-history", 7);
        history.textProperty().bind(vm.detail().historyProperty());
        ListView<ReviewDecision> decisions = new ListView<>(vm.detail().decisions());
        decisions.setId("review-decisions");
        decisions.setFocusTraversable(false);
        decisions.setPrefHeight(96);
        decisions.setPlaceholder(new Label("No decisions on this row yet."));
        decisions.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ReviewDecision d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : RowText.describe(d));
            }
        });

        VBox box = new VBox(6, title, facts, heading("Rationale"), rationale, edit, heading("Item"), item,
                heading("Generated profile"), profileLine, profile, heading("The user's history (most recent "
                + RowText.HISTORY + ", oldest first)"), history, heading("Decisions on this row"), decisions);
        box.setPadding(new Insets(4, 12, 8, 8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setId("review-detail");
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        return scroll;
    }

    private Node hints() {
        HBox keys = new HBox(14,
                hint("A", "accept"), hint("R", "reject"), hint("E", "edit"), hint("S", "skip"),
                hint("U", "undo"), hint("← →", "previous / next"), hint("↑ ↓", "rows"));
        keys.setId("review-key-hints");
        keys.setMinWidth(Region.USE_PREF_SIZE); // the hints always show whole
        keys.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("review-message");
        message.getStyleClass().add("text-muted");
        message.textProperty().bind(vm.messageProperty());
        HBox bar = new HBox(16, keys, spacer(), message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 20, 6, 20));
        bar.setStyle("-fx-border-color: -color-border-default; -fx-border-width: 1 0 0 0; -fx-background-color: -color-bg-subtle;");
        return bar;
    }

    private static HBox hint(String key, String what) {
        Label k = new Label(key);
        k.setStyle("-fx-font-family: monospace; -fx-font-weight: bold; -fx-padding: 0 5 0 5;"
                + " -fx-border-color: -color-border-default; -fx-border-radius: 3; -fx-background-radius: 3;"
                + " -fx-background-color: -color-bg-default;");
        Label w = new Label(what);
        HBox h = new HBox(4, k, w);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        l.setPadding(new Insets(6, 0, 0, 0));
        return l;
    }

    private static TextArea readOnly(String id, int rows) {
        TextArea t = new TextArea();
        t.setId(id);
        t.setEditable(false);
        t.setWrapText(true);
        t.setPrefRowCount(rows);
        t.setFocusTraversable(false);
        t.setStyle("-fx-font-family: monospace;");
        return t;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private static ChoiceBox<String> choice(String id, ObservableList<String> values, ObjectProperty<String> value) {
        ChoiceBox<String> c = new ChoiceBox<>(values);
        c.setId(id);
        c.setMinWidth(80);
        c.valueProperty().bindBidirectional(value);
        return c;
    }

    private static TextField field(String id, String prompt, double width, StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefWidth(width);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static Button button(String id, String text, Feather icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }
}
