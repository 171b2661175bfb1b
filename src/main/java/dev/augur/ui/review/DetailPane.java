package dev.augur.ui.review;

import dev.augur.core.store.ReviewDecision;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The queue tab's right side: the evidence for the current row (the pair, facts, rationale, item, generated profile,
 * the user's history, the row's decisions) and the inline editor of its value.
 */
final class DetailPane {
    private final ScrollPane root;

    /** @param focusTable gives the keys back to the queue's table when the editor closes */
    DetailPane(ReviewViewModel vm, Runnable focusTable) {
        ReviewDetail detail = vm.detail();
        Label title = new Label();
        title.setId("review-title");
        title.getStyleClass().add("title-4");
        title.setWrapText(true);
        title.textProperty().bind(detail.titleProperty());
        Label facts = new Label();
        facts.setId("review-facts");
        facts.getStyleClass().add("text-muted");
        facts.setWrapText(true);
        facts.textProperty().bind(detail.factsProperty());
        Label rationale = new Label();
        rationale.setId("review-rationale");
        rationale.setWrapText(true);
        rationale.setStyle("-fx-font-style: italic;");
        rationale.textProperty().bind(detail.rationaleProperty());
        HBox edit = editor(vm, focusTable);

        Label item = new Label();
        item.setId("review-item-text");
        item.setWrapText(true);
        item.textProperty().bind(detail.itemTextProperty());
        Label profileLine = new Label();
        profileLine.setId("review-profile-line");
        profileLine.getStyleClass().add("text-muted");
        profileLine.setWrapText(true);
        profileLine.textProperty().bind(detail.profileLineProperty());
        TextArea profile = readOnly("review-profile", 5);
        profile.textProperty().bind(detail.profileProperty());
        profile.visibleProperty().bind(detail.profileProperty().isNotEmpty());
        profile.managedProperty().bind(profile.visibleProperty());
        TextArea history = readOnly("review-history", 7);
        history.textProperty().bind(detail.historyProperty());
        ListView<ReviewDecision> decisions = new ListView<>(detail.decisions());
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
        root = new ScrollPane(box);
        root.setId("review-detail");
        root.setFitToWidth(true);
        root.setFocusTraversable(false);
    }

    ScrollPane root() {
        return root;
    }

    /** The editor's row, shown while editing: Enter saves (through the queue, which accepts), Esc cancels. */
    private static HBox editor(ReviewViewModel vm, Runnable focusTable) {
        TextField editor = new TextField();
        editor.setId("review-editor");
        editor.setPrefColumnCount(6);
        editor.textProperty().bindBidirectional(vm.editor().textProperty());
        editor.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.commitEdit();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                vm.editor().cancel();
                e.consume();
            }
        });
        Label editHint = new Label("Enter saves (and accepts) · Esc cancels");
        editHint.getStyleClass().add("text-muted");
        Label editError = new Label();
        editError.setId("review-edit-error");
        editError.getStyleClass().add("danger");
        editError.textProperty().bind(vm.editor().errorProperty());
        Label what = new Label("New label or rating");
        what.setMinWidth(Region.USE_PREF_SIZE);
        HBox edit = new HBox(8, what, editor, editHint, editError);
        edit.setAlignment(Pos.CENTER_LEFT);
        edit.visibleProperty().bind(vm.editor().editingProperty());
        edit.managedProperty().bind(edit.visibleProperty());
        vm.editor().editingProperty().addListener((o, was, is) -> Platform.runLater(() -> {
            if (is) {
                editor.requestFocus();
                editor.selectAll();
            } else {
                focusTable.run();
            }
        }));
        return edit;
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
}
