package dev.augur.ui.rankings;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.shape.Rectangle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

import static dev.augur.ui.rankings.RankingsView.label;
import static dev.augur.ui.rankings.RankingsView.row;

/**
 * The upper half of the Rankings section: the shown run's user picker, then the picked user's history and
 * held-out items beside one top-K column per model (a placeholder until a run is shown).
 */
final class UserPanelPane {
    static final double HISTORY_WIDTH = 200;
    static final double COLUMN_WIDTH = 180;

    private final UserPanelViewModel vm;
    private final BiFunction<String, String, Optional<Path>> chooseCsv;
    private final HBox columnsBox = new HBox(10);
    private final Node root;

    /** @param chooseCsv asks where to save a CSV file: (dialog title, suggested name) */
    UserPanelPane(UserPanelViewModel vm, BiFunction<String, String, Optional<Path>> chooseCsv) {
        this.vm = vm;
        this.chooseCsv = chooseCsv;
        root = build();
    }

    Node root() {
        return root;
    }

    private Node build() {
        TextField search = new TextField();
        search.setId("rankings-user-search");
        search.setPromptText("find a user id");
        search.setPrefColumnCount(10);
        search.textProperty().bindBidirectional(vm.userQueryProperty());
        search.setOnAction(e -> vm.pickQuery());
        ComboBox<UserRow> pick = new ComboBox<>(vm.userMatches());
        pick.setId("rankings-user");
        pick.setPrefWidth(300);
        pick.setVisibleRowCount(14);
        pick.setOnAction(e -> {
            UserRow u = pick.getValue();
            if (u != null && !u.equals(vm.userProperty().get())) {
                vm.userProperty().set(u);
            }
        });
        vm.userProperty().addListener((o, was, is) -> {
            if (is != null && !is.equals(pick.getValue())) {
                pick.setValue(is);
            }
        });
        // new matches reset the box's value: show the picked user again
        vm.userMatches().addListener((ListChangeListener<UserRow>) c -> {
            UserRow u = vm.userProperty().get();
            if (u != null && !u.equals(pick.getValue())) {
                pick.setValue(u);
            }
        });
        Label users = new Label();
        users.setId("rankings-users-line");
        users.getStyleClass().add("text-muted");
        users.textProperty().bind(vm.usersLineProperty());
        users.setMinWidth(0);
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button export = new Button("Export CSV", new FontIcon(Feather.DOWNLOAD));
        export.setId("rankings-export");
        export.setMinWidth(Region.USE_PREF_SIZE);
        export.disableProperty().bind(vm.panelProperty().isNull());
        export.setOnAction(e -> chooseCsv.apply("Export the rankings shown", "rankings.csv")
                .ifPresent(vm::exportRankings));
        Label runLine = new Label();
        runLine.setId("rankings-run-line");
        runLine.textProperty().bind(Bindings.createStringBinding(() -> vm.runProperty().get() == null ? ""
                : "Run #" + vm.runProperty().get().runId(), vm.runProperty()));
        runLine.setMinWidth(Region.USE_PREF_SIZE);
        runLine.setStyle("-fx-font-weight: bold;");
        Tooltip runProtocol = new Tooltip();
        runProtocol.textProperty().bind(vm.runLineProperty());
        runLine.setTooltip(runProtocol);
        users.setTooltip(runProtocol);
        HBox userBar = row(runLine, label("User"), search, pick, users, spacer, export);
        VBox top = new VBox(4, userBar);
        top.setPadding(new Insets(6, 0, 6, 0));

        columnsBox.setId("rankings-columns");
        columnsBox.setPadding(new Insets(0, 0, 4, 0));
        vm.columns().addListener((ListChangeListener<ModelColumn>) c -> fillColumns());
        fillColumns();
        ScrollPane scroll = new ScrollPane(columnsBox);
        scroll.setFitToHeight(true);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setStyle("-fx-background-color: transparent; -fx-background: transparent;");

        Label placeholder = new Label("Choose a split and models above and press Evaluate: the first user with"
                + " held-out items opens here with every model's top-K beside their history.");
        placeholder.setId("rankings-placeholder");
        placeholder.getStyleClass().add("text-muted");
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(560);
        placeholder.visibleProperty().bind(vm.runProperty().isNull());
        scroll.visibleProperty().bind(vm.runProperty().isNotNull());
        top.visibleProperty().bind(vm.runProperty().isNotNull());
        StackPane center = new StackPane(scroll, placeholder);
        BorderPane pane = new BorderPane(center);
        pane.setTop(top);
        // squeezed below its height, the columns slide under the user bar: the bar covers them (it is drawn last)
        top.setStyle("-fx-background-color: -color-bg-default;");
        pane.setMinHeight(0); // the CTR tab folds the panel away; the divider drags it back
        // folded, neither the panel nor its columns may draw outside the room they are given
        clipToBounds(pane);
        clipToBounds(center);
        return pane;
    }

    private static void clipToBounds(Region region) {
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(region.widthProperty());
        clip.heightProperty().bind(region.heightProperty());
        region.setClip(clip);
    }

    private void fillColumns() {
        List<Node> nodes = new ArrayList<>();
        nodes.add(historyColumn());
        for (ModelColumn c : vm.columns()) {
            nodes.add(modelColumn(c));
        }
        columnsBox.getChildren().setAll(nodes);
    }

    private Node historyColumn() {
        Label title = new Label();
        title.getStyleClass().add("title-4");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.panelProperty().get() == null ? "History"
                : "User " + vm.panelProperty().get().user().externalId(), vm.panelProperty()));
        Label trained = new Label();
        trained.getStyleClass().add("text-muted");
        trained.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                "History · %d, newest first", vm.history().size()), vm.history()));
        ListView<HistoryItem> history = itemList("rankings-history", vm.history(), false);
        Label held = new Label();
        held.getStyleClass().add("text-muted");
        held.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                "Held out (test) · %d", vm.heldOut().size()), vm.heldOut()));
        ListView<HistoryItem> heldOut = itemList("rankings-held-out", vm.heldOut(), true);
        heldOut.setPrefHeight(120);
        heldOut.setMinHeight(60);
        history.setMinHeight(60);
        VBox.setVgrow(history, Priority.ALWAYS);
        VBox box = new VBox(4, title, trained, history, held, heldOut);
        box.setId("rankings-user-column");
        box.setMinWidth(HISTORY_WIDTH);
        box.setPrefWidth(HISTORY_WIDTH);
        box.setMaxWidth(HISTORY_WIDTH);
        return box;
    }

    private ListView<HistoryItem> itemList(String id, ObservableList<HistoryItem> items, boolean target) {
        ListView<HistoryItem> list = new ListView<>(items);
        list.setId(id);
        list.setCellFactory(l -> new ListCell<>() {
            {
                setPrefWidth(0); // fit the list's width: no sideways scrolling
            }

            @Override
            protected void updateItem(HistoryItem h, boolean empty) {
                super.updateItem(h, empty);
                if (empty || h == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    setStyle("");
                    return;
                }
                setTooltip(new Tooltip(h.display() + "\nid " + h.externalId()));
                if (!target) {
                    setText(h.display());
                    setGraphic(null);
                    setStyle("-fx-cell-size: 2.2em;");
                    return;
                }
                setText(null);
                Label t = new Label(h.display());
                Label found = new Label(h.foundBy().isEmpty() ? "in no model's top-K"
                        : "found by " + String.join(", ", h.foundBy()));
                found.getStyleClass().add("text-muted");
                found.setStyle("-fx-font-size: 0.85em;");
                setGraphic(new VBox(1, t, found));
                setStyle("-fx-cell-size: 3.2em; -fx-border-color: transparent transparent transparent"
                        + " -color-success-emphasis; -fx-border-width: 0 0 0 4;");
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                vm.select(is.item());
            }
        });
        list.setOnMouseClicked(e -> {
            HistoryItem h = list.getSelectionModel().getSelectedItem();
            if (h != null && e.getClickCount() == 2) {
                vm.open(h.item());
            }
        });
        return list;
    }

    private Node modelColumn(ModelColumn c) {
        Label name = new Label(c.model());
        name.getStyleClass().add("title-4");
        long held = vm.heldOut().size();
        Label hits = new Label(String.format(Locale.ROOT, "%d of %d held out in top-%d", c.hits(), held,
                c.cards().size()));
        hits.setId("rankings-hits-" + c.model());
        hits.setStyle(c.hits() > 0 ? "-fx-text-fill: -color-success-fg;" : "");
        hits.getStyleClass().add(c.hits() > 0 ? "" : "text-muted");
        Label summary = new Label(c.summary().isEmpty() ? " " : c.summary());
        summary.setTooltip(new Tooltip("over all scored users: " + c.summary()));
        summary.getStyleClass().add("text-muted");
        summary.setStyle("-fx-font-size: 0.85em;");
        ListView<ItemCard> list = new ListView<>(FXCollections.observableArrayList(c.cards()));
        list.setId("column-" + c.model());
        list.setCellFactory(l -> new CardCell(vm));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                vm.select(is.item());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(4, name, hits, summary, list);
        box.setMinWidth(COLUMN_WIDTH);
        box.setPrefWidth(COLUMN_WIDTH + 20);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }
}
