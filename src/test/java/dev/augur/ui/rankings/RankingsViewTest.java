package dev.augur.ui.rankings;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.ItemSelection;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.augur.ui.UiFixtures.fx;
import static dev.augur.ui.UiFixtures.waitFx;
import static org.assertj.core.api.Assertions.assertThat;

/** The Rankings section on a stage, headless: evaluate by button, the columns, linking, the two tables. */
@ExtendWith(ApplicationExtension.class)
class RankingsViewTest {
    @TempDir
    Path dir;

    private TaskExecutor tasks;
    private final ItemSelection selection = new ItemSelection();
    private RankingsViewModel vm;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        tasks = new TaskExecutor(2);
        vm = new RankingsViewModel(tasks, ModelSession.Source.of(RankingsFixtures.recommenders()), selection, 2);
        stage.setScene(new Scene(new RankingsView(vm).root(), 1200, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    private void openAndEvaluate(FxRobot robot, String seed) throws Exception {
        fx(() -> {
            vm.form().splitProperty().set(SplitChoice.LEAVE_LAST_OUT);
            vm.form().seedProperty().set(seed);
        });
        UserPanelViewModel shown = vm.userPanel();
        long before = fx(() -> shown.runProperty().get() == null ? -1 : shown.runProperty().get().runId());
        robot.clickOn("#rankings-evaluate");
        waitFx(60, () -> !vm.runningProperty().get() && shown.runProperty().get() != null
                && shown.runProperty().get().runId() != before && shown.panelProperty().get() != null
                && shown.columns().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static ListView<ItemCard> column(FxRobot robot, String model) {
        return robot.lookup("#column-" + model).queryAs(ListView.class);
    }

    /** The shown cell of {@code item} in {@code list}, scrolled into view first. */
    private static Optional<CardCell> cell(FxRobot robot, ListView<ItemCard> list, int item) throws Exception {
        int index = fx(() -> {
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i).item() == item) {
                    return i;
                }
            }
            return -1;
        });
        if (index < 0) {
            return Optional.empty();
        }
        fx(() -> list.scrollTo(index));
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> list.lookupAll(".list-cell").stream().filter(n -> n instanceof CardCell c && !c.isEmpty()
                && c.getItem() != null && c.getItem().item() == item).map(n -> (CardCell) n).findFirst());
    }

    /** Whether a table cell shows {@code text}, as its text or as its wrapped text. */
    private static boolean shows(Node n, String text) {
        if (!(n instanceof javafx.scene.control.TableCell<?, ?> c)) {
            return false;
        }
        String shown = c.getText() != null ? c.getText()
                : c.getGraphic() instanceof javafx.scene.text.Text t ? t.getText() : null;
        return shown != null && shown.contains(text);
    }

    @Test
    void evaluatesShowsColumnsMarksHeldOutAndLinksItemsAcrossColumns(FxRobot robot) throws Exception {
        Path file = RankingsFixtures.shopLog(dir.resolve("shop.augur"));
        List<DatasetInfo> datasets;
        try (Workspace ws = Workspace.open(file)) {
            datasets = ws.read().datasets();
        }
        assertThat(robot.lookup("#rankings-placeholder").query().isVisible()).isTrue();
        fx(() -> vm.open(file, datasets));
        waitFx(20, () -> !vm.form().models().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        // pop and the test's co-occurrence model, whatever else the registry offers
        for (ModelChoice m : vm.form().models()) {
            robot.interact(() -> m.selected().set(m.name().equals("pop") || m.name().equals("cooc")));
        }
        assertThat(robot.lookup("#rankings-model-pop").tryQuery()).isPresent();
        assertThat(robot.lookup("#rankings-model-cooc").tryQuery()).isPresent();
        openAndEvaluate(robot, "42");
        assertThat(robot.lookup("#rankings-placeholder").query().isVisible()).isFalse();
        assertThat(robot.lookup("#rankings-protocol").queryAs(Label.class).getText())
                .contains("leave-last-out").contains("seed 42");

        ListView<ItemCard> pop = column(robot, "pop");
        ListView<ItemCard> cooc = column(robot, "cooc");
        assertThat(pop.getItems()).hasSize(10);
        assertThat(cooc.getItems()).hasSize(10);
        ListView<?> heldOut = robot.lookup("#rankings-held-out").queryAs(ListView.class);
        assertThat(heldOut.getItems()).isNotEmpty();

        // a held-out item in a column is drawn as held out, and says so
        ItemCard hit = cooc.getItems().stream().filter(ItemCard::heldOut).findFirst().orElseThrow();
        CardCell hitCell = cell(robot, cooc, hit.item()).orElseThrow();
        assertThat(hitCell.getPseudoClassStates()).contains(CardCell.HELD_OUT);
        assertThat(hitCell.lookupAll(".label")).anyMatch(n -> n.isVisible() && "✓ held out".equals(((Label) n).getText()));
        ItemCard miss = cooc.getItems().stream().filter(c -> !c.heldOut()).findFirst().orElseThrow();
        assertThat(cell(robot, cooc, miss.item()).orElseThrow().getPseudoClassStates()).doesNotContain(CardCell.HELD_OUT);

        // clicking an item in one column marks the same item in the other
        ItemCard shared = cooc.getItems().stream().filter(c -> !c.sharedWith().isEmpty()).findFirst().orElseThrow();
        CardCell clicked = cell(robot, cooc, shared.item()).orElseThrow();
        robot.clickOn(clicked);
        WaitForAsyncUtils.waitForFxEvents();
        CardCell twin = cell(robot, pop, shared.item()).orElseThrow();
        assertThat(twin.getPseudoClassStates()).contains(CardCell.LINKED);
        assertThat(fx(() -> pop.lookupAll(".list-cell").stream().filter(n -> n instanceof CardCell c && c != twin
                && c.getPseudoClassStates().contains(CardCell.LINKED)).count())).isZero();
        assertThat(selection.ids()).containsExactly(shared.recommendation().itemId());

        // the metrics table: one row per model and slice, headed at the run's K
        TableView<MetricRow> metrics = robot.lookup("#metrics-table").queryTableView();
        Set<String> slices = Set.copyOf(metrics.getItems().stream().map(MetricRow::slice).toList());
        assertThat(slices).contains(MetricRow.ALL, "cold-items", "users:6-20");
        assertThat(metrics.getItems()).hasSize(2 * slices.size());
        assertThat(metrics.getColumns()).extracting(c -> c.getText()).contains("Model", "Slice", "ndcg",
                "recall", "gauc", "coverage", "avg pop", "fit s", "eval s");
        assertThat(robot.lookup("#metrics-k").queryAs(javafx.scene.control.ChoiceBox.class).getValue()).isEqualTo(10);
        assertThat(robot.lookup("#metrics-protocol").queryAs(Label.class).getText()).contains("seed 42");

        // a second run under another seed: the experiments table flags it against the first run's pop
        openAndEvaluate(robot, "7");
        TabPane tabs = robot.lookup("#rankings-tabs").queryAs(TabPane.class);
        fx(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<ExperimentRow> experiments = robot.lookup("#experiments-table").queryTableView();
        waitFx(10, () -> experiments.getItems().size() == 4);
        assertThat(experiments.getItems()).filteredOn(ExperimentRow::isFlagged).hasSize(2)
                .allSatisfy(r -> assertThat(r.protocol()).contains("seed 7"));
        assertThat(experiments.getItems()).filteredOn(ExperimentRow::isBaseline).singleElement()
                .satisfies(r -> assertThat(r.key().model()).isEqualTo("pop"));
        assertThat(experiments.getColumns()).extracting(c -> c.getText()).contains("ndcg@10", "Δ", "Δ%", "Protocol",
                "Against baseline");
        Node flagCell = robot.lookup(".table-cell").match(n -> shows(n, "⚠ different protocol: seed")).query();
        assertThat(flagCell.isVisible()).isTrue();
        assertThat(robot.lookup(".table-cell").match(n -> shows(n, "per user leave-last-out by time")).tryQuery())
                .isPresent();
    }
}
