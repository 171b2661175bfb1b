package dev.augur.ui.map;

import java.util.Arrays;

/**
 * Which points of a {@link MapCanvas} lie under the cursor, in a rectangle or in a lasso, in canvas coordinates.
 * Goes through the map's {@link SpatialGrid}, so a hover costs the points of a few cells, not a scan; points of
 * legend groups that are hidden are never hit.
 */
final class MapHitTest {
    private static final double PICK_RADIUS = 6;

    private final CanvasPoints points;
    private final MapViewport view;

    MapHitTest(CanvasPoints points, MapViewport view) {
        this.points = points;
        this.view = view;
    }

    /** The visible point nearest to a canvas position within a few pixels, or -1. */
    int pick(double x, double y) {
        LoadedMap map = points.map();
        if (map == null || Double.isNaN(x)) {
            return -1;
        }
        float[] xy = points.xy();
        double radius = PICK_RADIUS;
        double r = radius / view.scale();
        double wx = view.worldX(x);
        double wy = view.worldY(y);
        double[] best = {radius * radius, -1};
        map.grid().candidates(wx - r, wy - r, wx + r, wy + r, i -> {
            if (points.isHidden(i)) {
                return;
            }
            double dx = view.screenX(xy[2 * i]) - x;
            double dy = view.screenY(xy[2 * i + 1]) - y;
            double d = dx * dx + dy * dy;
            if (d <= best[0] && (best[1] < 0 || d < best[0] || i < best[1])) {
                best[0] = d;
                best[1] = i;
            }
        });
        return (int) best[1];
    }

    /** The ids of the visible points inside a canvas rectangle (x0 ≤ x1, y0 ≤ y1), in index order. */
    long[] idsInRect(double x0, double y0, double x1, double y1) {
        LoadedMap map = points.map();
        if (map == null) {
            return new long[0];
        }
        float[] xy = points.xy();
        IdCollector out = new IdCollector(map.points().ids());
        map.grid().candidates(view.worldX(x0), view.worldY(y1), view.worldX(x1), view.worldY(y0), i -> {
            if (points.isHidden(i)) {
                return;
            }
            double x = view.screenX(xy[2 * i]);
            double y = view.screenY(xy[2 * i + 1]);
            if (x >= x0 && x <= x1 && y >= y0 && y <= y1) {
                out.add(i);
            }
        });
        return out.ids();
    }

    /** The ids of the visible points inside a polygon of canvas positions (even-odd rule), in index order. */
    long[] idsInPolygon(double[] xs, double[] ys, int count) {
        LoadedMap map = points.map();
        if (map == null || count < 3) {
            return new long[0];
        }
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            x0 = Math.min(x0, xs[k]);
            x1 = Math.max(x1, xs[k]);
            y0 = Math.min(y0, ys[k]);
            y1 = Math.max(y1, ys[k]);
        }
        float[] xy = points.xy();
        IdCollector out = new IdCollector(map.points().ids());
        map.grid().candidates(view.worldX(x0), view.worldY(y1), view.worldX(x1), view.worldY(y0), i -> {
            if (points.isHidden(i)) {
                return;
            }
            double x = view.screenX(xy[2 * i]);
            double y = view.screenY(xy[2 * i + 1]);
            if (insidePolygon(x, y, xs, ys, count)) {
                out.add(i);
            }
        });
        return out.ids();
    }

    static boolean insidePolygon(double x, double y, double[] xs, double[] ys, int count) {
        boolean inside = false;
        for (int a = 0, b = count - 1; a < count; b = a++) {
            if ((ys[a] > y) != (ys[b] > y) && x < (xs[b] - xs[a]) * (y - ys[a]) / (ys[b] - ys[a]) + xs[a]) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** Collects point indices and hands back their ids, in index order. */
    private static final class IdCollector {
        private final long[] all;
        private int[] indices = new int[64];
        private int size;

        IdCollector(long[] all) {
            this.all = all;
        }

        void add(int i) {
            if (size == indices.length) {
                indices = Arrays.copyOf(indices, size * 2);
            }
            indices[size++] = i;
        }

        long[] ids() {
            Arrays.sort(indices, 0, size);
            long[] out = new long[size];
            for (int k = 0; k < size; k++) {
                out[k] = all[indices[k]];
            }
            return out;
        }
    }
}
