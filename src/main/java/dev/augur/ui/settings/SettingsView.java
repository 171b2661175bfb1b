package dev.augur.ui.settings;

import dev.augur.core.encode.DeviceChoice;
import dev.augur.ui.settings.SettingsViewModel.EncoderRow;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import dev.augur.app.Settings;

import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.util.function.Function;

/** The Settings section: the encoders Augur ships, the default encoder and device, and where encoding runs. */
public final class SettingsView {
    private final VBox root;

    public SettingsView(SettingsViewModel vm) {
        Label heading = new Label("Settings");
        heading.getStyleClass().add("title-2");
        Label sub = new Label("Encoders, devices and the LLM that generates profiles; the theme switch is in the View menu.");
        sub.getStyleClass().add("text-muted");

        Label encodersTitle = new Label("Encoders");
        encodersTitle.getStyleClass().add("title-4");
        TableView<EncoderRow> table = new TableView<>(vm.encoders());
        table.setId("encoders-table");
        table.getColumns().add(text("Id", EncoderRow::id));
        table.getColumns().add(text("Model", EncoderRow::name));
        TableColumn<EncoderRow, Number> dims = new TableColumn<>("Dims");
        dims.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().dims()));
        dims.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(dims);
        table.getColumns().add(text("Pooling", EncoderRow::pooling));
        table.getColumns().add(text("Weights", EncoderRow::weights));
        TableColumn<EncoderRow, String> size = text("Size (MB)", EncoderRow::sizeMb);
        size.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(size);
        table.getColumns().add(text("Licence", EncoderRow::licence));
        table.getColumns().add(text("Bundled", EncoderRow::bundled));
        TableColumn<EncoderRow, String> origin = text("Origin", EncoderRow::origin);
        origin.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setTooltip(empty || s == null ? null : new Tooltip(s));
            }
        });
        table.getColumns().add(origin);
        double[] widths = {100, 175, 60, 80, 80, 90, 95, 80, 200};
        for (int i = 0; i < widths.length; i++) {
            table.getColumns().get(i).setPrefWidth(widths[i]);
            if (i < widths.length - 1) {
                table.getColumns().get(i).setMinWidth(widths[i]); // the origin column gives way, with a tooltip
            }
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(28);
        table.setPrefHeight(28 * vm.encoders().size() + 48); // every row and the header, no scroll bar
        table.setMinHeight(table.getPrefHeight());

        ChoiceBox<String> encoder = new ChoiceBox<>(vm.encoderIds());
        encoder.setId("settings-default-encoder");
        encoder.valueProperty().bindBidirectional(vm.defaultEncoderProperty());
        ChoiceBox<DeviceChoice> device = new ChoiceBox<>(vm.devices());
        device.setId("settings-device");
        device.setConverter(new StringConverter<>() {
            @Override
            public String toString(DeviceChoice d) {
                return d == null ? "" : d.id();
            }

            @Override
            public DeviceChoice fromString(String s) {
                return DeviceChoice.parse(s);
            }
        });
        device.valueProperty().bindBidirectional(vm.deviceProperty());
        Label deviceLine = new Label();
        deviceLine.setId("settings-device-line");
        deviceLine.setWrapText(true);
        deviceLine.textProperty().bind(vm.deviceLineProperty());
        FontIcon cpu = new FontIcon(Feather.CPU);
        deviceLine.setGraphic(cpu);
        vm.deviceErrorProperty().addListener((o, was, is) -> style(deviceLine, is));
        style(deviceLine, vm.deviceErrorProperty().get());

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        form.addRow(0, new Label("Default encoder"), encoder);
        form.addRow(1, new Label("Device"), device);
        form.add(deviceLine, 0, 2, 2, 1);
        Label note = new Label("New encode jobs start with these; each job can still pick another model or device. "
                + "Weights ship inside the app: nothing is downloaded.");
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);

        root = new VBox(10, heading, sub, encodersTitle, table, form, note, llm(vm));
        root.setId("settings-page");
        root.setAlignment(Pos.TOP_LEFT);
        root.setPadding(new Insets(16, 20, 12, 20));
        VBox.setVgrow(table, Priority.NEVER);
    }

    /** The LLM block: provider, server URL + model (or a GGUF file), where the API key comes from. */
    private static VBox llm(SettingsViewModel vm) {
        Label title = new Label("LLM");
        title.getStyleClass().add("title-4");
        ChoiceBox<String> provider = new ChoiceBox<>(vm.llmProviders());
        provider.setId("settings-llm-provider");
        provider.setConverter(new StringConverter<>() {
            @Override
            public String toString(String p) {
                return p == null ? "" : Settings.LLM_GGUF.equals(p) ? "GGUF file in process (llama.cpp)"
                        : "OpenAI-compatible server (Ollama, vLLM, llama.cpp server, LM Studio)";
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        provider.valueProperty().bindBidirectional(vm.llmProviderProperty());
        BooleanBinding http = vm.llmProviderProperty().isNotEqualTo(Settings.LLM_GGUF);

        TextField url = new TextField();
        url.setId("settings-llm-url");
        url.setPrefColumnCount(28);
        url.textProperty().bindBidirectional(vm.llmBaseUrlProperty());
        Button detect = new Button("Detect Ollama");
        detect.setId("settings-llm-detect");
        detect.setOnAction(e -> vm.detectOllama());
        detect.disableProperty().bind(vm.llmBusyProperty());
        ComboBox<String> model = new ComboBox<>(vm.llmModels());
        model.setId("settings-llm-model");
        model.setEditable(true);
        model.setPrefWidth(260);
        model.valueProperty().bindBidirectional(vm.llmModelProperty());
        Button list = new Button("List models");
        list.setId("settings-llm-list");
        list.setOnAction(e -> vm.listModels());
        list.disableProperty().bind(vm.llmBusyProperty());
        Label message = new Label();
        message.setId("settings-llm-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.llmMessageProperty());
        vm.llmErrorProperty().addListener((o, was, is) -> style(message, is));
        style(message, vm.llmErrorProperty().get());

        TextField gguf = new TextField();
        gguf.setId("settings-llm-gguf");
        gguf.setPrefColumnCount(36);
        gguf.textProperty().bindBidirectional(vm.llmGgufProperty());
        Button browse = new Button("Browse…");
        browse.setId("settings-llm-browse");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("GGUF model file");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("GGUF models", "*.gguf"),
                    new FileChooser.ExtensionFilter("All files", "*.*"));
            File f = chooser.showOpenDialog(browse.getScene() == null ? null : browse.getScene().getWindow());
            if (f != null) {
                vm.llmGgufProperty().set(f.getAbsolutePath());
            }
        });

        Label key = new Label();
        key.setId("settings-llm-key");
        key.setWrapText(true);
        key.getStyleClass().add("text-muted");
        key.textProperty().bind(vm.keyLineProperty());

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        Label urlLabel = new Label("Base URL");
        Label modelLabel = new Label("Model");
        Label ggufLabel = new Label("GGUF file");
        HBox urlRow = new HBox(8, url, detect);
        HBox modelRow = new HBox(8, model, list);
        HBox ggufRow = new HBox(8, gguf, browse);
        form.addRow(0, new Label("Provider"), provider);
        form.addRow(1, urlLabel, urlRow);
        form.addRow(2, modelLabel, modelRow);
        form.addRow(3, ggufLabel, ggufRow);
        for (javafx.scene.Node n : new javafx.scene.Node[] {urlLabel, urlRow, modelLabel, modelRow, message}) {
            n.visibleProperty().bind(http);
            n.managedProperty().bind(http);
        }
        for (javafx.scene.Node n : new javafx.scene.Node[] {ggufLabel, ggufRow}) {
            n.visibleProperty().bind(http.not());
            n.managedProperty().bind(http.not());
        }
        VBox box = new VBox(8, title, form, message, key);
        box.setId("settings-llm");
        return box;
    }

    private static void style(Label label, boolean error) {
        label.getStyleClass().removeAll("danger", "text-muted");
        label.getStyleClass().add(error ? "danger" : "text-muted");
    }

    public Parent root() {
        return root;
    }

    private static TableColumn<EncoderRow, String> text(String name, Function<EncoderRow, String> f) {
        TableColumn<EncoderRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        return c;
    }
}
