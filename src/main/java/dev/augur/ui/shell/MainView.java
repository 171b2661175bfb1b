package dev.augur.ui.shell;

import dev.augur.ui.datasets.DatasetsView;
import dev.augur.ui.embeddings.EmbeddingsView;
import dev.augur.ui.jobs.JobsView;
import dev.augur.ui.profiles.ProfilesView;
import dev.augur.ui.rankings.RankingsView;
import dev.augur.ui.review.ReviewView;
import dev.augur.ui.settings.SettingsView;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** The main window: menu, navigation rail, the current section, and a status bar showing the latest job. */
public final class MainView {
    private static final Map<Section, Feather> ICONS = new EnumMap<>(Map.of(
            Section.DATASETS, Feather.DATABASE, Section.PROFILES, Feather.USERS, Section.EMBEDDINGS, Feather.MAP,
            Section.RANKINGS, Feather.BAR_CHART_2, Section.REVIEW, Feather.CHECK_SQUARE,
            Section.ASSISTANT, Feather.MESSAGE_SQUARE, Section.JOBS, Feather.ACTIVITY, Section.SETTINGS, Feather.SETTINGS));

    private final MainViewModel vm;
    private final BorderPane root = new BorderPane();
    private final Map<Section, Node> pages = new EnumMap<>(Section.class);

    public MainView(MainViewModel vm) {
        this.vm = vm;
        pages.put(Section.DATASETS, new DatasetsView(vm.datasets()).root());
        pages.put(Section.PROFILES, new ProfilesView(vm.profiles()).root());
        pages.put(Section.JOBS, new JobsView(vm.jobs()).root());
        pages.put(Section.EMBEDDINGS, new EmbeddingsView(vm.vectors(), vm.map(), Section.EMBEDDINGS.emptyState()).root());
        pages.put(Section.RANKINGS, new RankingsView(vm.rankings()).root());
        pages.put(Section.REVIEW, new ReviewView(vm.review()).root());
        pages.put(Section.SETTINGS, new SettingsView(vm.settingsPage()).root());
        for (Section s : Section.values()) {
            pages.computeIfAbsent(s, MainView::emptyState);
        }
        StackPane center = new StackPane();
        center.setId("section-content");
        vm.sectionProperty().addListener((o, was, is) -> center.getChildren().setAll(pages.get(is)));
        center.getChildren().setAll(pages.get(vm.sectionProperty().get()));

        root.setTop(menus());
        root.setLeft(rail());
        root.setCenter(center);
        root.setBottom(statusBar());
        vm.lastErrorProperty().addListener((o, was, is) -> {
            if (is != null && !is.isEmpty()) {
                Alert a = new Alert(Alert.AlertType.ERROR, is);
                a.setHeaderText("Something went wrong");
                a.initOwner(window());
                a.show();
                vm.lastErrorProperty().set("");
            }
        });
    }

    public Parent root() {
        return root;
    }

    private MenuBar menus() {
        MenuItem newWs = item("New workspace…", "Shortcut+N", () -> chooseSave().ifPresent(vm::newWorkspace));
        MenuItem open = item("Open workspace…", "Shortcut+O", () -> chooseOpen().ifPresent(vm::openWorkspace));
        Menu recent = new Menu("Open recent");
        Runnable fillRecent = () -> recent.getItems().setAll(vm.recent().stream()
                .map(p -> item(p, null, () -> vm.openWorkspace(Path.of(p)))).toList());
        vm.recent().addListener((javafx.collections.ListChangeListener<String>) c -> fillRecent.run());
        fillRecent.run();
        MenuItem wizard = item("Import…", "Shortcut+I", this::openImportWizard);
        MenuItem importFile = item("Import file directly…", null, () -> chooseImportFile().ifPresent(vm::importPath));
        MenuItem importFolder = item("Import folder…", "Shortcut+Shift+I", () -> chooseImportFolder().ifPresent(vm::importPath));
        MenuItem quit = item("Quit", "Shortcut+Q", () -> window().hide());
        Menu file = new Menu("File", null, newWs, open, recent, new javafx.scene.control.SeparatorMenuItem(),
                wizard, importFile, importFolder, new javafx.scene.control.SeparatorMenuItem(), quit);
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        dark.selectedProperty().bindBidirectional(vm.darkProperty());
        Menu view = new Menu("View", null, dark);
        for (Section s : Section.values()) {
            view.getItems().add(item(s.label(), "Shortcut+" + (s.ordinal() + 1), () -> vm.sectionProperty().set(s)));
        }
        MenuBar bar = new MenuBar(file, view);
        bar.setId("menu-bar");
        return bar;
    }

    private VBox rail() {
        ToggleGroup group = new ToggleGroup();
        VBox rail = new VBox(4);
        rail.setId("navigation-rail");
        rail.setPadding(new Insets(12, 8, 12, 8));
        rail.getStyleClass().add("navigation-rail");
        rail.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: -color-border-default; -fx-border-width: 0 1 0 0;");
        for (Section s : Section.values()) {
            ToggleButton b = new ToggleButton(s.label(), new FontIcon(ICONS.get(s)));
            b.setId("nav-" + s.name().toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.getStyleClass().add("flat");
            b.setSelected(vm.sectionProperty().get() == s);
            b.setOnAction(e -> {
                vm.sectionProperty().set(s);
                b.setSelected(true);
            });
            vm.sectionProperty().addListener((o, was, is) -> b.setSelected(is == s));
            rail.getChildren().add(b);
        }
        rail.setPrefWidth(160);
        return rail;
    }

    private HBox statusBar() {
        Label workspace = new Label();
        workspace.setId("workspace-label");
        workspace.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(vm::describeWorkspace,
                vm.workspaceProperty()));
        Label job = new Label();
        job.setId("job-status");
        job.textProperty().bind(vm.jobs().latestProperty());
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(140);
        bar.progressProperty().bind(vm.jobs().latestProgressProperty());
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox status = new HBox(12, workspace, spacer, job, bar);
        status.setAlignment(Pos.CENTER_LEFT);
        status.setPadding(new Insets(4, 12, 4, 12));
        status.setStyle("-fx-border-color: -color-border-default; -fx-border-width: 1 0 0 0;");
        return status;
    }

    private static Node emptyState(Section s) {
        FontIcon icon = new FontIcon(ICONS.get(s));
        icon.setIconSize(48);
        Label title = new Label(s.label());
        title.getStyleClass().add("title-2");
        Label text = new Label(s.emptyState());
        text.setWrapText(true);
        text.setMaxWidth(520);
        text.getStyleClass().add("text-muted");
        VBox box = new VBox(12, icon, title, text);
        box.setAlignment(Pos.CENTER);
        box.setId("empty-" + s.name().toLowerCase(java.util.Locale.ROOT));
        return box;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    /** Opens the import wizard in its own window over the main one. */
    public void openImportWizard() {
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.setTitle("Import a dataset");
        stage.initOwner(window());
        stage.setScene(new javafx.scene.Scene(new dev.augur.ui.importer.ImportWizardView(vm.importWizard()).root()));
        stage.show();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private java.util.Optional<Path> chooseSave() {
        FileChooser fc = new FileChooser();
        fc.setTitle("New workspace");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Augur workspace", "*.augur"));
        return java.util.Optional.ofNullable(fc.showSaveDialog(window())).map(File::toPath);
    }

    private java.util.Optional<Path> chooseOpen() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open workspace");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Augur workspace", "*.augur"));
        return java.util.Optional.ofNullable(fc.showOpenDialog(window())).map(File::toPath);
    }

    private java.util.Optional<Path> chooseImportFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Import a dataset file");
        return java.util.Optional.ofNullable(fc.showOpenDialog(window())).map(File::toPath);
    }

    private java.util.Optional<Path> chooseImportFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Import a dataset folder");
        return java.util.Optional.ofNullable(dc.showDialog(window())).map(File::toPath);
    }
}
