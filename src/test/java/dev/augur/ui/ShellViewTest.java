package dev.augur.ui;

import dev.augur.app.AppServices;
import dev.augur.core.dataset.sample.SampleWorkspace;
import dev.augur.core.store.DatasetInfo;
import dev.augur.ui.shell.ShellView;
import dev.augur.ui.shell.ShellViewModel;

import javafx.scene.Scene;
import javafx.scene.control.Label;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** First start, headless: the window builds the sample workspace in the background and lists it. */
@ExtendWith(ApplicationExtension.class)
class ShellViewTest {
    @TempDir
    static Path dir;

    private AppServices services;
    private ShellViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        services = new AppServices();
        vm = new ShellViewModel(services, dir.resolve("sample.augur"));
        stage.titleProperty().bind(vm.titleProperty());
        stage.setScene(new Scene(new ShellView(vm).root(), 900, 600));
        stage.show();
        vm.open();
    }

    @AfterEach
    void tearDown() {
        services.close();
    }

    @Test
    void firstStartBuildsTheSampleWorkspaceWithProgressAndListsIt(FxRobot robot) throws Exception {
        assertThat(stage.getTitle()).isEqualTo("Augur — sample");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.errorProperty().get()).isEmpty();
        TableView<DatasetInfo> table = robot.lookup("#datasets-table").queryTableView();
        assertThat(table.getItems()).hasSize(1);
        DatasetInfo sample = table.getItems().get(0);
        assertThat(sample.name()).isEqualTo(SampleWorkspace.DATASET);
        assertThat(sample.items()).isBetween(1900L, 2100L);
        assertThat(sample.interactions()).isBetween(45_000L, 55_000L);
        assertThat(robot.lookup("#status-label").queryAs(Label.class).getText()).contains("1 dataset");
        assertThat(Files.exists(dir.resolve("sample.augur"))).isTrue();
    }
}
