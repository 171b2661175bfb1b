package dev.augur.ui.review;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Review section: a header with the annotator, and three tabs: the keyboard-first queue, the batches for
 * several annotators with their agreement, and the effect of the accepted interactions on the models.
 */
public final class ReviewView {
    private final ReviewViewModel vm;
    private final StackPane root = new StackPane();
    private final QueuePane queue;
    private final TabPane tabs;
    private TextInputDialog annotatorDialog;

    public ReviewView(ReviewViewModel vm) {
        this.vm = vm;
        root.setId("review");
        queue = new QueuePane(vm);
        Tab queueTab = new Tab("Queue", queue.root());
        queueTab.setId("review-tab-queue");
        Tab batchesTab = new Tab("Batches", new BatchesPane(vm.batches()).root());
        batchesTab.setId("review-tab-batches");
        Tab effectTab = new Tab("Effect", new EffectPane(vm.effect()).root());
        effectTab.setId("review-tab-effect");
        tabs = new TabPane(queueTab, batchesTab, effectTab);
        tabs.setId("review-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is == queueTab) {
                Platform.runLater(queue::focus);
            } else if (is == batchesTab) {
                vm.batches().refresh();
            }
        });
        BorderPane main = new BorderPane(tabs);
        main.setTop(header());
        Node empty = emptyState();
        empty.visibleProperty().bind(vm.page().emptyProperty());
        main.visibleProperty().bind(vm.page().emptyProperty().not());
        root.getChildren().setAll(main, empty);
        // the queue takes the keys whenever the section is shown; the name is asked for once there is work
        root.sceneProperty().addListener((o, was, is) -> {
            if (is != null) {
                Platform.runLater(() -> {
                    if (tabs.getSelectionModel().getSelectedItem() == queueTab) {
                        queue.focus();
                    }
                    askAnnotatorIfNeeded();
                });
            }
        });
        vm.annotator().neededProperty().addListener((o, was, is) -> {
            if (is) {
                Platform.runLater(this::askAnnotatorIfNeeded);
            }
        });
    }

    public Parent root() {
        return root;
    }

    private VBox header() {
        Label heading = new Label("Review");
        heading.getStyleClass().add("title-2");
        Label sub = new Label("LLM-proposed interactions for cold-start and long-tail items: accept, reject or correct"
                + " each from the keyboard. Every decision is saved at once with who, when, before and after.");
        sub.getStyleClass().add("text-muted");
        sub.setWrapText(true);
        Label who = new Label();
        who.setId("review-annotator");
        who.setMinWidth(Region.USE_PREF_SIZE);
        who.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.annotator().nameProperty().get()
                .isEmpty() ? "Annotator: not set" : "Annotator: " + vm.annotator().nameProperty().get(), vm.annotator().nameProperty()));
        Button change = new Button("Change…", new FontIcon(Feather.USER));
        change.setId("review-change-annotator");
        change.setMinWidth(Region.USE_PREF_SIZE);
        change.setOnAction(e -> askAnnotator());
        HBox titleRow = new HBox(12, heading, spacer(), who, change);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, titleRow, sub);
        top.setPadding(new Insets(16, 20, 8, 20));
        return top;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private void askAnnotatorIfNeeded() {
        if (vm.annotator().neededProperty().get() && root.getScene() != null && root.getScene().getWindow() != null
                && root.getScene().getWindow().isShowing()) {
            askAnnotator();
        }
    }

    /** The name dialog; one at a time. Cancelling leaves the name unset (decisions then ask again). */
    private void askAnnotator() {
        if (annotatorDialog != null) {
            return;
        }
        TextInputDialog d = new TextInputDialog(vm.annotator().nameProperty().get());
        d.setTitle("Annotator");
        d.setHeaderText("Who is reviewing in this workspace?");
        d.setContentText("Your name (saved with every decision):");
        d.getEditor().setId("review-annotator-name");
        if (root.getScene() != null) {
            d.initOwner(root.getScene().getWindow());
        }
        annotatorDialog = d;
        d.setOnHidden(e -> {
            annotatorDialog = null;
            String name = d.getResult();
            if (name != null && !name.isBlank()) {
                vm.annotator().set(name);
            }
            queue.focus();
        });
        d.show();
    }

    private Node emptyState() {
        FontIcon icon = new FontIcon(Feather.CHECK_SQUARE);
        icon.setIconSize(48);
        Label title = new Label("Review");
        title.getStyleClass().add("title-2");
        Label text = new Label(howToMake());
        text.setId("review-how-to");
        text.setWrapText(true);
        text.setMaxWidth(640);
        text.getStyleClass().add("text-muted");
        VBox box = new VBox(12, icon, title, text);
        box.setAlignment(Pos.CENTER);
        box.setId("empty-review");
        return box;
    }

    /** How to get proposals into the queue, for the empty state. */
    public static String howToMake() {
        return "No synthetic interactions in this dataset yet. The LLM proposes them for cold-start and long-tail"
                + " items or thin users; another pipeline's proposals can be imported:\n\n"
                + "  augur synth --workspace FILE.augur --target cold-items --limit 200 --base-url URL --model NAME\n"
                + "  augur synth import proposals.csv --workspace FILE.augur\n\n"
                + "They wait here as pending until accepted; only accepted ones ever join training.";
    }
}
