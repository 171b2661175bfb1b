package dev.augur.ui.settings;

import dev.augur.core.encode.DeviceChoice;
import dev.augur.ui.settings.SettingsViewModel.EncoderRow;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
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

import java.util.function.Function;

/** The Settings section: the encoders Augur ships, the default encoder and device, and where encoding runs. */
public final class SettingsView {
    private final VBox root;

    public SettingsView(SettingsViewModel vm) {
        Label heading = new Label("Settings");
        heading.getStyleClass().add("title-2");
        Label sub = new Label("Encoders and devices. LLM connections come later; the theme switch is in the View menu.");
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

        root = new VBox(10, heading, sub, encodersTitle, table, form, note);
        root.setId("settings-page");
        root.setAlignment(Pos.TOP_LEFT);
        root.setPadding(new Insets(16, 20, 12, 20));
        VBox.setVgrow(table, Priority.NEVER);
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
