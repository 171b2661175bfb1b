package dev.augur.ui.embeddings;

import dev.augur.core.encode.DeviceChoice;
import dev.augur.core.encode.EncodeTarget;
import dev.augur.core.store.VectorSetInfo;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;
import java.util.function.Function;

/** The Vectors page: the workspace's vector sets and the form that encodes more, with the job's progress. */
public final class VectorsView {
    private final VBox root;

    /** @param mapHint what the embedding map will show, until it exists */
    public VectorsView(VectorsViewModel vm, String mapHint) {
        Label status = new Label();
        status.setId("vectors-status");
        status.getStyleClass().add("text-muted");
        status.textProperty().bind(vm.statusProperty());

        TableView<VectorSetInfo> table = new TableView<>(vm.sets());
        table.setId("vectors-table");
        table.getColumns().add(text("Dataset", VectorSetInfo::dataset));
        table.getColumns().add(text("Kind", VectorSetInfo::kind));
        table.getColumns().add(text("Model", VectorSetInfo::encoder));
        TableColumn<VectorSetInfo, Number> count = new TableColumn<>("Vectors");
        count.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().count()));
        count.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : String.format(Locale.ROOT, "%,d", n.longValue()));
            }
        });
        count.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(count);
        TableColumn<VectorSetInfo, Number> dims = new TableColumn<>("Dims");
        dims.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().dims()));
        dims.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(dims);
        table.getColumns().add(text("Text (template or field)", VectorSetInfo::field));
        table.getColumns().add(text("Updated", s -> s.updatedAt() == null ? ""
                : s.updatedAt().replace('T', ' ').replaceFirst("(:\\d\\d)(\\.\\d+)?Z$", "$1 UTC")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No vectors in this workspace yet."));
        table.setPrefHeight(200);
        table.setMinHeight(120);

        Label formTitle = new Label("Encode");
        formTitle.getStyleClass().add("title-4");
        ChoiceBox<String> dataset = new ChoiceBox<>(vm.datasets());
        dataset.setId("encode-dataset");
        dataset.valueProperty().bindBidirectional(vm.datasetProperty());
        ChoiceBox<EncodeTarget> target = new ChoiceBox<>(vm.targets());
        target.setId("encode-target");
        target.setConverter(converter(t -> t.id().replace('-', ' ')));
        target.valueProperty().bindBidirectional(vm.targetProperty());
        TextField template = new TextField();
        template.setId("encode-template");
        template.textProperty().bindBidirectional(vm.templateProperty());
        template.disableProperty().bind(vm.templateEnabled().not());
        template.setPromptText("{title}. {categories}. {description}");
        Label templateHelp = new Label("Fields: {title} {description} {categories} {id} {attr.NAME}");
        templateHelp.getStyleClass().add("text-muted");
        ChoiceBox<String> model = new ChoiceBox<>(vm.models());
        model.setId("encode-model");
        model.valueProperty().bindBidirectional(vm.modelProperty());
        ChoiceBox<DeviceChoice> device = new ChoiceBox<>(vm.devices());
        device.setId("encode-device");
        device.setConverter(converter(DeviceChoice::id));
        device.valueProperty().bindBidirectional(vm.deviceProperty());

        Button encode = new Button("Encode", new FontIcon(Feather.PLAY));
        encode.setId("encode-button");
        encode.setDefaultButton(true);
        encode.disableProperty().bind(vm.canEncode().not());
        encode.setOnAction(e -> vm.encode());
        Button cancel = new Button("Cancel", new FontIcon(Feather.X));
        cancel.setId("encode-cancel");
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancel());

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        form.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(200, 480, Double.MAX_VALUE));
        form.addRow(0, new Label("Dataset"), dataset);
        form.addRow(1, new Label("Text"), target);
        form.addRow(2, new Label("Item text template"), template);
        form.add(templateHelp, 1, 3);
        form.addRow(4, new Label("Model"), model);
        form.addRow(5, new Label("Device"), device);
        for (ChoiceBox<?> c : java.util.List.of(dataset, target, model, device)) {
            c.setMinWidth(200);
        }

        ProgressBar bar = new ProgressBar(0);
        bar.setId("encode-progress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(vm.progressProperty());
        Label jobLine = new Label();
        jobLine.setId("encode-job");
        jobLine.textProperty().bind(vm.jobLineProperty());
        HBox progress = new HBox(10, bar, jobLine);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(vm.jobLineProperty().isNotEmpty());
        progress.managedProperty().bind(progress.visibleProperty());
        HBox buttons = new HBox(8, encode, cancel);

        Label report = new Label();
        report.setId("encode-report");
        report.setWrapText(true);
        report.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        report.getStyleClass().add("success");
        report.textProperty().bind(vm.reportProperty());
        report.visibleProperty().bind(vm.reportProperty().isNotEmpty());
        report.managedProperty().bind(report.visibleProperty());
        Label error = new Label();
        error.setId("encode-error");
        error.setWrapText(true);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.getStyleClass().add("danger");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Label hint = new Label(mapHint, new FontIcon(Feather.MAP));
        hint.setId("embeddings-map-hint");
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");

        root = new VBox(10, status, table, formTitle, form, buttons, progress, report, error, hint);
        root.setId("vectors-page");
        root.setPadding(new Insets(12, 0, 0, 0));
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    public Parent root() {
        return root;
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static TableColumn<VectorSetInfo, String> text(String name, Function<VectorSetInfo, String> f) {
        TableColumn<VectorSetInfo, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        return c;
    }
}
