package dev.augur.ui;

import dev.augur.app.AppServices;
import dev.augur.core.dataset.Fixtures;
import dev.augur.core.dataset.OnError;
import dev.augur.core.store.Workspace;
import dev.augur.ui.importer.ImportWizardView;
import dev.augur.ui.importer.ImportWizardViewModel;

import javafx.scene.Scene;
import javafx.scene.control.Label;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The import wizard, headless: detect and preview, import, see an error, cancel. */
@ExtendWith(ApplicationExtension.class)
class ImportWizardTest {
    @TempDir
    static Path dir;

    private AppServices services;
    private ImportWizardViewModel vm;
    private int imported;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        services = new AppServices();
        vm = new ImportWizardViewModel(services.tasks(), services.imports(), dir.resolve("w-" + System.nanoTime() + ".augur"),
                r -> imported++);
        stage.setScene(new Scene(new ImportWizardView(vm).root()));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        services.close();
    }

    private static Path movieLens(String name, String ratings) {
        Path d = dir.resolve(name);
        Fixtures.write(d.resolve("movies.csv"), "movieId,title,genres\n1,A (1995),Comedy\n2,B (1996),Drama\n");
        Fixtures.write(d.resolve("ratings.csv"), ratings);
        return d;
    }

    @Test
    void detectsPreviewsAndImports(FxRobot robot) throws Exception {
        Path ml = movieLens("ml-good", "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n2,2,3.5,964982704\n");
        robot.interact(() -> vm.choose(ml));
        Label detected = robot.lookup("#wizard-detected").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.canImportProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(detected.getText()).contains("MovieLens").contains("movielens-csv");
        assertThat(vm.preview()).anyMatch(l -> l.startsWith("1,1,4.0"));
        assertThat(vm.preview()).anyMatch(l -> l.contains("as parsed: 2 users, 2 items, 2 interactions"));
        assertThat(vm.preview()).anyMatch(l -> l.startsWith("1 · 1 · A (1995) · 4.0"));
        assertThat(vm.preview()).noneMatch(l -> l.startsWith(ImportWizardViewModel.PROBLEM));
        assertThat(vm.nameProperty().get()).isEqualTo("ml-good");
        robot.clickOn("#wizard-import");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> imported == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#wizard-status").queryAs(Label.class).getText()).contains("Imported 'ml-good'").contains("2 interactions");
    }

    @Test
    void aBadLineShowsFileAndLineAndWritesNothing(FxRobot robot) throws Exception {
        Path bad = movieLens("ml-bad", "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n2,x,3.5,964982704\n");
        robot.interact(() -> vm.choose(bad));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.canImportProperty().get());
        assertThat(vm.preview()).anyMatch(l -> l.startsWith(ImportWizardViewModel.PROBLEM)
                && l.contains("ratings.csv, line 3, field 'movieId'"));
        robot.clickOn("#wizard-import");
        Label error = robot.lookup("#wizard-error").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !error.getText().isEmpty());
        assertThat(error.getText()).contains("ratings.csv, line 3, field 'movieId'");
        assertThat(robot.lookup("#wizard-status").queryAs(Label.class).getText()).contains("workspace is unchanged");
        assertThat(imported).isZero();

        robot.interact(() -> vm.onErrorProperty().set(OnError.SKIP));
        robot.clickOn("#wizard-import");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> imported == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#wizard-status").queryAs(Label.class).getText()).contains("1 bad lines skipped");
    }

    @Test
    void cancellingAnImportLeavesTheWorkspaceEmpty(FxRobot robot) throws Exception {
        StringBuilder sb = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (int i = 0; i < 1_500_000; i++) {
            sb.append(i % 5000).append(',').append(1 + i % 2).append(",4.0,").append(964982703L + i).append('\n');
        }
        Path big = movieLens("ml-big", sb.toString());
        robot.interact(() -> vm.choose(big));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.canImportProperty().get());
        robot.clickOn("#wizard-import");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.runningProperty().get());
        robot.clickOn("#wizard-cancel");
        Label status = robot.lookup("#wizard-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.getText()).isEqualTo("Cancelled; the workspace is unchanged.");
        assertThat(imported).isZero();
    }
}
