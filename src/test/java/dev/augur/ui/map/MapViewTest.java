package dev.augur.ui.map;

import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.ItemSelection;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.augur.ui.UiFixtures.fx;
import static dev.augur.ui.UiFixtures.waitFx;
import static dev.augur.ui.map.GridData.id;
import static org.assertj.core.api.Assertions.assertThat;

/** The Map page, headless, over the known grid: colours, legend, linked maps, search, change list, exports. */
@ExtendWith(ApplicationExtension.class)
class MapViewTest {
    @TempDir
    Path dir;

    private TaskExecutor tasks;
    private ItemSelection selection;
    private MapViewModel vm;
    private MapView view;
    private final List<ItemSelection.Opened> opened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        tasks = new TaskExecutor(2);
        selection = new ItemSelection();
        selection.addOpenListener(opened::add);
        vm = new MapViewModel(tasks, new GridData(), selection);
        view = new MapView(vm);
        stage.setScene(new Scene(view.root(), 1200, 700));
        stage.show();
        vm.refresh();
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    private void waitShown(boolean both) throws Exception {
        waitFx(20, () -> vm.left().colouringProperty().get() != null && view.leftCanvas().map() != null
                && (!both || vm.changeReadyProperty().get() && vm.right().colouringProperty().get() != null
                && view.rightCanvas().map() != null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void sideBySide() throws Exception {
        waitShown(false);
        fx(() -> vm.sideBySideProperty().set(true));
        waitShown(true);
    }

    private static int pixel(MapCanvas canvas, long id, int dx) throws Exception {
        return fx(() -> {
            canvas.redrawNow();
            Point2D p = canvas.toScreen(id);
            WritableImage image = canvas.snapshot(null, null);
            return image.getPixelReader().getArgb((int) Math.round(p.getX()) + dx, (int) Math.round(p.getY()));
        });
    }

    private static int legendArgb(MapSide side, String label) {
        return side.colouringProperty().get().legend().stream().filter(l -> l.label().equals(label)).findFirst()
                .orElseThrow().argb();
    }

    private static boolean dark(int argb) {
        return ((argb >> 16) & 0xFF) < 90 && ((argb >> 8) & 0xFF) < 90 && (argb & 0xFF) < 90;
    }

    @Test
    void colouringByNeighbourhoodChangeRecoloursAKnownPointAndTheLegend(FxRobot robot) throws Exception {
        sideBySide();
        int before = pixel(view.leftCanvas(), id(19, 3), 0);
        assertThat(before).isEqualTo(legendArgb(vm.left(), "Action"));
        assertThat(vm.legend()).extracting(LegendEntry::label).containsExactly("Comedy", "Drama", "Action");

        fx(() -> vm.colourByProperty().set(ColourBy.CHANGE));
        waitFx(20, () -> vm.left().colouringProperty().get() != null
                && vm.left().colouringProperty().get().by() == ColourBy.CHANGE
                && vm.right().colouringProperty().get() != null
                && vm.right().colouringProperty().get().by() == ColourBy.CHANGE);
        WaitForAsyncUtils.waitForFxEvents();
        int expected = vm.left().colouringProperty().get().palette()[Colouring.changeStep(0.95f)];
        int after = pixel(view.leftCanvas(), id(19, 3), 0);
        assertThat(after).isEqualTo(expected).isNotEqualTo(before);
        assertThat(pixel(view.rightCanvas(), id(19, 3), 0)).isEqualTo(expected);
        assertThat(pixel(view.leftCanvas(), id(0, 3), 0)).isEqualTo(vm.left().colouringProperty().get().palette()[0]);
        assertThat(vm.legend()).extracting(LegendEntry::label).containsExactly("change 0.0–0.2", "change 0.2–0.4",
                "change 0.4–0.6", "change 0.6–0.8", "change 0.8–1.0", "no score");
        assertThat(vm.legend()).extracting(LegendEntry::count).containsExactly(60, 60, 60, 60, 60, 0);
        assertThat(robot.lookup(".map-legend-entry").queryAll()).hasSize(6);
    }

    @Test
    void selectionAndHoverAreLinkedAcrossTheTwoMaps(FxRobot robot) throws Exception {
        sideBySide();
        // the block at columns 15-16, rows 10-11 sits elsewhere in the right map
        long[] ids = fx(() -> {
            Point2D a = view.leftCanvas().toScreen(id(15, 10));
            Point2D b = view.leftCanvas().toScreen(id(16, 11));
            return view.leftCanvas().selectInRect(a.getX() - 3, a.getY() + 3, b.getX() + 3, b.getY() - 3,
                    MapCanvas.SelectMode.REPLACE);
        });
        assertThat(ids).containsExactly(id(15, 10), id(16, 10), id(15, 11), id(16, 11));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selection.ids()).containsExactlyInAnyOrder(id(15, 10), id(16, 10), id(15, 11), id(16, 11));
        assertThat(selection.datasetProperty().get()).isEqualTo(GridData.DATASET);
        assertThat(fx(() -> view.rightCanvas().selectedCount())).isEqualTo(4);
        Point2D left = fx(() -> view.leftCanvas().toScreen(id(16, 11)));
        Point2D right = fx(() -> view.rightCanvas().toScreen(id(16, 11)));
        assertThat(right.getX()).isLessThan(view.rightCanvas().getWidth() / 3); // moved far left in the second space
        assertThat(left.getX()).isGreaterThan(view.leftCanvas().getWidth() * 2 / 3);
        assertThat(dark(pixel(view.rightCanvas(), id(16, 11), 3))).as("selection outline in the right map").isTrue();
        assertThat(dark(pixel(view.rightCanvas(), id(14, 11), 3))).isFalse();
        assertThat(robot.lookup("#map-selection-count").queryAs(Label.class).getText()).isEqualTo("4 selected");

        robot.moveTo(view.leftCanvas().localToScreen(left));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> vm.hoveredIdProperty().get())).isEqualTo(id(16, 11));

        robot.clickOn(view.rightCanvas().localToScreen(fx(() -> view.rightCanvas().toScreen(id(2, 2)))), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selection.ids()).containsExactly(id(2, 2));
        assertThat(fx(() -> view.leftCanvas().selectedCount())).isEqualTo(1);
        assertThat(opened).containsExactly(new ItemSelection.Opened(GridData.DATASET, id(2, 2), "p-2-2"));
    }

    @Test
    void searchColoursTheMatchesAndDimsTheRest(FxRobot robot) throws Exception {
        waitShown(false);
        fx(() -> vm.searchProperty().set("KETTLE"));
        waitFx(20, () -> vm.matchCountProperty().get() == 75 && vm.left().matchesProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#map-matches").queryAs(Label.class).getText()).isEqualTo("75 matches");
        assertThat(pixel(view.leftCanvas(), id(4, 3), 0)).isEqualTo(legendArgb(vm.left(), "Drama"));
        assertThat(pixel(view.leftCanvas(), id(5, 3), 0)).isEqualTo(0xFFD6D6D6);
        fx(() -> vm.searchProperty().set("p-3-1")); // external ids p-3-1 and p-3-10 … p-3-19
        waitFx(20, () -> vm.matchCountProperty().get() == 11);
        fx(() -> vm.searchProperty().set(""));
        waitFx(20, () -> vm.matchCountProperty().get() == -1 && vm.left().matchesProperty().get() == null);
        assertThat(pixel(view.leftCanvas(), id(5, 3), 0)).isEqualTo(legendArgb(vm.left(), "Drama"));
    }

    @Test
    void aLegendToggleHidesAValueFromTheMapAndFromSelection(FxRobot robot) throws Exception {
        waitShown(false);
        Node comedy = robot.lookup(".map-legend-entry").queryAll().stream()
                .filter(n -> "Comedy".equals(n.getUserData())).findFirst().orElseThrow();
        robot.clickOn(comedy);
        waitFx(10, () -> !vm.legend().get(0).isShown());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((CheckBox) comedy).isSelected()).isFalse();
        long[] ids = fx(() -> {
            Point2D a = view.leftCanvas().toScreen(id(5, 2));
            Point2D b = view.leftCanvas().toScreen(id(9, 3));
            return view.leftCanvas().selectInRect(a.getX() - 3, a.getY() + 3, b.getX() + 3, b.getY() - 3,
                    MapCanvas.SelectMode.REPLACE);
        });
        assertThat(ids).containsExactly(id(5, 2), id(6, 2), id(5, 3), id(6, 3));
        assertThat(selection.ids()).hasSize(4);
        assertThat(pixel(view.leftCanvas(), id(8, 2), 0)).isEqualTo(0xFFFFFFFF);
    }

    @Test
    void theChangeListIsSortedByScoreAndAClickSelectsItsItem(FxRobot robot) throws Exception {
        sideBySide();
        assertThat(vm.changes()).hasSize(MapViewModel.CHANGE_LIST_SIZE);
        for (int k = 1; k < vm.changes().size(); k++) {
            assertThat(vm.changes().get(k).score()).isLessThanOrEqualTo(vm.changes().get(k - 1).score());
        }
        assertThat(vm.changes().get(0).id()).isEqualTo(id(19, 0));
        assertThat(vm.changes().get(0).score()).isEqualTo(0.95f);
        Node first = robot.lookup("#map-changes .list-cell").query();
        robot.clickOn(first);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selection.ids()).containsExactly(id(19, 0));
        Point2D p = fx(() -> view.leftCanvas().toScreen(id(19, 0)));
        assertThat(p.getX()).isCloseTo(view.leftCanvas().getWidth() / 2, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void exportsThePictureAsPngAndTheSelectionAsCsv() throws Exception {
        waitShown(false);
        fx(() -> vm.select(new long[] {id(7, 2), id(0, 0), id(3, 14)}, MapCanvas.SelectMode.REPLACE));
        Path png = dir.resolve("map.png");
        Path written = fx(() -> view.exportPng(png)).result().get(20, TimeUnit.SECONDS);
        assertThat(written).isEqualTo(png);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
        assertThat(head).containsExactly(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo((int) view.leftCanvas().getWidth());
        assertThat(image.getHeight()).isEqualTo((int) view.leftCanvas().getHeight());

        Path csv = dir.resolve("selection.csv");
        fx(() -> vm.exportSelectionCsv(csv)).result().get(20, TimeUnit.SECONDS);
        assertThat(Files.readAllLines(csv)).containsExactly(
                "id,external_id,title,category,popularity,x,y",
                "1000,p-0-0,Kettle r0 c0,Drama,0,0.0,0.0",
                "1047,p-2-7,Teapot r2 c7,Comedy,47,7.0,2.0",
                "1283,p-14-3,Teapot r14 c3,Drama,283,3.0,14.0");
    }
}
