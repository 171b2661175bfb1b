package dev.augur.ui.map;

import dev.augur.core.task.TaskMonitor;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded Gaussian clusters for tests and the redraw benchmark: two spaces over the same items, the second one a
 * jittered copy in which every tenth item (about) moved to another cluster. The change score of an item is how far
 * it moved, relative to the size of the whole map, clamped to [0, 1].
 */
public final class SyntheticMapData implements MapDataSource {
    public static final String DATASET = "synthetic";
    private static final String[] CATEGORIES = {"Drama", "Comedy", "Action", "Documentary", "Horror", "Romance",
            "Thriller", "Animation", "Sci-Fi", "Fantasy", "Crime", "Western", "Musical", "War", "Family", "Sport"};
    private static final String[] WORDS = {"Red", "Silent", "Golden", "Lost", "Broken", "Hidden", "Last", "Wild",
            "Dark", "Bright", "Frozen", "Electric"};
    private static final String[] NOUNS = {"River", "City", "Garden", "Signal", "Harbour", "Forest", "Machine",
            "Letter", "Island", "Winter", "Orchard", "Engine", "Mirror", "Tower", "Desert", "Voyage"};
    private static final String[] ANNOTATIONS = {"accepted", "rejected", "pending"};

    private final int n;
    private final long seed;
    private final int clusters;
    private final MapSpace a;
    private final MapSpace b;
    private final double weightTotal;
    private MapPoints first;
    private MapPoints second;
    private float[] change;

    public SyntheticMapData(int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n < 0");
        }
        this.n = n;
        this.seed = seed;
        this.clusters = Math.max(3, Math.min(CATEGORIES.length, 4 + n / 5_000));
        double total = 0;
        for (int c = 0; c < clusters; c++) {
            total += 1.0 / (1 + c / 2.0);
        }
        this.weightTotal = total;
        this.a = new MapSpace("synthetic-a", DATASET, "minilm · {title}. {categories}. {description} · UMAP");
        this.b = new MapSpace("synthetic-b", DATASET, "bge-small · {title}. {description} · UMAP");
    }

    @Override
    public List<MapSpace> spaces() {
        return List.of(a, b);
    }

    public MapSpace first() {
        return a;
    }

    public MapSpace second() {
        return b;
    }

    @Override
    public synchronized MapPoints load(MapSpace space, TaskMonitor monitor) {
        generate(monitor);
        if (space.key().equals(a.key())) {
            return first;
        }
        if (space.key().equals(b.key())) {
            return second;
        }
        throw new IllegalArgumentException("no space " + space.key());
    }

    @Override
    public synchronized float[] neighbourhoodChange(MapSpace x, MapSpace y, TaskMonitor monitor) {
        generate(monitor);
        if (Objects.equals(x.key(), y.key())) {
            return new float[n];
        }
        return change.clone(); // both spaces list the items in the same order
    }

    /** The points of the first space (for benchmarks that need no source). */
    public static MapPoints points(int n, long seed) {
        SyntheticMapData d = new SyntheticMapData(n, seed);
        return d.load(d.first(), TaskMonitor.NONE);
    }

    private void generate(TaskMonitor monitor) {
        if (first != null) {
            return;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] cx = new float[clusters];
        float[] cy = new float[clusters];
        float[] spread = new float[clusters];
        double ring = 10;
        for (int c = 0; c < clusters; c++) {
            double angle = 2 * Math.PI * c / clusters + rnd.nextDouble(-0.2, 0.2);
            double radius = ring * (0.5 + rnd.nextDouble());
            cx[c] = (float) (radius * Math.cos(angle));
            cy[c] = (float) (radius * Math.sin(angle));
            spread[c] = (float) (0.6 + rnd.nextDouble() * 0.9);
        }
        long[] ids = new long[n];
        float[] xy = new float[2 * n];
        float[] xy2 = new float[2 * n];
        String[] titles = new String[n];
        String[] external = new String[n];
        String[] category = new String[n];
        int[] popularity = new int[n];
        boolean[] cold = new boolean[n];
        boolean[] synthetic = new boolean[n];
        String[] annotation = new String[n];
        int[] cluster = new int[n];
        int[] cluster2 = new int[n];
        change = new float[n];
        double scale = 3 * ring; // a move across the whole map scores about 1
        for (int i = 0; i < n; i++) {
            if ((i & 0xFFFF) == 0) {
                monitor.checkCancelled();
                monitor.progress(i, n);
            }
            int c = skewedCluster(rnd);
            ids[i] = i + 1;
            double x = cx[c] + rnd.nextGaussian() * spread[c];
            double y = cy[c] + rnd.nextGaussian() * spread[c];
            xy[2 * i] = (float) x;
            xy[2 * i + 1] = (float) y;
            cluster[i] = rnd.nextInt(50) == 0 ? -1 : c;
            category[i] = rnd.nextInt(5) == 0 ? CATEGORIES[rnd.nextInt(CATEGORIES.length)] : CATEGORIES[c];
            titles[i] = WORDS[rnd.nextInt(WORDS.length)] + " " + NOUNS[c] + " " + (i + 1);
            external[i] = "item-" + (i + 1);
            int pop = (int) Math.floor(2000 / Math.pow(1 + rnd.nextDouble() * 400, 1.1));
            popularity[i] = pop;
            cold[i] = pop < 5;
            synthetic[i] = rnd.nextInt(8) == 0;
            annotation[i] = rnd.nextInt(20) == 0 ? ANNOTATIONS[rnd.nextInt(ANNOTATIONS.length)] : "none";
            double x2 = x + rnd.nextGaussian() * 0.05 * spread[c];
            double y2 = y + rnd.nextGaussian() * 0.05 * spread[c];
            int c2 = c;
            if (rnd.nextInt(10) == 0) {
                c2 = (c + 1 + rnd.nextInt(clusters - 1)) % clusters;
                x2 = cx[c2] + (x - cx[c]);
                y2 = cy[c2] + (y - cy[c]);
            }
            xy2[2 * i] = (float) x2;
            xy2[2 * i + 1] = (float) y2;
            cluster2[i] = cluster[i] < 0 ? -1 : c2;
            change[i] = (float) Math.min(1, Math.hypot(x2 - x, y2 - y) / scale);
        }
        first = new MapPoints(ids, xy, titles, external, category, popularity, cold, synthetic, annotation, cluster);
        second = new MapPoints(ids, xy2, titles, external, category, popularity, cold, synthetic, annotation, cluster2);
        monitor.progress(n, n);
    }

    /** Clusters of unequal size: cluster c is picked with weight 1 / (1 + c / 2). */
    private int skewedCluster(SplittableRandom rnd) {
        double r = rnd.nextDouble() * weightTotal;
        for (int c = 0; c < clusters; c++) {
            r -= 1.0 / (1 + c / 2.0);
            if (r <= 0) {
                return c;
            }
        }
        return clusters - 1;
    }
}
