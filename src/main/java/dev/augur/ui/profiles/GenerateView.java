package dev.augur.ui.profiles;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/** The Generate panel: template, target, ids or limit, concurrency; Preview, Estimate, Run and Cancel. */
public final class GenerateView {
    private final VBox root;

    public GenerateView(GenerateViewModel vm) {
        ChoiceBox<String> target = new ChoiceBox<>(vm.targets());
        target.setId("generate-target");
        target.valueProperty().bindBidirectional(vm.targetProperty());
        ChoiceBox<String> template = new ChoiceBox<>(vm.templates());
        template.setId("generate-template");
        template.setMinWidth(220);
        template.valueProperty().bindBidirectional(vm.templateProperty());
        TextField ids = new TextField();
        ids.setId("generate-ids");
        ids.setPromptText("k1, k2, … (optional)");
        ids.textProperty().bindBidirectional(vm.idsProperty());
        Spinner<Integer> limit = new Spinner<>(0, 1_000_000, vm.limitProperty().get(), 10);
        limit.setId("generate-limit");
        limit.setEditable(true);
        limit.valueProperty().addListener((o, was, is) -> vm.limitProperty().set(is == null ? 0 : is));
        limit.disableProperty().bind(vm.idsProperty().isNotEmpty());
        Spinner<Integer> concurrency = new Spinner<>(1, 64, vm.concurrencyProperty().get());
        concurrency.setId("generate-concurrency");
        concurrency.setEditable(true);
        concurrency.valueProperty().addListener((o, was, is) -> vm.concurrencyProperty().set(is == null ? 1 : is));

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        form.addRow(0, label("Target"), target, label("Template"), template);
        form.addRow(1, label("Ids"), ids, label("Limit (0 = all)"), limit);
        form.addRow(2, label("Concurrency"), concurrency);

        Label llm = new Label();
        llm.setId("generate-llm");
        llm.setWrapText(true);
        llm.getStyleClass().add("text-muted");
        llm.textProperty().bind(vm.llmLineProperty());

        Button preview = new Button("Preview");
        preview.setId("generate-preview");
        preview.setOnAction(e -> vm.preview());
        Button estimate = new Button("Estimate");
        estimate.setId("generate-estimate");
        estimate.setOnAction(e -> vm.estimate());
        Button run = new Button("Run");
        run.setId("generate-run");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.llmConfiguredProperty().not().or(vm.runningProperty())
                .or(vm.templateProperty().isNull()));
        Button cancel = new Button("Cancel");
        cancel.setId("generate-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());
        ProgressBar progress = new ProgressBar();
        progress.setId("generate-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        HBox actions = new HBox(8, preview, estimate, run, cancel, progress);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label estimateLine = line("generate-estimate-line", vm.estimateLineProperty(), "text-muted");
        Label jobLine = line("generate-job-line", vm.jobLineProperty(), "text-muted");
        jobLine.visibleProperty().bind(vm.runningProperty());
        jobLine.managedProperty().bind(vm.runningProperty());
        Label report = line("generate-report", vm.reportLineProperty(), "success");
        Label error = line("generate-error", vm.errorProperty(), "danger");

        Label previewTitle = line("generate-preview-title", vm.previewTitleProperty(), "text-muted");
        TextArea system = readOnly("generate-system");
        system.textProperty().bind(vm.previewSystemProperty());
        system.setPrefRowCount(4);
        TextArea user = readOnly("generate-user");
        user.textProperty().bind(vm.previewUserProperty());
        user.setPrefRowCount(12);
        VBox.setVgrow(user, Priority.ALWAYS);

        root = new VBox(8, form, llm, actions, estimateLine, jobLine, report, error, previewTitle,
                new Label("System"), system, new Label("User"), user);
        root.setId("generate-panel");
        root.setPadding(new Insets(8));
        root.setPrefWidth(820);
    }

    private static Label line(String id, javafx.beans.value.ObservableValue<String> text, String style) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        l.textProperty().bind(text);
        l.visibleProperty().bind(Bindings.createBooleanBinding(() -> text.getValue() != null
                && !text.getValue().isEmpty(), text));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static TextArea readOnly(String id) {
        TextArea t = new TextArea();
        t.setId(id);
        t.setEditable(false);
        t.setWrapText(true);
        t.setStyle("-fx-font-family: monospace;");
        return t;
    }

    public Parent root() {
        return root;
    }

    /** Shows the panel in a non-modal dialog; a job keeps running when it is closed (see the Jobs view). */
    public static void show(GenerateViewModel vm, Window owner) {
        vm.refreshLlm();
        vm.loadTemplates();
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Generate profiles");
        dialog.setHeaderText(null);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.NONE);
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(new GenerateView(vm).root());
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }

    /** Form labels keep their whole text; the fields give way instead. */
    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }
}
