package dev.augur.ui.datasets;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The detail pane beside the tables: fields and attributes, rating histogram, timeline. */
public final class DetailView {
    private final VBox root;

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
        root = new VBox(8, title, fields, ratings, new Label("Interactions (time · who or what · rating)"), timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        root.setPadding(new Insets(8, 0, 0, 8));
        root.setPrefWidth(380);
    }

    public Parent root() {
        return root;
    }
}
