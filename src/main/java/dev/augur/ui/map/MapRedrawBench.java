package dev.augur.ui.map;

import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A headless redraw benchmark of {@link MapCanvas}: a 1200×800 map of {@link SyntheticMapData} points, panned and
 * zoomed in a fixed pattern, one redraw per step. The JavaFX toolkit must be running (the caller starts it); the
 * work runs on the JavaFX thread whichever thread calls. {@code augur bench map} ({@link MapBench}) drives it.
 */
public final class MapRedrawBench {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 800;

    private MapRedrawBench() {
    }

    /**
     * Milliseconds of each of {@code redraws} redraws on the JavaFX thread: the screen transform, culling, the
     * colour sort and recording the canvas commands (or binning the density image). Rasterising happens later, at the
     * next pulse, on the render thread; {@link #renderedMillis} includes it.
     */
    public static double[] redrawMillis(int points, int redraws) {
        return run(points, redraws, false);
    }

    /** Like {@link #redrawMillis}, but each redraw is followed by a snapshot, which forces the canvas to rasterise. */
    public static double[] renderedMillis(int points, int redraws) {
        return run(points, redraws, true);
    }

    private static double[] run(int points, int redraws, boolean render) {
        LoadedMap map = LoadedMap.of(new MapSpace("bench", SyntheticMapData.DATASET, "bench"), SyntheticMapData.points(points, 42));
        Colouring colouring = Colouring.compute(map.points(), ColourBy.CATEGORY, null);
        return onFx(() -> {
            MapCanvas canvas = new MapCanvas();
            Scene scene = new Scene(canvas, WIDTH, HEIGHT);
            canvas.resize(WIDTH, HEIGHT);
            canvas.layout();
            canvas.setMap(map);
            canvas.setColouring(colouring);
            canvas.redrawNow(); // warm-up: first allocation of the buffers
            WritableImage target = render ? new WritableImage(WIDTH, HEIGHT) : null;
            SnapshotParameters params = new SnapshotParameters();
            double[] out = new double[redraws];
            for (int k = 0; k < redraws; k++) {
                step(canvas, k);
                long t0 = System.nanoTime();
                canvas.redrawNow();
                if (render) {
                    canvas.snapshot(params, target);
                    out[k] = (System.nanoTime() - t0) / 1e6;
                } else {
                    out[k] = canvas.lastRedrawMillis();
                }
            }
            scene.setRoot(new Group());
            return out;
        });
    }

    /**
     * The peer: the plain way to draw a scatter on a JavaFX canvas — {@code setFill} and {@code fillRect} of 3×3 px
     * per point, all points fitted to the canvas — followed by a snapshot to force rasterising, as
     * {@link #renderedMillis} does. Milliseconds per frame.
     */
    public static double[] fillRectPeerMillis(int points, int redraws) {
        LoadedMap map = LoadedMap.of(new MapSpace("peer", SyntheticMapData.DATASET, "peer"), SyntheticMapData.points(points, 42));
        Colouring colouring = Colouring.compute(map.points(), ColourBy.CATEGORY, null);
        float[] xy = map.points().xy();
        double sx = (WIDTH - 20) / Math.max(1e-9, map.maxX() - map.minX());
        double sy = (HEIGHT - 20) / Math.max(1e-9, map.maxY() - map.minY());
        javafx.scene.paint.Color[] palette = new javafx.scene.paint.Color[colouring.palette().length];
        for (int i = 0; i < palette.length; i++) {
            int c = colouring.palette()[i];
            palette[i] = javafx.scene.paint.Color.rgb((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF);
        }
        return onFx(() -> {
            javafx.scene.canvas.Canvas canvas = new javafx.scene.canvas.Canvas(WIDTH, HEIGHT);
            Scene scene = new Scene(new Group(canvas), WIDTH, HEIGHT);
            WritableImage target = new WritableImage(WIDTH, HEIGHT);
            SnapshotParameters params = new SnapshotParameters();
            javafx.scene.canvas.GraphicsContext g = canvas.getGraphicsContext2D();
            double[] out = new double[redraws + 1];
            for (int k = 0; k <= redraws; k++) { // frame 0 warms up
                long t0 = System.nanoTime();
                g.setFill(javafx.scene.paint.Color.WHITE);
                g.fillRect(0, 0, WIDTH, HEIGHT);
                for (int i = 0; i < points; i++) {
                    g.setFill(palette[colouring.colour()[i]]);
                    g.fillRect(10 + (xy[2 * i] - map.minX()) * sx, 10 + (xy[2 * i + 1] - map.minY()) * sy, 3, 3);
                }
                canvas.snapshot(params, target);
                out[k] = (System.nanoTime() - t0) / 1e6;
            }
            scene.setRoot(new Group());
            return Arrays.copyOfRange(out, 1, out.length);
        });
    }

    /** Pans around and zooms in and out again, so some redraws show every point and some a part of them. */
    private static void step(MapCanvas canvas, int k) {
        switch (k % 6) {
            case 0 -> canvas.pan(37, -21);
            case 1 -> canvas.zoomAt(WIDTH * 0.4, HEIGHT * 0.55, 1.6);
            case 2 -> canvas.pan(-55, 30);
            case 3 -> canvas.zoomAt(WIDTH * 0.6, HEIGHT * 0.45, 1 / 1.6);
            case 4 -> canvas.pan(18, -9);
            default -> canvas.fit();
        }
    }

    private static <T> T onFx(Callable<T> work) {
        if (Platform.isFxApplicationThread()) {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get(10, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("map redraw benchmark failed", e);
        }
    }

    /** Median of a sample. */
    public static double median(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
