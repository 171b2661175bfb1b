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
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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
 * The queue tab: filters and counts, the paged table, the current row's detail ({@link DetailPane}), and the
 * key hints. Keys act on the current row unless a text field has the focus.
 */
final class QueuePane {
    private final ReviewViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<SyntheticRow> table;

    QueuePane(ReviewViewModel vm) {
        this.vm = vm;
        root.setId("review-queue");
        table = table();
        root.setTop(filters());
        SplitPane body = new SplitPane(list(), new DetailPane(vm, table::requestFocus).root());
        body.setDividerPositions(0.58);
        root.setCenter(body);
        root.setBottom(hints());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        vm.bulk().requestProperty().addListener((o, was, is) -> {
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
        if (vm.editor().editingProperty().get()) {
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
                label("Dataset"), choice("review-dataset", vm.filter().datasets(), vm.filter().datasetProperty()),
                label("Status"), choice("review-status", vm.filter().statuses(), vm.filter().statusProperty()),
                label("Model"), choice("review-model", vm.filter().models(), vm.filter().modelProperty()),
                label("Batch"), choice("review-batch", vm.filter().batchNames(), vm.filter().batchProperty()),
                label("Sort"), choice("review-sort", vm.filter().sorts(), vm.filter().sortProperty()));
        first.setAlignment(Pos.CENTER_LEFT);
        Label counts = new Label();
        counts.setId("review-counts");
        counts.setMinWidth(Region.USE_PREF_SIZE);
        counts.textProperty().bind(vm.counts().line());
        Button acceptAll = button("review-bulk-accept", "Accept all…", Feather.CHECK_CIRCLE,
                () -> vm.bulk().request(ReviewDecision.ACCEPT));
        Button rejectAll = button("review-bulk-reject", "Reject all…", Feather.X_CIRCLE,
                () -> vm.bulk().request(ReviewDecision.REJECT));
        HBox second = new HBox(8,
                label("Confidence"), field("review-min-confidence", "min", 64, vm.filter().minConfidenceProperty()),
                label("–"), field("review-max-confidence", "max", 64, vm.filter().maxConfidenceProperty()),
                label("Item"), field("review-item", "item id", 90, vm.filter().itemProperty()),
                label("User"), field("review-user", "user id", 90, vm.filter().userProperty()),
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

    private void confirm(BulkDecisions.Request req) {
        if (vm.bulk().requestProperty().get() != req) {
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
                vm.bulk().confirm();
            } else {
                vm.bulk().cancel();
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
        page.textProperty().bind(vm.page().pageLineProperty());
        HBox pager = new HBox(8, prev, page, next);
        pager.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(4, table, pager);
        box.setPadding(new Insets(0, 4, 4, 12));
        return box;
    }

    private TableView<SyntheticRow> table() {
        TableView<SyntheticRow> t = new TableView<>(vm.page().rows());
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
            if (i >= 0 && i != vm.page().currentIndexProperty().get()) {
                vm.select(i);
            }
        });
        // the model's cursor drives the table (after a decision, a page load, an undo)
        Runnable follow = () -> {
            int i = vm.page().currentIndexProperty().get();
            if (i >= 0 && i < t.getItems().size()) {
                if (t.getSelectionModel().getSelectedIndex() != i) {
                    t.getSelectionModel().clearAndSelect(i);
                }
                t.scrollTo(Math.max(0, i - 3));
            } else {
                t.getSelectionModel().clearSelection();
            }
        };
        vm.page().currentIndexProperty().addListener((o, was, is) -> follow.run());
        vm.page().currentProperty().addListener((o, was, is) -> follow.run());
        // a replaced or reloaded row can drop the table's selection; put it back once the table has caught up
        vm.page().rows().addListener((javafx.collections.ListChangeListener<SyntheticRow>) c -> Platform.runLater(follow));
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
