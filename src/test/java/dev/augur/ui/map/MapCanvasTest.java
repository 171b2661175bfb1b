package dev.augur.ui.map;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.augur.ui.UiFixtures.fx;
import static dev.augur.ui.map.GridData.id;
import static org.assertj.core.api.Assertions.assertThat;

/** The map canvas alone, headless, over a 20 × 15 grid of known points: gestures, hover, hit tests, density. */
@ExtendWith(ApplicationExtension.class)
class MapCanvasTest {
    private MapCanvas canvas;
    private final List<long[]> selections = new ArrayList<>();
    private final List<MapCanvas.SelectMode> modes = new ArrayList<>();
    private final List<Long> opened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        canvas = new MapCanvas();
        LoadedMap map = LoadedMap.of(GridData.FIRST, GridData.points(false));
        canvas.setMap(map);
        canvas.setColouring(Colouring.compute(map.points(), ColourBy.CATEGORY, null));
        canvas.setOnSelect((ids, mode) -> {
            selections.add(ids);
            modes.add(mode);
            canvas.setSelection(Arrays.stream(ids).boxed().toList());
        });
        canvas.setOnOpen(opened::add);
        stage.setScene(new Scene(canvas, 600, 400));
        stage.show();
    }

    /** The screen position (for the robot) of world point (x, y) of the grid, between grid points when fractional. */
    private Point2D screen(double c, double r) throws Exception {
        return fx(() -> {
            Point2D a = canvas.toScreen(id(0, 0));
            Point2D b = canvas.toScreen(id(1, 1));
            double local = a.getX() + (b.getX() - a.getX()) * c;
            double localY = a.getY() + (b.getY() - a.getY()) * r;
            return canvas.localToScreen(local, localY);
        });
    }

    private static long[] block(int c0, int c1, int r0, int r1) {
        List<Long> ids = new ArrayList<>();
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                ids.add(id(c, r));
            }
        }
        return ids.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    @Test
    void shiftDragSelectsExactlyThePointsInsideTheRectangle(FxRobot robot) throws Exception {
        robot.press(KeyCode.SHIFT);
        robot.drag(screen(2.5, 3.5), MouseButton.PRIMARY).dropTo(screen(5.5, 6.5));
        robot.release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selections).isNotEmpty();
        assertThat(selections.get(selections.size() - 1)).containsExactly(block(3, 5, 4, 6));
        assertThat(modes.get(modes.size() - 1)).isEqualTo(MapCanvas.SelectMode.REPLACE);
        assertThat(fx(() -> canvas.selectedCount())).isEqualTo(9);
    }

    @Test
    void lassoSelectsThePointsInsideThePolygon(FxRobot robot) throws Exception {
        fx(() -> canvas.lassoModeProperty().set(true));
        // a diamond of "radius" 2.5 around (10, 7): the 13 points with |dc| + |dr| <= 2
        robot.drag(screen(7.5, 7), MouseButton.PRIMARY).moveTo(screen(10, 4.5)).moveTo(screen(12.5, 7))
                .moveTo(screen(10, 9.5)).moveTo(screen(7.6, 7.1)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        List<Long> expected = new ArrayList<>();
        for (int r = 5; r <= 9; r++) {
            for (int c = 8; c <= 12; c++) {
                if (Math.abs(c - 10) + Math.abs(r - 7) <= 2) {
                    expected.add(id(c, r));
                }
            }
        }
        assertThat(selections).isNotEmpty();
        assertThat(selections.get(selections.size() - 1)).containsExactlyInAnyOrder(
                expected.stream().mapToLong(Long::longValue).toArray());
        assertThat(expected).hasSize(13);
    }

    @Test
    void hoverShowsATooltipForTheKnownPointAndClickSelectsAndOpensIt(FxRobot robot) throws Exception {
        robot.moveTo(screen(7, 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> canvas.hoveredIdProperty().get())).isEqualTo(id(7, 2));
        String text = fx(() -> canvas.tooltipTextProperty().get());
        assertThat(text.split("\\R")).containsExactly("Teapot r2 c7", "id 1047 · p-2-7", "Comedy · popularity 47 · warm");
        assertThat(robot.lookup("#map-tooltip").query().isVisible()).isTrue();
        robot.moveTo(screen(3, 0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> canvas.tooltipTextProperty().get())).endsWith("Drama · popularity 3 · cold");

        robot.clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selections.get(selections.size() - 1)).containsExactly(id(3, 0));
        assertThat(opened).containsExactly(id(3, 0));

        robot.moveTo(screen(3.5, 0.5)); // between points: nothing under the mouse
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> canvas.hoveredIdProperty().get())).isEqualTo(-1L);
        assertThat(robot.lookup("#map-tooltip").query().isVisible()).isFalse();
    }

    @Test
    void hiddenLegendGroupsAreNeitherDrawnNorSelectable() throws Exception {
        Colouring c = fx(() -> Colouring.compute(canvas.map().points(), ColourBy.CATEGORY, null));
        int comedy = c.legend().stream().map(Colouring.Legend::label).toList().indexOf("Comedy");
        boolean[] hidden = new boolean[c.legend().size()];
        hidden[comedy] = true;
        fx(() -> canvas.setHiddenGroups(hidden));
        long[] ids = fx(() -> {
            Point2D a = canvas.toScreen(id(5, 2));
            Point2D b = canvas.toScreen(id(9, 3));
            return canvas.selectInRect(a.getX() - 2, a.getY() + 2, b.getX() + 2, b.getY() - 2, MapCanvas.SelectMode.REPLACE);
        });
        assertThat(ids).containsExactly(id(5, 2), id(6, 2), id(5, 3), id(6, 3));
        fx(() -> canvas.redrawNow());
        assertThat(pixel(id(8, 2))).isEqualTo(0xFFFFFFFF); // hidden: background
        assertThat(pixel(id(6, 2))).isEqualTo(c.legend().get(indexOf(c, "Drama")).argb());
        assertThat(fx(() -> canvas.pick(canvas.toScreen(id(8, 2)).getX(), canvas.toScreen(id(8, 2)).getY()))).isEqualTo(-1);
    }

    @Test
    void aboveTheThresholdTheMapIsADensityImageAndZoomKeepsThePointUnderTheCursor() throws Exception {
        fx(() -> {
            canvas.setDensityThreshold(100);
            canvas.redrawNow();
        });
        assertThat(fx(() -> canvas.densityModeProperty().get())).isTrue();
        assertThat(fx(() -> canvas.visibleCountProperty().get())).isEqualTo(300);
        assertThat(pixel(id(10, 10))).isNotEqualTo(0xFFFFFFFF);
        fx(() -> {
            canvas.setDensityThreshold(MapCanvas.DEFAULT_DENSITY_THRESHOLD);
            canvas.redrawNow();
        });
        assertThat(fx(() -> canvas.densityModeProperty().get())).isFalse();

        Point2D fitted = fx(() -> canvas.toScreen(id(0, 0)));
        Point2D before = fx(() -> canvas.toScreen(id(4, 4)));
        fx(() -> canvas.zoomAt(before.getX(), before.getY(), 3));
        Point2D after = fx(() -> canvas.toScreen(id(4, 4)));
        assertThat(after.distance(before)).isLessThan(1e-6);
        assertThat(fx(() -> canvas.toScreen(id(5, 4)).getX() - after.getX())).isGreaterThan(70);
        fx(() -> {
            canvas.redrawNow();
            return null;
        });
        assertThat(fx(() -> canvas.visibleCountProperty().get())).isBetween(20, 299);
        fx(canvas::fit);
        assertThat(fx(() -> canvas.toScreen(id(0, 0)).distance(fitted))).isLessThan(1e-6);
    }

    @Test
    void sizeByPopularityDrawsPopularItemsLarger() throws Exception {
        assertThat(pixel(id(19, 14), 4)).isEqualTo(0xFFFFFFFF); // 5 px squares: 4 px off the centre is background
        fx(() -> {
            canvas.setSizeByPopularity(true);
            canvas.redrawNow();
        });
        assertThat(pixel(id(19, 14), 4)).isNotEqualTo(0xFFFFFFFF); // popularity 299: 10 px
        assertThat(pixel(id(1, 0), 4)).isEqualTo(0xFFFFFFFF); // popularity 1: 3 px
    }

    @Test
    void theFrameBufferFollowsAResizeAndSelectedPointsAreOutlinedOnTop() throws Exception {
        Colouring c = fx(() -> Colouring.compute(canvas.map().points(), ColourBy.CATEGORY, null));
        int drama = c.legend().get(indexOf(c, "Drama")).argb();
        assertThat(pixel(id(6, 2))).isEqualTo(drama);
        fx(() -> {
            canvas.getScene().getWindow().setWidth(800);
            canvas.getScene().getWindow().setHeight(500);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> canvas.getWidth())).isGreaterThan(700);
        assertThat(pixel(id(6, 2))).isEqualTo(drama); // refitted to the new size, redrawn into a new buffer
        assertThat(pixel(id(19, 14), 3)).isEqualTo(0xFFFFFFFF);
        fx(() -> canvas.setSelection(List.of(id(19, 14), id(6, 2))));
        assertThat(pixel(id(6, 2))).isEqualTo(drama); // its own colour in the middle
        assertThat(pixel(id(6, 2), 3)).isEqualTo(0xFF141414); // the dark outline around it
        assertThat(pixel(id(19, 14), 3)).isEqualTo(0xFF141414);
    }

    private static int indexOf(Colouring c, String label) {
        return c.legend().stream().map(Colouring.Legend::label).toList().indexOf(label);
    }

    private int pixel(long id) throws Exception {
        return pixel(id, 0);
    }

    private int pixel(long id, int dx) throws Exception {
        return fx(() -> {
            canvas.redrawNow();
            Point2D p = canvas.toScreen(id);
            WritableImage image = canvas.snapshot(null, null);
            return image.getPixelReader().getArgb((int) Math.round(p.getX()) + dx, (int) Math.round(p.getY()));
        });
    }
}
