package dev.augur.ui.map;

import dev.augur.core.task.TaskMonitor;

import java.util.List;

/**
 * Known coordinates for map tests: a grid of {@value #COLS} × {@value #ROWS} points, point (c, r) at x = c, y = r
 * with id {@code 1000 + r * COLS + c}. Columns 0–6 are "Drama", 7–13 "Comedy", 14–19 "Action"; titles of every
 * fourth column say "Kettle", the rest "Teapot"; popularity is {@code r * COLS + c}, cold below 20 (row 0).
 * The second space is the same grid with the top-right 5 × 5 block moved far left; the change score of a point is
 * {@code c / 20} in the first space's order (so the highest scores are in column 19).
 */
final class GridData implements MapDataSource {
    static final int COLS = 20;
    static final int ROWS = 15;
    static final String DATASET = "grid";
    static final MapSpace FIRST = new MapSpace("grid-a", DATASET, "minilm · {title} · UMAP");
    static final MapSpace SECOND = new MapSpace("grid-b", DATASET, "bge-small · {title}. {description} · UMAP");

    static long id(int c, int r) {
        return 1000 + r * COLS + c;
    }

    static String category(int c) {
        return c < 7 ? "Drama" : c < 14 ? "Comedy" : "Action";
    }

    static String title(int c, int r) {
        return (c % 4 == 0 ? "Kettle" : "Teapot") + " r" + r + " c" + c;
    }

    static MapPoints points(boolean moved) {
        int n = COLS * ROWS;
        long[] ids = new long[n];
        float[] xy = new float[2 * n];
        String[] titles = new String[n];
        String[] external = new String[n];
        String[] category = new String[n];
        int[] popularity = new int[n];
        boolean[] cold = new boolean[n];
        boolean[] synthetic = new boolean[n];
        String[] annotation = new String[n];
        int[] cluster = new int[n];
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                int i = r * COLS + c;
                ids[i] = id(c, r);
                boolean move = moved && c >= 15 && r >= 10;
                xy[2 * i] = move ? c - 40 : c;
                xy[2 * i + 1] = r;
                titles[i] = title(c, r);
                external[i] = "p-" + r + "-" + c;
                category[i] = category(c);
                popularity[i] = i;
                cold[i] = i < 20;
                synthetic[i] = c % 5 == 0;
                annotation[i] = r == 14 ? "accepted" : "none";
                cluster[i] = r / 5;
            }
        }
        return new MapPoints(ids, xy, titles, external, category, popularity, cold, synthetic, annotation, cluster);
    }

    @Override
    public List<MapSpace> spaces() {
        return List.of(FIRST, SECOND);
    }

    @Override
    public MapPoints load(MapSpace space, TaskMonitor monitor) {
        return points(space.equals(SECOND));
    }

    @Override
    public float[] neighbourhoodChange(MapSpace a, MapSpace b, TaskMonitor monitor) {
        float[] s = new float[COLS * ROWS];
        for (int i = 0; i < s.length; i++) {
            s[i] = (i % COLS) / 20f;
        }
        return s;
    }
}
