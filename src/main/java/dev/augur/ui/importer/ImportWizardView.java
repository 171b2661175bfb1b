package dev.augur.ui.importer;

import dev.augur.core.dataset.OnError;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;

/** The import wizard's layout: source, detected format and preview, options, then progress with cancel. */
public final class ImportWizardView {
    private final VBox root;

    public ImportWizardView(ImportWizardViewModel vm) {
        Label step1 = heading("1 · Source");
        Button file = new Button("File…");
        file.setId("wizard-file");
        Button folder = new Button("Folder…");
        folder.setId("wizard-folder");
        Label path = new Label();
        path.textProperty().bind(vm.sourceProperty().map(p -> p.toString()).orElse("nothing chosen yet"));
        file.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Import a dataset file");
            File f = fc.showOpenDialog(window());
            if (f != null) {
                vm.choose(f.toPath());
            }
        });
        folder.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Import a dataset folder");
            File f = dc.showDialog(window());
            if (f != null) {
                vm.choose(f.toPath());
            }
        });
        HBox sourceRow = new HBox(8, file, folder, path);

        Label step2 = heading("2 · Detected format and first lines");
        Label detected = new Label();
        detected.setId("wizard-detected");
        detected.textProperty().bind(vm.detectedProperty());
        ListView<String> preview = new ListView<>(vm.preview());
        preview.setId("wizard-preview");
        preview.setPrefHeight(180);
        preview.setStyle("-fx-font-family: monospace;");
        preview.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty ? null : line);
                boolean problem = !empty && line != null && line.startsWith(ImportWizardViewModel.PROBLEM);
                setStyle(problem ? "-fx-text-fill: -color-danger-fg; -fx-font-weight: bold;" : "");
            }
        });
        preview.setPrefHeight(240);

        Label step3 = heading("3 · Options");
        TextField name = new TextField();
        name.setId("wizard-name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        ChoiceBox<OnError> policy = new ChoiceBox<>();
        policy.getItems().setAll(OnError.values());
        policy.valueProperty().bindBidirectional(vm.onErrorProperty());
        TextField columns = new TextField();
        columns.setId("wizard-columns");
        columns.setPromptText("user=COL,item=COL,value=COL,timestamp=COL,title=COL,text=COL|COL (empty: from the header)");
        columns.textProperty().bindBidirectional(vm.columnsProperty());
        columns.disableProperty().bind(vm.csvProperty().not());
        GridPane options = new GridPane();
        options.setHgap(8);
        options.setVgap(6);
        options.addRow(0, fixed("Dataset name"), name);
        options.addRow(1, fixed("On a bad line"), policy, fixed("ABORT writes nothing; SKIP imports the rest and lists the problems"));
        options.addRow(2, fixed("CSV columns"), columns);
        GridPane.setHgrow(columns, Priority.ALWAYS);

        Label step4 = heading("4 · Import");
        Button start = new Button("Import");
        start.setId("wizard-import");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(vm.canImportProperty().not().or(vm.runningProperty()));
        start.setOnAction(e -> vm.start());
        Button cancel = new Button("Cancel import");
        cancel.setId("wizard-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar(0);
        bar.setPrefWidth(260);
        bar.progressProperty().bind(vm.progressProperty());
        Label status = new Label();
        status.setId("wizard-status");
        status.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.setId("wizard-error");
        error.setWrapText(true);
        error.getStyleClass().add("danger");
        error.textProperty().bind(vm.errorProperty());
        HBox run = new HBox(8, start, cancel, bar, status);

        root = new VBox(8, step1, sourceRow, step2, detected, preview, step3, options, step4, run, error);
        root.setPadding(new Insets(16));
        root.setPrefWidth(860);
        root.setStyle("-fx-background-color: -color-bg-default;"); // its own window: paint the theme's background
        name.setPrefColumnCount(30);
        columns.setPrefColumnCount(40);
    }

    public Parent root() {
        return root;
    }

    private static Label fixed(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title-4");
        return l;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
