package dev.augur.ui.review;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.ReviewDecision;
import dev.augur.core.store.SyntheticRow;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskExecutor;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static dev.augur.ui.UiFixtures.fx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Review section, headless, driven from the keyboard: the annotator prompt, A, R, E (type, Enter), U, →, S,
 * and a bulk accept with its confirmation; after each key the store holds the decision and the audit log grows.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewViewTest {
    @TempDir
    Path dir;

    private Stage stage;
    private TaskExecutor tasks;
    private ReviewViewModel vm;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        tasks = new TaskExecutor(2);
        vm = new ReviewViewModel(tasks);
        stage.setScene(new Scene(new ReviewView(vm).root(), 1200, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        vm.close();
        tasks.close();
    }

    private static void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static SyntheticRow stored(Path file, long id) {
        try (Workspace ws = Workspace.open(file)) {
            return ws.synthetic().get(id).orElseThrow();
        }
    }

    private static List<String> actions(ReviewFixtures.Made m) {
        try (Workspace ws = Workspace.open(m.file())) {
            return ws.annotations().auditLog(m.datasetId()).stream().map(ReviewDecision::action).toList();
        }
    }

    private void settled() throws Exception {
        until(() -> fx(() -> !vm.busy().get() && vm.writingProperty().get() == 0));
    }

    @Test
    void theKeyboardFlowCommitsEveryDecisionAsItIsMade(FxRobot robot) throws Exception {
        ReviewFixtures.Made m = ReviewFixtures.shopWithProposals(dir.resolve("shop.augur"));
        List<Long> ids = m.ids();
        List<DatasetInfo> datasets;
        try (Workspace ws = Workspace.open(m.file())) {
            datasets = ws.read().datasets();
        }
        robot.interact(() -> vm.open(m.file(), datasets));

        // asked once: no name is set in this workspace yet
        until(() -> robot.lookup("#review-annotator-name").tryQuery().isPresent());
        robot.clickOn("#review-annotator-name").write("ana").type(KeyCode.ENTER);
        until(() -> "Annotator: ana".equals(robot.lookup("#review-annotator").queryAs(Label.class).getText()));
        try (Workspace ws = Workspace.open(m.file())) {
            assertThat(ws.annotations().annotator()).contains("ana");
        }
        settled();
        assertThat(robot.lookup("#review-key-hints").query().isVisible()).isTrue();
        TableView<SyntheticRow> table = robot.lookup("#review-table").queryTableView();
        until(() -> table.isFocused());
        assertThat(table.getSelectionModel().getSelectedItem().interactionId()).isEqualTo(ids.get(0));

        robot.type(KeyCode.A);
        settled();
        assertThat(stored(m.file(), ids.get(0)).status()).isEqualTo("accepted");
        assertThat(actions(m)).containsExactly("accept");

        robot.type(KeyCode.R);
        settled();
        assertThat(stored(m.file(), ids.get(1)).status()).isEqualTo("rejected");
        assertThat(actions(m)).containsExactly("accept", "reject");

        double proposed = stored(m.file(), ids.get(2)).value();
        robot.type(KeyCode.E);
        TextField editor = robot.lookup("#review-editor").queryAs(TextField.class);
        until(() -> editor.getParent().isVisible() && editor.isFocused()); // the editor's row shows
        robot.write("4").type(KeyCode.ENTER);
        settled();
        assertThat(stored(m.file(), ids.get(2)).status()).isEqualTo("accepted");
        assertThat(stored(m.file(), ids.get(2)).value()).isEqualTo(4.0);
        assertThat(actions(m)).containsExactly("accept", "reject", "edit");
        until(() -> table.isFocused() && !editor.getParent().isVisible());

        robot.type(KeyCode.E);
        until(() -> editor.isFocused());
        robot.write("2").type(KeyCode.ESCAPE); // cancelled: nothing written
        until(() -> table.isFocused());
        assertThat(actions(m)).containsExactly("accept", "reject", "edit");

        robot.type(KeyCode.U);
        settled();
        assertThat(stored(m.file(), ids.get(2)).status()).isEqualTo("pending");
        assertThat(stored(m.file(), ids.get(2)).value()).isEqualTo(proposed);
        assertThat(actions(m)).containsExactly("accept", "reject", "edit", "undo");
        until(() -> table.getSelectionModel().getSelectedItem().interactionId() == ids.get(2));

        robot.type(KeyCode.RIGHT);
        until(() -> table.getSelectionModel().getSelectedItem().interactionId() == ids.get(3));
        robot.type(KeyCode.S);
        settled();
        assertThat(actions(m)).containsExactly("accept", "reject", "edit", "undo", "skip");
        assertThat(stored(m.file(), ids.get(3)).status()).isEqualTo("pending");
        assertThat(robot.lookup("#review-counts").queryAs(Label.class).getText())
                .isEqualTo("Pending 9 · Accepted 1 · Rejected 1");

        // typing in a filter field is text, not decisions
        robot.clickOn("#review-user").write("u2");
        settled();
        assertThat(actions(m)).hasSize(5);
        assertThat(table.getItems()).isNotEmpty().allMatch(r -> r.userExternalId().equals("u2"));

        robot.clickOn("#review-bulk-accept");
        until(() -> robot.lookup("#review-bulk-confirm").tryQuery().isPresent());
        DialogPane confirm = robot.lookup("#review-bulk-confirm").queryAs(DialogPane.class);
        long pendingOfU2;
        try (Workspace ws = Workspace.open(m.file())) {
            pendingOfU2 = ws.synthetic().count(vm.filter().build());
        }
        assertThat(confirm.getContentText()).startsWith("Accept " + pendingOfU2 + " synthetic interactions")
                .contains("user u2");
        robot.clickOn((Node) confirm.lookupButton(javafx.scene.control.ButtonType.OK));
        settled();
        try (Workspace ws = Workspace.open(m.file())) {
            for (long id : ids) {
                SyntheticRow r = ws.synthetic().get(id).orElseThrow();
                if (r.userExternalId().equals("u2")) {
                    assertThat(r.status()).as("u2's rows").isEqualTo("accepted");
                }
            }
        }
        assertThat(actions(m)).hasSize(5 + (int) pendingOfU2);
    }

    @Test
    void aDatasetWithoutProposalsSaysHowToMakeThemAndAsksForNoName(FxRobot robot) throws Exception {
        Path file = dev.augur.ui.UiFixtures.shopWorkspace(dir.resolve("plain.augur"));
        List<DatasetInfo> datasets;
        try (Workspace ws = Workspace.open(file)) {
            datasets = ws.read().datasets();
        }
        robot.interact(() -> vm.open(file, datasets));
        settled();
        until(() -> robot.lookup("#empty-review").query().isVisible());
        assertThat(robot.lookup("#review-how-to").queryAs(Label.class).getText()).contains("augur synth");
        assertThat(robot.lookup("#review-annotator-name").tryQuery()).isEmpty();
    }
}
