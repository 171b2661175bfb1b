package dev.augur.ui.map;

import dev.augur.core.task.Job;
import dev.augur.ui.common.ItemSelection;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The Map page of the Embeddings section: a toolbar (projection, side by side, colour, size, lasso, fit, search,
 * exports), one or two {@link MapCanvas}es, the legend and the neighbourhood-change list.
 */
public final class MapView {
    private final MapViewModel vm;
    private final VBox root;
    private final MapCanvas leftCanvas = new MapCanvas();
    private final MapCanvas rightCanvas = new MapCanvas();
    private final HBox maps;

    public MapView(MapViewModel vm) {
        this.vm = vm;
        leftCanvas.setId("map-left");
        rightCanvas.setId("map-right");
        bind(leftCanvas, vm.left());
        bind(rightCanvas, vm.right());

        ChoiceBox<MapSpace> leftSpace = spaceChoice("map-space-left");
        leftSpace.valueProperty().bindBidirectional(vm.leftSpaceProperty());
        ToggleButton sideBySide = new ToggleButton("Side by side", new FontIcon(Feather.COLUMNS));
        sideBySide.setId("map-side-by-side");
        sideBySide.selectedProperty().bindBidirectional(vm.sideBySideProperty());
        ChoiceBox<MapSpace> rightSpace = spaceChoice("map-space-right");
        rightSpace.valueProperty().bindBidirectional(vm.rightSpaceProperty());
        rightSpace.visibleProperty().bind(vm.sideBySideProperty());
        rightSpace.managedProperty().bind(rightSpace.visibleProperty());
        HBox spaces = row(label("Projection"), leftSpace, sideBySide, rightSpace);

        ChoiceBox<ColourBy> colour = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(ColourBy.values()));
        colour.setId("map-colour-by");
        colour.valueProperty().bindBidirectional(vm.colourByProperty());
        CheckBox size = new CheckBox("Size by popularity");
        size.setId("map-size-popularity");
        size.selectedProperty().bindBidirectional(vm.sizeByPopularityProperty());
        ToggleButton lasso = new ToggleButton("Lasso", new FontIcon(Feather.FEATHER));
        lasso.setId("map-lasso");
        lasso.setTooltip(new Tooltip("Drag to draw a lasso (or hold Alt/Ctrl while dragging); Shift-drag selects a rectangle"));
        lasso.selectedProperty().bindBidirectional(vm.lassoModeProperty());
        Button fit = new Button("Fit", new FontIcon(Feather.MAXIMIZE));
        fit.setId("map-fit");
        fit.setOnAction(e -> {
            leftCanvas.fit();
            rightCanvas.fit();
        });
        TextField search = new TextField();
        search.setId("map-search");
        search.setPromptText("Search title or id");
        search.setPrefColumnCount(12);
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
            }
        });
        Label matches = new Label();
        matches.setId("map-matches");
        matches.getStyleClass().add("text-muted");
        matches.textProperty().bind(Bindings.createStringBinding(() -> vm.matchCountProperty().get() < 0 ? ""
                : String.format(Locale.ROOT, "%,d match%s", vm.matchCountProperty().get(),
                vm.matchCountProperty().get() == 1 ? "" : "es"), vm.matchCountProperty()));
        Label selected = new Label();
        selected.setId("map-selection-count");
        selected.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%,d selected",
                vm.selectionCountProperty().get()), vm.selectionCountProperty()));
        Button png = new Button("Export PNG…", new FontIcon(Feather.IMAGE));
        png.setId("map-export-png");
        png.setOnAction(e -> choose("Export the map as an image", "map.png", "PNG image", "*.png").ifPresent(this::exportPng));
        Button csv = new Button("Export selection CSV…", new FontIcon(Feather.DOWNLOAD));
        csv.setId("map-export-csv");
        csv.disableProperty().bind(vm.selectionCountProperty().isEqualTo(0));
        csv.setOnAction(e -> choose("Export the selected items", "selection.csv", "CSV", "*.csv")
                .ifPresent(vm::exportSelectionCsv));
        HBox searchBox = row(search, matches);
        FlowPane tools = new FlowPane(12, 6, row(label("Colour by"), colour), size, lasso, fit, searchBox,
                row(selected, png, csv));
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.getChildren().forEach(n -> {
            if (n instanceof javafx.scene.layout.Region r) {
                r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        });

        HBox.setHgrow(leftCanvas, Priority.ALWAYS);
        HBox.setHgrow(rightCanvas, Priority.ALWAYS);
        rightCanvas.visibleProperty().bind(vm.sideBySideProperty());
        rightCanvas.managedProperty().bind(rightCanvas.visibleProperty());
        maps = new HBox(6, leftCanvas, rightCanvas);
        maps.setId("map-canvases");
        maps.setMinSize(0, 0);
        Label emptyState = new Label("No 2-D projections yet. Once a vector set has a PCA or UMAP projection, "
                + "its items show here as a map.", new FontIcon(Feather.MAP));
        emptyState.setId("map-empty");
        emptyState.setWrapText(true);
        emptyState.setMaxWidth(480);
        emptyState.getStyleClass().add("text-muted");
        emptyState.visibleProperty().bind(vm.emptyProperty());
        StackPane mapArea = new StackPane(maps, emptyState);
        mapArea.setMinSize(0, 0);
        HBox.setHgrow(mapArea, Priority.ALWAYS);

        HBox body = new HBox(8, mapArea, sidebar());
        VBox.setVgrow(body, Priority.ALWAYS);

        Label status = new Label();
        status.setId("map-status");
        status.getStyleClass().add("text-muted");
        status.textProperty().bind(Bindings.createStringBinding(() -> vm.statusProperty().get()
                        + (vm.changeRunningProperty().get() ? " · scoring neighbourhood change…" : "")
                        + (leftCanvas.lastRedrawMillis() > 0 ? String.format(Locale.ROOT, " · redraw %.1f ms%s",
                        leftCanvas.lastRedrawMillis(), leftCanvas.densityModeProperty().get() ? " (density)" : "") : ""),
                vm.statusProperty(), vm.changeRunningProperty(), leftCanvas.lastRedrawMillisProperty(),
                leftCanvas.densityModeProperty()));

        root = new VBox(8, spaces, tools, body, status);
        root.setId("map-page");
        root.setPadding(new Insets(10, 0, 0, 0));
    }

    private void bind(MapCanvas canvas, MapSide side) {
        ItemSelection selection = vm.selection();
        side.mapProperty().addListener((o, was, is) -> {
            canvas.setMap(is);
            canvas.setColouring(side.colouringProperty().get());
            canvas.setHiddenGroups(side.hiddenProperty().get());
            canvas.setMatches(side.matchesProperty().get());
        });
        side.colouringProperty().addListener((o, was, is) -> canvas.setColouring(is));
        side.hiddenProperty().addListener((o, was, is) -> canvas.setHiddenGroups(is));
        side.matchesProperty().addListener((o, was, is) -> canvas.setMatches(is));
        canvas.setMap(side.mapProperty().get());
        canvas.setColouring(side.colouringProperty().get());
        canvas.setHiddenGroups(side.hiddenProperty().get());
        canvas.setMatches(side.matchesProperty().get());
        canvas.setSizeByPopularity(vm.sizeByPopularityProperty().get());
        vm.sizeByPopularityProperty().addListener((o, was, is) -> canvas.setSizeByPopularity(is));
        canvas.lassoModeProperty().bind(vm.lassoModeProperty());
        canvas.setSelection(selection.ids());
        selection.revisionProperty().addListener((o, was, is) -> canvas.setSelection(selection.ids()));
        vm.hoveredIdProperty().addListener((o, was, is) -> canvas.setLinkedHover(is.longValue()));
        canvas.setOnSelect(vm::select);
        canvas.setOnOpen(vm::open);
        canvas.setOnHover(vm::setHovered);
    }

    private VBox sidebar() {
        Label legendTitle = new Label("Legend");
        legendTitle.getStyleClass().add("title-4");
        VBox legendBox = new VBox(4);
        legendBox.setId("map-legend");
        Runnable fill = () -> legendBox.getChildren().setAll(vm.legend().stream().map(MapView::legendRow).toList());
        vm.legend().addListener((ListChangeListener<LegendEntry>) c -> fill.run());
        fill.run();
        ScrollPane legendScroll = new ScrollPane(legendBox);
        legendScroll.setFitToWidth(true);
        legendScroll.setPrefHeight(260);
        legendScroll.setMinHeight(80);

        Label changeTitle = new Label("Neighbourhood change");
        changeTitle.getStyleClass().add("title-4");
        ListView<ChangeRow> changes = new ListView<>(vm.changes());
        changes.setId("map-changes");
        changes.setFixedCellSize(24);
        changes.setPlaceholder(new Label("Scored once both maps are loaded."));
        changes.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ChangeRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : String.format(Locale.ROOT, "%.2f  %s  (%s)", r.score(),
                        r.title() == null || r.title().isBlank() ? "(no title)" : r.title(), r.externalId()));
            }
        });
        changes.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                focus(is.id());
            }
        });
        changes.setOnMouseClicked(e -> {
            ChangeRow r = changes.getSelectionModel().getSelectedItem();
            if (r != null) {
                focus(r.id());
            }
        });
        VBox.setVgrow(changes, Priority.ALWAYS);
        VBox changeBlock = new VBox(6, changeTitle, changes);
        changeBlock.visibleProperty().bind(vm.sideBySideProperty());
        changeBlock.managedProperty().bind(changeBlock.visibleProperty());
        VBox.setVgrow(changeBlock, Priority.ALWAYS);

        VBox side = new VBox(8, legendTitle, legendScroll, changeBlock);
        side.setId("map-sidebar");
        side.setPrefWidth(290);
        side.setMinWidth(260);
        return side;
    }

    /** Selects an item (from the change list) and brings it to the middle of both maps. */
    private void focus(long id) {
        vm.selectOnly(id);
        leftCanvas.centreOn(id);
        rightCanvas.centreOn(id);
    }

    private static Node legendRow(LegendEntry e) {
        Rectangle swatch = new Rectangle(12, 12, e.colour());
        swatch.setArcWidth(3);
        swatch.setArcHeight(3);
        CheckBox box = new CheckBox(String.format(Locale.ROOT, "%s  (%,d)", e.label(), e.count()));
        box.setGraphic(swatch);
        box.setUserData(e.label());
        box.getStyleClass().add("map-legend-entry");
        box.selectedProperty().bindBidirectional(e.shownProperty());
        return box;
    }

    private ChoiceBox<MapSpace> spaceChoice(String id) {
        ChoiceBox<MapSpace> box = new ChoiceBox<>(vm.spaces());
        box.setId(id);
        box.setMaxWidth(380);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(MapSpace s) {
                return s == null ? "" : s.label();
            }

            @Override
            public MapSpace fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        return box;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return row;
    }

    /** Snapshots the shown map(s) here and writes the PNG in the background. */
    public Job<Path> exportPng(Path file) {
        leftCanvas.hoverAt(Double.NaN, Double.NaN);
        rightCanvas.hoverAt(Double.NaN, Double.NaN);
        WritableImage image = maps.snapshot(new SnapshotParameters(), null);
        return vm.exportPng(image, file);
    }

    private Optional<Path> choose(String title, String name, String kind, String pattern) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialFileName(name);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        Window w = root.getScene() == null ? null : root.getScene().getWindow();
        return Optional.ofNullable(fc.showSaveDialog(w)).map(File::toPath);
    }

    public Parent root() {
        return root;
    }

    public MapCanvas leftCanvas() {
        return leftCanvas;
    }

    public MapCanvas rightCanvas() {
        return rightCanvas;
    }
}
