package dev.augur.ui.datasets;

import dev.augur.core.store.VectorSetInfo;
import dev.augur.core.vectors.SimilarItem;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/** The detail pane beside the tables: fields and attributes, rating histogram, timeline, similar items. */
public final class DetailView {
    private final VBox root;
    private final javafx.scene.control.ScrollPane scroller;

    public DetailView(DetailViewModel vm) {
        Label title = new Label();
        title.setId("detail-title");
        title.getStyleClass().add("title-4");
        title.setWrapText(true);
        title.textProperty().bind(vm.titleProperty());
        TextArea fields = new TextArea();
        fields.setId("detail-fields");
        fields.setEditable(false);
        fields.setWrapText(true);
        fields.setPrefRowCount(8);
        fields.textProperty().bind(vm.fieldsProperty());
        ListView<String> ratings = new ListView<>(vm.ratingBars());
        ratings.setId("detail-ratings");
        ratings.setPrefHeight(130);
        ratings.setStyle("-fx-font-family: monospace;");
        ratings.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.ratingBars()));
        ratings.managedProperty().bind(ratings.visibleProperty());
        ListView<String> timeline = new ListView<>(vm.timeline());
        timeline.setId("detail-timeline");
        timeline.setStyle("-fx-font-family: monospace;");
        timeline.setPrefHeight(180);
        timeline.setMinHeight(80);
        root = new VBox(8, title, fields, ratings, new Label("Interactions (time · who or what · rating)"), timeline,
                similarBlock(vm));
        VBox.setVgrow(timeline, Priority.ALWAYS);
        root.setPadding(new Insets(8, 8, 8, 8));
        root.setPrefWidth(380);
        // fields, histogram, timeline and similar items keep their heights; the pane scrolls rather than squeezing them
        fields.setMinHeight(120);
        ratings.setMinHeight(110);
        timeline.setMinHeight(140);
        scroller = new javafx.scene.control.ScrollPane(root);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroller.setId("detail-scroll");
    }

    private static VBox similarBlock(DetailViewModel vm) {
        Label heading = new Label("Similar items");
        heading.getStyleClass().add("title-4");
        heading.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ChoiceBox<VectorSetInfo> set = new ChoiceBox<>(vm.similarSets());
        set.setId("similar-set");
        set.setMaxWidth(220);
        set.setConverter(new StringConverter<>() {
            @Override
            public String toString(VectorSetInfo s) {
                return s == null ? "" : s.encoder() + " · " + s.field();
            }

            @Override
            public VectorSetInfo fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        set.valueProperty().bindBidirectional(vm.similarSetProperty());
        set.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.similarSets()));
        HBox head = new HBox(8, heading, set);
        head.setAlignment(Pos.CENTER_LEFT);

        ListView<SimilarItem> list = new ListView<>(vm.similar());
        list.setId("similar-items");
        list.setPrefHeight(24 * DetailViewModel.SIMILAR + 4);
        list.setFixedCellSize(24);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SimilarItem s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : String.format(Locale.ROOT, "%.3f  %s  (%s)", s.cosine(),
                        s.title() == null || s.title().isBlank() ? "(no title)" : s.title(), s.externalId()));
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                vm.openSimilar(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.openSimilar(list.getSelectionModel().getSelectedItem());
            }
        });
        list.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.similar()));
        list.managedProperty().bind(list.visibleProperty());

        Label status = new Label();
        status.setId("similar-status");
        status.setWrapText(true);
        status.getStyleClass().add("text-muted");
        status.textProperty().bind(vm.similarStatusProperty());
        status.visibleProperty().bind(vm.similarStatusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        Button go = new Button("Open Embeddings → Vectors", new FontIcon(Feather.ARROW_RIGHT));
        go.setId("similar-open-vectors");
        go.getStyleClass().add("flat");
        go.setOnAction(e -> vm.openVectors());
        go.visibleProperty().bind(vm.noVectorsProperty());
        go.managedProperty().bind(go.visibleProperty());

        VBox block = new VBox(6, head, status, go, list);
        block.setId("similar-block");
        block.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        block.visibleProperty().bind(vm.similarShownProperty());
        block.managedProperty().bind(block.visibleProperty());
        return block;
    }

    public Parent root() {
        return scroller;
    }
}
