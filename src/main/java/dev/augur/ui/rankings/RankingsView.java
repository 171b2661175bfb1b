package dev.augur.ui.rankings;

import dev.augur.ui.common.JobControls;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Rankings section: the protocol and models on top, then the picked user's history beside one top-K column
 * per model ({@link UserPanelPane}), and under them the metrics and the experiments tables and the CTR comparison
 * ({@link RankingTables}).
 */
public final class RankingsView {
    private final RankingsViewModel vm;
    private final VBox root;

    public RankingsView(RankingsViewModel vm) {
        this.vm = vm;
        Label heading = new Label("Rankings");
        heading.getStyleClass().add("title-2");
        Label sub = new Label("Each model's top-K for one user side by side; metrics per slice; every run stored"
                + " with its protocol.");
        sub.getStyleClass().add("text-muted");
        sub.setWrapText(true);
        TabPane tabs = RankingTables.tabs(vm, this::chooseCsv);
        SplitPane body = new SplitPane(new UserPanelPane(vm.userPanel(), this::chooseCsv).root(), tabs);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.66);
        // the CTR tab is about the whole dataset, not the user above: it gets the room while it is open (the user
        // panel folds away to the divider, which drags it back)
        double[] before = {Double.NaN};
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null && "tab-ctr".equals(is.getId())) {
                before[0] = body.getDividerPositions()[0];
                body.setDividerPositions(0);
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
        EvaluationFormViewModel form = vm.form();
        ChoiceBox<String> dataset = new ChoiceBox<>(form.datasets());
        dataset.setId("rankings-dataset");
        dataset.setPrefWidth(160);
        dataset.valueProperty().bindBidirectional(form.datasetProperty());
        ChoiceBox<SplitChoice> split = new ChoiceBox<>(form.splits());
        split.setId("rankings-split");
        split.setPrefWidth(155);
        split.valueProperty().bindBidirectional(form.splitProperty());
        ChoiceBox<ModeChoice> mode = new ChoiceBox<>(form.modes());
        mode.setId("rankings-mode");
        mode.setPrefWidth(180);
        mode.valueProperty().bindBidirectional(form.modeProperty());
        Spinner<Integer> k = new Spinner<>(1, 1000, form.kProperty().get());
        k.setId("rankings-k");
        k.setEditable(true);
        k.setPrefWidth(84);
        k.setMinWidth(Region.USE_PREF_SIZE);
        k.valueProperty().addListener((o, was, is) -> {
            if (is != null) {
                form.kProperty().set(is);
            }
        });
        form.kProperty().addListener((o, was, is) -> k.getValueFactory().setValue(is.intValue()));
        TextField seed = new TextField();
        seed.setId("rankings-seed");
        seed.setPrefColumnCount(5);
        seed.textProperty().bindBidirectional(form.seedProperty());

        FlowPane models = new FlowPane(10, 4);
        models.setId("rankings-models");
        Runnable fill = () -> {
            List<Node> boxes = new ArrayList<>();
            for (ModelChoice m : form.models()) {
                CheckBox c = new CheckBox(m.name());
                c.setId("rankings-model-" + m.name());
                c.selectedProperty().bindBidirectional(m.selected());
                boxes.add(c);
            }
            models.getChildren().setAll(boxes);
        };
        form.models().addListener((ListChangeListener<ModelChoice>) c -> {
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
        HBox choices = row(label("Dataset"), dataset, label("Split"), split, label("Mode"), mode, label("K"), k,
                label("Seed"), seed);

        Label status = JobControls.success("rankings-status", vm.statusProperty(), vm.runningProperty());
        HBox filters = row(label("Filters: rating ≥"), field("rankings-min-rating", 3, form.minRatingProperty()),
                label("users with ≥"), field("rankings-min-user", 3, form.minUserInteractionsProperty()),
                label("items with ≥"), field("rankings-min-item", 3, form.minItemInteractionsProperty()),
                synthetic(form), label("score"), field("rankings-max-users", 4, form.maxUsersProperty()),
                label("users (blank: all)"));
        HBox run = row(label("Models"), models, evaluate, cancel);
        HBox progress = row(bar, job, status);
        progress.managedProperty().bind(vm.runningProperty().or(status.visibleProperty()));

        Label protocol = new Label(null, new FontIcon(Feather.INFO));
        protocol.setId("rankings-protocol");
        protocol.textProperty().bind(form.protocolLineProperty());
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
        return new VBox(4, choices, filters, run, protocol, progress, error);
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

    static HBox row(Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    static Label label(String text) {
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

    private static CheckBox synthetic(EvaluationFormViewModel form) {
        CheckBox c = new CheckBox("with accepted synthetic");
        c.setId("rankings-with-synthetic");
        c.setTooltip(new javafx.scene.control.Tooltip("Accepted synthetic interactions join training (never the test)"));
        c.selectedProperty().bindBidirectional(form.withSyntheticProperty());
        return c;
    }
}
