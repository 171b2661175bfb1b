package dev.augur.ui.profiles;

import dev.augur.core.store.Generation;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/** The Profiles section: filters, the paged generations, the source data beside the selected output, a diff. */
public final class ProfilesView {
    private final StackPane root = new StackPane();

    public ProfilesView(ProfilesViewModel vm) {
        root.setId("profiles");
        BorderPane main = new BorderPane();
        Label heading = new Label("Profiles");
        heading.getStyleClass().add("title-2");
        Label sub = new Label("LLM-generated user and item profiles beside their source data: every generation kept with"
                + " its provenance; approve, reject, edit as a new version, compare two.");
        sub.getStyleClass().add("text-muted");
        sub.setWrapText(true);
        VBox top = new VBox(4, heading, sub, filters(vm));
        top.setPadding(new Insets(16, 20, 0, 20));
        main.setTop(top);
        SplitPane body = new SplitPane(list(vm), detail(vm));
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.35);
        main.setCenter(body);
        Node empty = emptyState(vm);
        empty.visibleProperty().bind(vm.emptyProperty());
        main.visibleProperty().bind(vm.emptyProperty().not());
        root.getChildren().setAll(main, empty);
    }

    public Parent root() {
        return root;
    }

    private static HBox filters(ProfilesViewModel vm) {
        ProfilesFilter f = vm.filter();
        HBox bar = new HBox(8,
                label("Dataset"), choice("profiles-dataset", f.datasets(), f.datasetProperty()),
                label("Target"), choice("profiles-target", f.targets(), f.targetProperty()),
                label("Status"), choice("profiles-status", f.statuses(), f.statusProperty()),
                label("Review"), choice("profiles-review", f.reviewStatuses(), f.reviewStatusProperty()),
                label("Template"), choice("profiles-template", f.templates(), f.templateProperty()));
        bar.getChildren().add(generateButton(vm, "profiles-generate"));
        Label error = new Label();
        error.setId("profiles-error");
        error.getStyleClass().add("danger");
        error.textProperty().bind(vm.errorProperty());
        bar.getChildren().add(error);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 0, 8, 0));
        return bar;
    }

    private static Button generateButton(ProfilesViewModel vm, String id) {
        Button b = new Button("Generate…", new FontIcon(Feather.ZAP));
        b.setId(id);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setOnAction(e -> GenerateView.show(vm.generate(), b.getScene() == null ? null : b.getScene().getWindow()));
        return b;
    }

    /** A label that keeps its text whole when the bar gets tight (the choices shrink instead). */
    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static ChoiceBox<String> choice(String id, ObservableList<String> values,
                                            javafx.beans.property.ObjectProperty<String> value) {
        ChoiceBox<String> c = new ChoiceBox<>(values);
        c.setId(id);
        c.setMinWidth(80);
        c.valueProperty().bindBidirectional(value);
        return c;
    }

    private static VBox list(ProfilesViewModel vm) {
        TableView<ProfilesViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("profiles-table");
        table.getColumns().add(column("Entity", ProfilesViewModel.Row::entity));
        table.getColumns().add(column("Template", r -> r.generation().templateId()
                + (r.generation().templateVersion() > 0 ? "@" + r.generation().templateVersion() : "")));
        table.getColumns().add(column("Model", r -> r.generation().model()));
        table.getColumns().add(column("Status", r -> r.generation().status()));
        table.getColumns().add(column("Review", r -> r.generation().reviewStatus()));
        table.getColumns().add(column("Provenance", r -> r.generation().provenance()));
        table.getColumns().add(column("Created", r -> r.generation().createdAt()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No generations match these filters."));
        ReadOnlyObjectProperty<ProfilesViewModel.Row> selected = vm.detail().selectedProperty();
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null && (selected.get() == null || selected.get() != is)) {
                vm.select(is);
            }
        });
        selected.addListener((o, was, is) -> {
            if (is != null && table.getSelectionModel().getSelectedItem() != is && table.getItems().contains(is)) {
                table.getSelectionModel().select(is);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Button prev = new Button(null, new FontIcon(Feather.CHEVRON_LEFT));
        prev.setId("profiles-previous");
        prev.setOnAction(e -> vm.previousPage());
        Button next = new Button(null, new FontIcon(Feather.CHEVRON_RIGHT));
        next.setId("profiles-next");
        next.setOnAction(e -> vm.nextPage());
        Label page = new Label();
        page.setId("profiles-page");
        page.textProperty().bind(vm.pageLineProperty());
        HBox pager = new HBox(8, prev, page, next);
        pager.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, table, pager);
        box.setPadding(new Insets(0, 12, 4, 12));
        return box;
    }

    private static TableColumn<ProfilesViewModel.Row, String> column(String title,
                                                                    Function<ProfilesViewModel.Row, String> value) {
        TableColumn<ProfilesViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    private static SplitPane detail(ProfilesViewModel vm) {
        GenerationDetail d = vm.detail();
        GenerationEditor e = vm.editor();
        Label sourceTitle = new Label();
        sourceTitle.setId("profiles-source-title");
        sourceTitle.getStyleClass().add("title-4");
        sourceTitle.textProperty().bind(d.sourceTitleProperty());
        sourceTitle.setWrapText(true);
        TextArea source = readOnly("profiles-source");
        source.textProperty().bind(d.sourceTextProperty());
        VBox left = new VBox(6, sourceTitle, source);
        VBox.setVgrow(source, Priority.ALWAYS);
        left.setPadding(new Insets(8));

        Label provenance = new Label();
        provenance.setId("profiles-provenance");
        provenance.getStyleClass().add("text-muted");
        provenance.setWrapText(true);
        provenance.textProperty().bind(d.provenanceLineProperty());
        TextArea output = readOnly("profiles-output");
        output.textProperty().bind(d.outputProperty());
        output.visibleProperty().bind(e.editingProperty().not());
        output.managedProperty().bind(output.visibleProperty());
        TextArea editor = new TextArea();
        editor.setId("profiles-editor");
        editor.setStyle("-fx-font-family: monospace;");
        editor.textProperty().bindBidirectional(e.textProperty());
        editor.visibleProperty().bind(e.editingProperty());
        editor.managedProperty().bind(editor.visibleProperty());
        VBox.setVgrow(output, Priority.ALWAYS);
        VBox.setVgrow(editor, Priority.ALWAYS);
        Label editError = new Label();
        editError.setId("profiles-edit-error");
        editError.getStyleClass().add("danger");
        editError.setWrapText(true);
        editError.textProperty().bind(e.errorProperty());

        Button approve = button("profiles-approve", "Approve", Feather.CHECK, () -> vm.approve());
        Button reject = button("profiles-reject", "Reject", Feather.X, () -> vm.reject());
        Button edit = button("profiles-edit", "Edit", Feather.EDIT_2, vm::startEdit);
        Button save = button("profiles-save", "Save as new version", Feather.SAVE, () -> vm.saveEdit());
        Button cancel = button("profiles-cancel", "Cancel", null, e::close);
        Button map = button("profiles-show-on-map", "Show on map", Feather.MAP, vm::showOnMap);
        for (Button b : new Button[] {approve, reject, edit}) {
            b.disableProperty().bind(d.hasSelection().not().or(e.editingProperty()));
        }
        for (Button b : new Button[] {save, cancel}) {
            b.visibleProperty().bind(e.editingProperty());
            b.managedProperty().bind(b.visibleProperty());
        }
        map.disableProperty().bind(d.canShowOnMap().not());
        HBox actions = new HBox(8, approve, reject, edit, save, cancel, map);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox generation = new VBox(6, provenance, output, editor, editError, actions);
        generation.setPadding(new Insets(8));

        SplitPane split = new SplitPane(left, generation, compare(vm));
        split.setDividerPositions(0.33, 0.66);
        return split;
    }

    private static VBox compare(ProfilesViewModel vm) {
        GenerationComparison c = vm.compare();
        ChoiceBox<Generation> other = new ChoiceBox<>(c.history());
        other.setId("profiles-compare");
        other.valueProperty().bindBidirectional(c.compareWithProperty());
        other.setConverter(new StringConverter<>() {
            @Override
            public String toString(Generation g) {
                return g == null ? "" : "#" + g.id() + " " + g.provenance() + " " + g.templateId() + " " + g.createdAt();
            }

            @Override
            public Generation fromString(String s) {
                return null;
            }
        });
        other.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(c.history()));
        Label label = new Label();
        label.setId("profiles-diff-label");
        label.getStyleClass().add("text-muted");
        label.textProperty().bind(c.diffLabelProperty());
        TextFlow older = flow("profiles-diff-left", c.diffLeft());
        TextFlow newer = flow("profiles-diff-right", c.diffRight());
        ScrollPane a = scroll(older);
        ScrollPane b = scroll(newer);
        HBox sides = new HBox(8, a, b);
        HBox.setHgrow(a, Priority.ALWAYS);
        HBox.setHgrow(b, Priority.ALWAYS);
        VBox.setVgrow(sides, Priority.ALWAYS);
        VBox box = new VBox(6, new HBox(8, new Label("Compare with"), other), label, sides);
        box.setPadding(new Insets(8));
        return box;
    }

    private static ScrollPane scroll(TextFlow flow) {
        ScrollPane s = new ScrollPane(flow);
        s.setFitToWidth(true);
        s.setMaxWidth(Double.MAX_VALUE);
        return s;
    }

    /** Renders diff tokens into a TextFlow: removed words red and struck through, added words green. */
    static TextFlow flow(String id, ObservableList<WordDiff.Token> tokens) {
        TextFlow flow = new TextFlow();
        flow.setId(id);
        flow.setPadding(new Insets(4));
        Runnable fill = () -> flow.getChildren().setAll(tokens.stream().map(ProfilesView::text).toList());
        tokens.addListener((ListChangeListener<WordDiff.Token>) c -> fill.run());
        fill.run();
        return flow;
    }

    static Text text(WordDiff.Token t) {
        Text x = new Text(t.text() + " ");
        switch (t.kind()) {
            case REMOVED -> {
                x.setFill(Color.web("#cf222e"));
                x.setStrikethrough(true);
            }
            case ADDED -> x.setFill(Color.web("#1a7f37"));
            default -> x.getStyleClass().add("text");
        }
        return x;
    }

    private static TextArea readOnly(String id) {
        TextArea t = new TextArea();
        t.setId(id);
        t.setEditable(false);
        t.setWrapText(true);
        t.setStyle("-fx-font-family: monospace;");
        return t;
    }

    private static Button button(String id, String text, Feather icon, Runnable action) {
        Button b = new Button(text, icon == null ? null : new FontIcon(icon));
        b.setId(id);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Node emptyState(ProfilesViewModel vm) {
        FontIcon icon = new FontIcon(Feather.USERS);
        icon.setIconSize(48);
        Label title = new Label("Profiles");
        title.getStyleClass().add("title-2");
        Label text = new Label(ProfilesViewModel.howToMake());
        text.setId("profiles-how-to");
        text.setWrapText(true);
        text.setMaxWidth(640);
        text.getStyleClass().add("text-muted");
        VBox box = new VBox(12, icon, title, text, generateButton(vm, "profiles-generate-empty"));
        box.setAlignment(Pos.CENTER);
        box.setId("empty-profiles");
        return box;
    }
}
