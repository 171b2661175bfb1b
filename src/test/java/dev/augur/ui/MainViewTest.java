package dev.augur.ui;

import dev.augur.app.AppServices;
import dev.augur.app.SettingsStore;
import dev.augur.core.dataset.Fixtures;
import dev.augur.core.dataset.sample.SampleWorkspace;
import dev.augur.core.store.DatasetInfo;
import dev.augur.core.task.JobSnapshot;
import dev.augur.ui.shell.MainView;
import dev.augur.ui.shell.MainViewModel;
import dev.augur.ui.shell.Section;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The main window, headless: first start, navigation, empty states, imports through the job executor. */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {
    @TempDir
    static Path home;

    private AppServices services;
    private MainViewModel vm;
    private Stage stage;

    @BeforeAll
    static void isolateHome() {
        System.setProperty("augur.home", home.toString());
    }

    @AfterAll
    static void restoreHome() {
        System.clearProperty("augur.home");
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        services = new AppServices();
        vm = new MainViewModel(services, new SettingsStore(home.resolve("settings.json")));
        stage.titleProperty().bind(vm.titleProperty());
        stage.setScene(new Scene(new MainView(vm).root(), 1000, 650));
        stage.show();
        vm.start();
    }

    @AfterEach
    void tearDown() {
        vm.jobs().stop();
        services.close();
    }

    private void waitUntilIdle() throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm.datasets().busyProperty().get()
                && services.tasks().jobs().stream().allMatch(j -> j.state().isFinished()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void firstStartBuildsTheSampleWorkspaceAndEverySectionSaysWhatItWillDo(FxRobot robot) throws Exception {
        waitUntilIdle();
        assertThat(stage.getTitle()).isEqualTo("Augur — sample");
        TableView<DatasetInfo> table = robot.lookup("#datasets-table").queryTableView();
        assertThat(table.getItems()).extracting(DatasetInfo::name).containsExactly(SampleWorkspace.DATASET);
        assertThat(table.getItems().get(0).interactions()).isBetween(45_000L, 55_000L);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.datasets().statistics().curve().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#statistics-headline").queryAs(Label.class).getText())
                .contains("500 users").contains("2,000 items").contains("200 cold items (10.0%)");
        javafx.scene.chart.LineChart<?, ?> tail = robot.lookup("#long-tail-chart").queryAs(javafx.scene.chart.LineChart.class);
        assertThat(tail.getData().get(0).getData()).hasSizeGreaterThan(50);
        assertThat(vm.datasets().statistics().histogram()).isNotEmpty();

        robot.clickOn("#nav-embeddings");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.sectionProperty().get()).isEqualTo(Section.EMBEDDINGS);
        Node hint = robot.lookup("#embeddings-map-hint").query();
        assertThat(hint.isVisible()).isTrue();
        assertThat(((Label) hint).getText()).contains("2-D maps");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#vectors-status").queryAs(Label.class)
                .getText().startsWith("No vectors yet"));

        robot.clickOn("#nav-settings");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> encoders = robot.lookup("#encoders-table").queryTableView();
        assertThat(encoders.getItems()).hasSize(4);
        assertThat(robot.lookup("#empty-settings").tryQuery()).isEmpty();
        Label device = robot.lookup("#settings-device-line").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> device.getText().startsWith("Encoders run on"));

        robot.clickOn("#nav-jobs");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> vm.jobs().refresh());
        TableView<JobSnapshot> jobs = robot.lookup("#jobs-table").queryTableView();
        assertThat(jobs.getItems()).extracting(JobSnapshot::name).contains("Build sample workspace");
        assertThat(Files.readString(home.resolve("settings.json"))).contains("sample.augur");
    }

    @Test
    @SuppressWarnings("unchecked")
    void pagedTablesScrollToTheEndFilterAndSortWithFlatMemory(FxRobot robot) throws Exception {
        waitUntilIdle();
        robot.clickOn("Interactions");
        TableView<java.util.List<Object>> table = robot.lookup("#table-interactions").queryTableView();
        Label summary = robot.lookup("#summary-interactions").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> summary.getText().startsWith("50,000 interactions"));
        assertThat(table.getItems()).hasSize(50_000);
        for (int row = 0; row < 50_000; row += 2_500) { // scroll end to end in steps
            int r = row;
            robot.interact(() -> table.scrollTo(r));
        }
        robot.interact(() -> table.scrollTo(49_999));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().get(49_999).get(0) != null);
        dev.augur.ui.datasets.PagedRows rows = (dev.augur.ui.datasets.PagedRows) table.getItems();
        assertThat(rows.pagesInMemory()).isLessThanOrEqualTo(24);

        robot.clickOn("Items");
        TableView<java.util.List<Object>> items = robot.lookup("#table-items").queryTableView();
        Label itemsSummary = robot.lookup("#summary-items").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> itemsSummary.getText().startsWith("2,000 items"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> items.getItems().get(0).get(1) != null);
        String title = String.valueOf(items.getItems().get(0).get(1));
        String word = title.split(" ")[0];
        javafx.scene.control.TextField filter = robot.lookup("#filter-items").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> filter.setText(word));
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> itemsSummary.getText().contains("matching '" + word + "'"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("summary stayed '" + itemsSummary.getText() + "' for filter '" + word + "'", e);
        }
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !items.getItems().isEmpty() && items.getItems().get(0).get(1) != null);
        assertThat(items.getItems().size()).isBetween(1, 1999);
        for (int i = 0; i < items.getItems().size(); i++) {
            int k = i;
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> items.getItems().get(k).get(1) != null);
            java.util.List<Object> r = items.getItems().get(i);
            assertThat((String.valueOf(r.get(0)) + " " + r.get(1) + " " + r.get(r.size() - 1)).toLowerCase())
                    .contains(word.toLowerCase());
        }
    }

    @Test
    void openingAnItemAndAUserShowsTheirFieldsRatingsAndTimeline(FxRobot robot) throws Exception {
        waitUntilIdle();
        robot.clickOn("Items");
        TableView<java.util.List<Object>> items = robot.lookup("#table-items").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> items.getItems().size() == 2000 && items.getItems().get(0).get(1) != null);
        robot.interact(() -> items.getSelectionModel().select(0));
        Label title = robot.lookup("#detail-title").queryAs(Label.class);
        String id = String.valueOf(items.getItems().get(0).get(0));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> title.getText().startsWith("Item " + id));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(title.getText()).contains(String.valueOf(items.getItems().get(0).get(1)));
        javafx.scene.control.TextArea fields = robot.lookup("#detail-fields").queryAs(javafx.scene.control.TextArea.class);
        assertThat(fields.getText()).contains("description: ").contains("categories: ").contains("interactions: ");
        long interactions = ((Number) items.getItems().get(0).get(3)).longValue();
        if (interactions > 0) {
            assertThat(vm.datasets().detail().ratingBars()).isNotEmpty();
            assertThat(vm.datasets().detail().timeline()).hasSize((int) Math.min(50, interactions));
        }

        robot.clickOn("Users");
        TableView<java.util.List<Object>> users = robot.lookup("#table-users").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> users.getItems().size() == 500 && users.getItems().get(0).get(0) != null);
        robot.interact(() -> users.getSelectionModel().select(0));
        String user = String.valueOf(users.getItems().get(0).get(0));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> title.getText().equals("User " + user));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.datasets().detail().timeline()).isNotEmpty();
        assertThat(vm.datasets().detail().timeline().get(0)).startsWith("202").contains("★");
    }

    @Test
    void importsRunAsJobsAndAFailureLeavesTheWorkspaceAsItWas(FxRobot robot) throws Exception {
        waitUntilIdle();
        Path good = home.resolve("ml");
        Fixtures.write(good.resolve("movies.csv"), "movieId,title,genres\n1,A (1995),Comedy\n2,B (1996),Drama\n");
        Fixtures.write(good.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n");
        robot.interact(() -> vm.importPath(good));
        waitUntilIdle();
        TableView<DatasetInfo> table = robot.lookup("#datasets-table").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 2);

        Path bad = home.resolve("bad");
        Fixtures.write(bad.resolve("movies.csv"), "movieId,title,genres\n1,A (1995),Comedy\n");
        Fixtures.write(bad.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,1,four,964982703\n");
        robot.interact(() -> vm.importPath(bad));
        waitUntilIdle();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).contains("workspace is unchanged").contains("ratings.csv, line 2, field 'rating'");
        assertThat(table.getItems()).hasSize(2);
        robot.interact(() -> vm.jobs().refresh());
        assertThat(robot.lookup("#job-status").queryAs(Label.class).getText()).contains("Import bad").contains("failed");
    }
}
