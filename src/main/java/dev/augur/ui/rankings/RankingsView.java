package dev.augur.ui.rankings;

import dev.augur.ui.common.JobControls;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Rankings section: the protocol and models on top, then the picked user's history beside one top-K column
 * per model, and under them the metrics and the experiments tables and the CTR comparison.
 */
public final class RankingsView {
    static final double HISTORY_WIDTH = 200;
    static final double COLUMN_WIDTH = 180;

    private final RankingsViewModel vm;
    private final VBox root;
    private final HBox columnsBox = new HBox(10);

    public RankingsView(RankingsViewModel vm) {
        this.vm = vm;
        Label heading = new Label("Rankings");
        heading.getStyleClass().add("title-2");
        Label sub = new Label("Each model's top-K for one user side by side; metrics per slice; every run stored"
                + " with its protocol.");
        sub.getStyleClass().add("text-muted");
        sub.setWrapText(true);
        TabPane tabs = RankingTables.tabs(vm, this::chooseCsv);
        SplitPane body = new SplitPane(rankings(), tabs);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.66);
        // the CTR tab is about the whole dataset, not the user above: it gets the room while it is open
        double[] before = {Double.NaN};
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null && "tab-ctr".equals(is.getId())) {
                before[0] = body.getDividerPositions()[0];
                body.setDividerPositions(Math.min(before[0], 0.3));
            } else if (was != null && "tab-ctr".equals(was.getId()) && !Double.isNaN(before[0])) {
                body.setDividerPositions(before[0]);
            }
        });
        VBox.setVgrow(body, Priority.ALWAYS);
        root = new VBox(4, heading, sub, topBar(), body);
        root.setId("rankings");
        root.setPadding(new Insets(16, 20, 12, 20));
    }

    public Parent root() {
        return root;
    }

    // ---- top bar -----------------------------------------------------------------------------------------------

    private Node topBar() {
        ChoiceBox<String> dataset = new ChoiceBox<>(vm.datasets());
        dataset.setId("rankings-dataset");
        dataset.setPrefWidth(160);
        dataset.valueProperty().bindBidirectional(vm.datasetProperty());
        ChoiceBox<SplitChoice> split = new ChoiceBox<>(vm.splits());
        split.setId("rankings-split");
        split.setPrefWidth(155);
        split.valueProperty().bindBidirectional(vm.splitProperty());
        ChoiceBox<ModeChoice> mode = new ChoiceBox<>(vm.modes());
        mode.setId("rankings-mode");
        mode.setPrefWidth(180);
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        Spinner<Integer> k = new Spinner<>(1, 1000, vm.kProperty().get());
        k.setId("rankings-k");
        k.setEditable(true);
        k.setPrefWidth(84);
        k.setMinWidth(Region.USE_PREF_SIZE);
        k.valueProperty().addListener((o, was, is) -> {
            if (is != null) {
                vm.kProperty().set(is);
            }
        });
        vm.kProperty().addListener((o, was, is) -> k.getValueFactory().setValue(is.intValue()));
        TextField seed = new TextField();
        seed.setId("rankings-seed");
        seed.setPrefColumnCount(5);
        seed.textProperty().bindBidirectional(vm.seedProperty());

        FlowPane models = new FlowPane(10, 4);
        models.setId("rankings-models");
        Runnable fill = () -> {
            List<Node> boxes = new ArrayList<>();
            for (ModelChoice m : vm.models()) {
                CheckBox c = new CheckBox(m.name());
                c.setId("rankings-model-" + m.name());
                c.selectedProperty().bindBidirectional(m.selected());
                boxes.add(c);
            }
            models.getChildren().setAll(boxes);
        };
        vm.models().addListener((ListChangeListener<ModelChoice>) c -> {
            // ticks change the elements' properties, not the list's structure; rebuild only for new names
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved()) {
                    fill.run();
                    return;
                }
            }
        });
        fill.run();
        HBox.setHgrow(models, Priority.ALWAYS);
        Button evaluate = new Button("Evaluate", new FontIcon(Feather.PLAY));
        evaluate.setId("rankings-evaluate");
        evaluate.getStyleClass().add("accent");
        evaluate.setMinWidth(Region.USE_PREF_SIZE);
        evaluate.disableProperty().bind(vm.canEvaluate().not());
        evaluate.setOnAction(e -> vm.evaluate());
        Button cancel = JobControls.cancel("rankings-cancel", vm.runningProperty(), vm::cancel);
        ProgressBar bar = JobControls.bar("rankings-progress", 140, vm.progressProperty(), vm.runningProperty());
        Label job = JobControls.line("rankings-job", vm.jobLineProperty(), vm.runningProperty());
        HBox form = row(label("Dataset"), dataset, label("Split"), split, label("Mode"), mode, label("K"), k,
                label("Seed"), seed);

        Label status = JobControls.success("rankings-status", vm.statusProperty(), vm.runningProperty());
        HBox filters = row(label("Filters: rating ≥"), field("rankings-min-rating", 3, vm.minRatingProperty()),
                label("users with ≥"), field("rankings-min-user", 3, vm.minUserInteractionsProperty()),
                label("items with ≥"), field("rankings-min-item", 3, vm.minItemInteractionsProperty()),
                synthetic(), label("score"), field("rankings-max-users", 4, vm.maxUsersProperty()),
                label("users (blank: all)"));
        HBox run = row(label("Models"), models, evaluate, cancel);
        HBox progress = row(bar, job, status);
        progress.managedProperty().bind(vm.runningProperty().or(status.visibleProperty()));

        Label protocol = new Label(null, new FontIcon(Feather.INFO));
        protocol.setId("rankings-protocol");
        protocol.textProperty().bind(vm.protocolLineProperty());
        protocol.setWrapText(true);
        protocol.setMinHeight(Region.USE_PREF_SIZE);
        protocol.setTooltip(new Tooltip("The protocol of the next run; it is stored next to the run's numbers."));
        Label error = new Label();
        error.setId("rankings-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        return new VBox(4, form, filters, run, protocol, progress, error);
    }

    // ---- the user and the columns ------------------------------------------------------------------------------

    private Node rankings() {
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
        export.setOnAction(e -> chooseCsv("Export the rankings shown", "rankings.csv").ifPresent(vm::exportRankings));
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
        pane.setMinHeight(120);
        return pane;
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
        ListView<ItemCard> list = new ListView<>(javafx.collections.FXCollections.observableArrayList(c.cards()));
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

    // ---- helpers -----------------------------------------------------------------------------------------------

    private Optional<Path> chooseCsv(String title, String name) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialFileName(name);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV file", "*.csv"));
        Window w = root.getScene() == null ? null : root.getScene().getWindow();
        return Optional.ofNullable(fc.showSaveDialog(w)).map(File::toPath);
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static TextField field(String id, int columns, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.setPromptText("–");
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private CheckBox synthetic() {
        CheckBox c = new CheckBox("with accepted synthetic");
        c.setId("rankings-with-synthetic");
        c.setTooltip(new javafx.scene.control.Tooltip("Accepted synthetic interactions join training (never the test)"));
        c.selectedProperty().bindBidirectional(vm.withSyntheticProperty());
        return c;
    }
}
