package dev.augur.ui.embeddings;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Embeddings section: the Vectors page now; the 2-D map joins it as a second tab later. */
public final class EmbeddingsView {
    private final VBox root;

    public EmbeddingsView(VectorsViewModel vectors, String mapHint) {
        Label heading = new Label("Embeddings");
        heading.getStyleClass().add("title-2");
        Label sub = new Label("Sentence vectors of items, reviews and profiles, stored in the workspace and re-encoded only where text changed.");
        sub.getStyleClass().add("text-muted");
        sub.setWrapText(true);
        TabPane tabs = new TabPane();
        tabs.setId("embeddings-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab tab = new Tab("Vectors", new VectorsView(vectors, mapHint).root());
        tab.setId("tab-vectors");
        tabs.getTabs().add(tab);
        root = new VBox(4, heading, sub, tabs);
        root.setId("embeddings-page");
        root.setPadding(new Insets(16, 20, 12, 20));
        VBox.setVgrow(tabs, Priority.ALWAYS);
    }

    public Parent root() {
        return root;
    }
}
