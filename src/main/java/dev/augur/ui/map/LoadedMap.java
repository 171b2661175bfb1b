package dev.augur.ui.map;

import java.util.Arrays;

/**
 * A projection ready to draw: its points, bounds, spatial grid and an id → index table. Built once per load on a
 * worker thread ({@link #of}); immutable afterwards.
 */
public final class LoadedMap {
    private final MapSpace space;
    private final MapPoints points;
    private final float minX;
    private final float minY;
    private final float maxX;
    private final float maxY;
    private final SpatialGrid grid;
    private final long[] keys;
    private final int[] values;
    private final int mask;

    private LoadedMap(MapSpace space, MapPoints points) {
        this.space = space;
        this.points = points;
        float[] xy = points.xy();
        float x0 = Float.POSITIVE_INFINITY;
        float y0 = Float.POSITIVE_INFINITY;
        float x1 = Float.NEGATIVE_INFINITY;
        float y1 = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < xy.length; i += 2) {
            float x = xy[i];
            float y = xy[i + 1];
            if (Float.isNaN(x) || Float.isNaN(y)) {
                continue;
            }
            x0 = Math.min(x0, x);
            x1 = Math.max(x1, x);
            y0 = Math.min(y0, y);
            y1 = Math.max(y1, y);
        }
        if (x0 > x1) {
            x0 = y0 = 0;
            x1 = y1 = 1;
        }
        minX = x0;
        minY = y0;
        maxX = x1;
        maxY = y1;
        grid = new SpatialGrid(xy, x0, y0, x1, y1);
        int n = points.size();
        int cap = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        Arrays.fill(values, -1);
        mask = cap - 1;
        long[] ids = points.ids();
        for (int i = 0; i < n; i++) {
            int slot = slot(ids[i]);
            while (values[slot] >= 0 && keys[slot] != ids[i]) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = ids[i];
            values[slot] = i;
        }
    }

    /** Indexes {@code points}; O(n), run it in a background job for large maps. */
    public static LoadedMap of(MapSpace space, MapPoints points) {
        return new LoadedMap(space, points);
    }

    private int slot(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** The index of item {@code id} in {@link #points()}, or -1. */
    public int indexOf(long id) {
        int slot = slot(id);
        while (values[slot] >= 0) {
            if (keys[slot] == id) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    public MapSpace space() {
        return space;
    }

    public MapPoints points() {
        return points;
    }

    public int size() {
        return points.size();
    }

    public SpatialGrid grid() {
        return grid;
    }

    public float minX() {
        return minX;
    }

    public float minY() {
        return minY;
    }

    public float maxX() {
        return maxX;
    }

    public float maxY() {
        return maxY;
    }
}
