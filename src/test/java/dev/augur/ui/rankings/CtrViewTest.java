package dev.augur.ui.rankings;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.ItemSelection;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
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

import static dev.augur.ui.UiFixtures.fx;
import static dev.augur.ui.UiFixtures.waitFx;
import static org.assertj.core.api.Assertions.assertThat;

/** The CTR tab on a stage, headless: run by button, the papers' table, the stored run listed. */
@ExtendWith(ApplicationExtension.class)
class CtrViewTest {
    @TempDir
    Path dir;

    private TaskExecutor tasks;
    private RankingsViewModel vm;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        tasks = new TaskExecutor(2);
        vm = new RankingsViewModel(tasks, ModelSession.Source.of(RankingsFixtures.recommenders()), new ItemSelection(),
                2);
        stage.setScene(new Scene(new RankingsView(vm).root(), 1200, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    /** The text a table cell shows in column {@code column} of the row of {@code variant}. */
    private static String cell(FxRobot robot, String variant, String column) throws Exception {
        TableView<CtrRow> table = robot.lookup("#ctr-table").queryTableView();
        return fx(() -> {
            int row = -1;
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).variant().equals(variant)) {
                    row = i;
                }
            }
            int at = row;
            return table.lookupAll(".table-cell").stream().map(n -> (TableCell<?, ?>) n)
                    .filter(c -> c.getIndex() == at && c.getTableColumn() != null
                            && c.getTableColumn().getText().equals(column))
                    .findFirst().orElseThrow().getText();
        });
    }

    @Test
    void runsTheComparisonByButtonAndShowsTheVariantsAndTheStoredRun(FxRobot robot) throws Exception {
        Path file = CtrFixtures.moods(dir);
        List<DatasetInfo> datasets;
        try (Workspace ws = Workspace.open(file)) {
            datasets = ws.read().datasets();
        }
        fx(() -> vm.open(file, datasets));
        TabPane tabs = robot.lookup("#rankings-tabs").queryAs(TabPane.class);
        fx(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        CtrViewModel ctr = vm.ctr();
        waitFx(20, () -> ctr.canRun().get());
        // no vectors in this dataset: text cannot be added; the generated attributes can
        assertThat(robot.lookup("#ctr-feature-text").queryAs(CheckBox.class).isDisabled()).isTrue();
        CheckBox attributes = robot.lookup("#ctr-feature-attributes").queryAs(CheckBox.class);
        assertThat(attributes.isDisabled()).isFalse();
        assertThat(attributes.isSelected()).isTrue();
        robot.clickOn("#ctr-split");
        robot.clickOn(SplitChoice.COLD_ITEMS.toString());
        assertThat(vm.form().splitProperty().get()).isEqualTo(SplitChoice.COLD_ITEMS); // the top bar's split too

        robot.clickOn("#ctr-run");
        waitFx(120, () -> !ctr.runningProperty().get() && ctr.rows().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ctr.errorProperty().get()).isEmpty();
        TableView<CtrRow> table = robot.lookup("#ctr-table").queryTableView();
        assertThat(table.getColumns()).extracting(c -> c.getText()).containsExactly("Variant", "Features", "AUC",
                "ΔAUC", "RelaImpr", "GAUC", "LogLoss", "ΔLogLoss %", "Epochs", "Fit s");
        assertThat(cell(robot, "base", "Features")).isEqualTo("ids+categories");
        assertThat(cell(robot, "base", "RelaImpr")).isNull(); // the base has no gain over itself
        assertThat(cell(robot, "+attributes", "Variant")).isEqualTo("+attributes");
        assertThat(cell(robot, "+attributes", "RelaImpr")).startsWith("+").endsWith("%");
        assertThat(cell(robot, "+attributes", "ΔLogLoss %")).startsWith("-");
        assertThat(cell(robot, "+attributes", "AUC")).matches("0\\.\\d{4}");
        Node relaImpr = robot.lookup(".table-cell").match(n -> n instanceof TableCell<?, ?> c
                && c.getTableColumn() != null && c.getTableColumn().getText().equals("RelaImpr")
                && c.getText() != null).query();
        assertThat(relaImpr.isVisible()).isTrue();

        ListView<?> runs = robot.lookup("#ctr-runs").queryAs(ListView.class);
        assertThat(runs.getItems()).hasSize(1);
        assertThat(runs.getSelectionModel().getSelectedIndex()).isZero();
        long runId = ctr.runs().get(0).runId();
        assertThat(robot.lookup("#ctr-result-line").queryAs(Label.class).getText())
                .startsWith("Run #" + runId + " · FM k=16 · label = value ≥ 4 · cold-start items");
        assertThat(robot.lookup("#ctr-status").queryAs(Label.class).getText()).isEqualTo("Stored as run #" + runId + ".");
    }
}
