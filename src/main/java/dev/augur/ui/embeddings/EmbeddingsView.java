package dev.augur.ui.embeddings;

import dev.augur.ui.map.MapView;
import dev.augur.ui.map.MapViewModel;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Embeddings section: the 2-D map of a vector set's projection, and the Vectors page. */
public final class EmbeddingsView {
    private final VBox root;

    /** Without a map view model the Map tab shows {@code mapHint} until the shell provides one. */
    public EmbeddingsView(VectorsViewModel vectors, String mapHint) {
        this(vectors, null, mapHint);
    }

    public EmbeddingsView(VectorsViewModel vectors, MapViewModel map, String mapHint) {
        Label heading = new Label("Embeddings");
        heading.getStyleClass().add("title-2");
        Label sub = new Label("Sentence vectors of items, reviews and profiles, stored in the workspace and re-encoded only where text changed.");
        sub.getStyleClass().add("text-muted");
        sub.setWrapText(true);
        TabPane tabs = new TabPane();
        tabs.setId("embeddings-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab mapTab = new Tab("Map", map == null ? placeholder(mapHint) : new MapView(map).root());
        mapTab.setId("tab-map");
        Tab tab = new Tab("Vectors", new VectorsView(vectors, mapHint).root());
        tab.setId("tab-vectors");
        tabs.getTabs().addAll(mapTab, tab);
        root = new VBox(4, heading, sub, tabs);
        root.setId("embeddings-page");
        root.setPadding(new Insets(16, 20, 12, 20));
        VBox.setVgrow(tabs, Priority.ALWAYS);
    }

    private static Label placeholder(String hint) {
        Label l = new Label(hint);
        l.setId("map-placeholder");
        l.setWrapText(true);
        l.getStyleClass().add("text-muted");
        l.setPadding(new Insets(12, 0, 0, 0));
        return l;
    }

    public Parent root() {
        return root;
    }
}
