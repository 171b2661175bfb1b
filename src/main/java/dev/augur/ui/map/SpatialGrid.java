package dev.augur.ui.map;

import java.util.function.IntConsumer;

/**
 * A uniform grid over the points' world coordinates (about four points per cell), stored as two int arrays
 * (cell starts, point indices sorted by cell), so a query visits only the cells its rectangle overlaps.
 * Immutable after construction; safe to build on a worker thread and read on the JavaFX thread.
 */
public final class SpatialGrid {
    private final float minX;
    private final float minY;
    private final float cellW;
    private final float cellH;
    private final int cols;
    private final int rows;
    private final int[] cellStart;
    private final int[] items;
    private final float[] xy;

    /** Builds the grid of {@code xy} (interleaved x, y) inside the given bounds; NaN points are left out. */
    public SpatialGrid(float[] xy, float minX, float minY, float maxX, float maxY) {
        this.xy = xy;
        int n = xy.length / 2;
        float w = Math.max(maxX - minX, 1e-6f);
        float h = Math.max(maxY - minY, 1e-6f);
        int cells = Math.max(1, n / 4);
        int c = (int) Math.max(1, Math.min(4096, Math.ceil(Math.sqrt(cells * (double) w / h))));
        int r = (int) Math.max(1, Math.min(4096, Math.ceil(cells / (double) c)));
        this.minX = minX;
        this.minY = minY;
        this.cols = c;
        this.rows = r;
        this.cellW = w / c;
        this.cellH = h / r;
        int[] cellOf = new int[n];
        int[] counts = new int[c * r + 1];
        for (int i = 0; i < n; i++) {
            float x = xy[2 * i];
            float y = xy[2 * i + 1];
            if (Float.isNaN(x) || Float.isNaN(y)) {
                cellOf[i] = -1;
                continue;
            }
            int cell = row(y) * c + col(x);
            cellOf[i] = cell;
            counts[cell + 1]++;
        }
        for (int k = 1; k < counts.length; k++) {
            counts[k] += counts[k - 1];
        }
        this.cellStart = counts.clone();
        this.items = new int[counts[counts.length - 1]];
        for (int i = 0; i < n; i++) {
            int cell = cellOf[i];
            if (cell >= 0) {
                items[counts[cell]++] = i;
            }
        }
    }

    private int col(float x) {
        int k = (int) ((x - minX) / cellW);
        return k < 0 ? 0 : Math.min(k, cols - 1);
    }

    private int row(float y) {
        int k = (int) ((y - minY) / cellH);
        return k < 0 ? 0 : Math.min(k, rows - 1);
    }

    public int cols() {
        return cols;
    }

    public int rows() {
        return rows;
    }

    /**
     * Calls {@code visit} with every point whose cell overlaps the world rectangle; the caller tests the exact
     * position (points near the rectangle's edges are candidates, not hits).
     */
    public void candidates(double x0, double y0, double x1, double y1, IntConsumer visit) {
        if (items.length == 0 || x1 < x0 || y1 < y0 || Double.isNaN(x0) || Double.isNaN(y0)) {
            return;
        }
        int c0 = col((float) x0);
        int c1 = col((float) x1);
        int r0 = row((float) y0);
        int r1 = row((float) y1);
        for (int r = r0; r <= r1; r++) {
            int base = r * cols;
            for (int c = c0; c <= c1; c++) {
                int cell = base + c;
                for (int k = cellStart[cell], end = cellStart[cell + 1]; k < end; k++) {
                    visit.accept(items[k]);
                }
            }
        }
    }

    /** Every point inside the closed world rectangle, exactly. */
    public void inside(double x0, double y0, double x1, double y1, IntConsumer visit) {
        candidates(x0, y0, x1, y1, i -> {
            float x = xy[2 * i];
            float y = xy[2 * i + 1];
            if (x >= x0 && x <= x1 && y >= y0 && y <= y1) {
                visit.accept(i);
            }
        });
    }
}
