package dev.augur.core.projection;

import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskMonitor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class UmapTest {
    private static final int N = 1_500;
    private static final int D = 50;
    private static final int CLUSTERS = 5;

    /** 5 well-separated gaussian clusters in 50-D, point i in cluster i % 5. */
    private static final float[] DATA = Synthetic.clusters(N, D, CLUSTERS, 1.0, 0.35, 21);

    @Test
    void separatesClustersAndKeepsNeighbourhoods() {
        List<String> messages = new ArrayList<>();
        long[] last = new long[2];
        TaskMonitor monitor = new TaskMonitor() {
            @Override public void progress(long done, long total) {
                assertThat(done).isGreaterThanOrEqualTo(last[0]).isLessThanOrEqualTo(total);
                last[0] = done;
                last[1] = total;
            }
            @Override public void message(String message) { messages.add(message); }
            @Override public boolean isCancelled() { return false; }
        };
        float[] xy = Umap.embed(DATA, N, D, UmapParams.DEFAULTS, monitor);
        assertThat(xy).hasSize(2 * N);
        for (float v : xy) {
            assertThat(Float.isFinite(v)).isTrue();
        }
        assertThat(last[0]).isEqualTo(last[1]);
        assertThat(messages).anyMatch(m -> m.contains("principal components")).anyMatch(m -> m.contains("neighbours"))
                .anyMatch(m -> m.contains("epoch 500 of 500"));

        double umap = Trustworthiness.at(DATA, D, xy, N, 10);
        float[] pca = Pca.reduce(DATA, N, D, 2, TaskMonitor.NONE);
        double linear = Trustworthiness.at(DATA, D, pca, N, 10);
        System.out.printf("trustworthiness@10 on %d points, %d gaussian clusters in %d-D: UMAP %.4f, PCA %.4f%n",
                N, CLUSTERS, D, umap, linear);
        assertThat(umap).isGreaterThanOrEqualTo(0.9);

        double accuracy = nearestCentroidAccuracy(xy);
        System.out.printf("nearest-centroid accuracy of the UMAP layout: %.4f%n", accuracy);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.95);
        assertThat(KMeansTest.agreement(KMeans.cluster(xy, N, 2, CLUSTERS, 1), N, CLUSTERS)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedAnotherLayout() {
        int n = 600;
        float[] x = Arrays.copyOf(DATA, n * D);
        UmapParams p = UmapParams.DEFAULTS.withEpochs(100);
        float[] a = Umap.embed(x, n, D, p, 2, TaskMonitor.NONE);
        float[] b = Umap.embed(x, n, D, p, 1, TaskMonitor.NONE);
        float[] c = Umap.embed(x, n, D, p.withSeed(43), 2, TaskMonitor.NONE);
        assertThat(b).containsExactly(a);
        assertThat(Arrays.equals(a, c)).isFalse();
    }

    @Test
    void theCurveParametersMatchTheReferenceImplementation() {
        double[] ab = UmapCurve.fitAb(1.0, 0.1); // umap-learn: a = 1.5769, b = 0.8951
        assertThat(ab[0]).isCloseTo(1.5769, within(0.01));
        assertThat(ab[1]).isCloseTo(0.8951, within(0.005));
        ab = UmapCurve.fitAb(1.0, 0.5); // umap-learn: a = 0.5830, b = 1.3342
        assertThat(ab[0]).isCloseTo(0.583, within(0.01));
        assertThat(ab[1]).isCloseTo(1.334, within(0.01));
    }

    @Test
    void smoothKnnMembershipsSumToLog2OfTheNeighbourhood() {
        int n = 300;
        float[] x = Arrays.copyOf(DATA, n * D);
        KnnGraph g = KnnGraph.build(x, n, D, 14, KnnGraph.Metric.EUCLIDEAN, TaskMonitor.NONE);
        double[] w = FuzzyGraph.memberships(n, 14, g.indices(), g.distances(), 15);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < 14; j++) {
                sum += w[i * 14 + j];
            }
            assertThat(w[i * 14]).isEqualTo(1.0); // the nearest neighbour is at rho
            assertThat(sum).isCloseTo(Math.log(15) / Math.log(2), within(1e-3));
        }
        FuzzyGraph edges = FuzzyGraph.of(g, 15, 500);
        for (int e = 0; e < edges.size(); e++) { // symmetric: every edge has its reverse with the same weight
            int back = -1;
            for (int f = 0; f < edges.size(); f++) {
                if (edges.head()[f] == edges.tail()[e] && edges.tail()[f] == edges.head()[e]) {
                    back = f;
                }
            }
            assertThat(back).isNotNegative();
            assertThat(edges.weight()[back]).isEqualTo(edges.weight()[e]);
            assertThat(edges.weight()[e]).isBetween(0.0, 1.0);
        }
    }

    @Test
    void tinyInputsWork() {
        assertThat(Umap.embed(new float[0], 0, 3, UmapParams.DEFAULTS, TaskMonitor.NONE)).isEmpty();
        assertThat(Umap.embed(new float[] {1, 2, 3}, 1, 3, UmapParams.DEFAULTS, TaskMonitor.NONE)).hasSize(2);
        float[] five = Arrays.copyOf(DATA, 5 * D);
        float[] xy = Umap.embed(five, 5, D, UmapParams.DEFAULTS, TaskMonitor.NONE);
        assertThat(xy).hasSize(10);
        for (float v : xy) {
            assertThat(Float.isFinite(v)).isTrue();
        }
        float[] same = new float[40 * 3]; // all points identical
        assertThat(Umap.embed(same, 40, 3, UmapParams.DEFAULTS.withEpochs(20), TaskMonitor.NONE)).hasSize(80);
    }

    @Test
    void cancellingStopsTheLayout() {
        int[] epochs = {0};
        TaskMonitor monitor = new TaskMonitor() {
            @Override public void progress(long done, long total) { }
            @Override public void message(String message) {
                if (message.contains("epoch")) {
                    epochs[0]++;
                }
            }
            @Override public boolean isCancelled() { return epochs[0] >= 2; }
        };
        assertThatThrownBy(() -> Umap.embed(Arrays.copyOf(DATA, 300 * D), 300, D, UmapParams.DEFAULTS, monitor))
                .isInstanceOf(TaskCancelledException.class);
        assertThat(epochs[0]).isEqualTo(2);
    }

    @Test
    void paramsAreCheckedAndCanonical() {
        assertThat(UmapParams.DEFAULTS.canonical()).isEqualTo("neighbours=15 minDist=0.1 epochs=auto seed=42 pcaDims=50");
        assertThat(new UmapParams()).isEqualTo(UmapParams.DEFAULTS);
        assertThat(UmapParams.DEFAULTS.epochsFor(10_000)).isEqualTo(500);
        assertThat(UmapParams.DEFAULTS.epochsFor(10_001)).isEqualTo(200);
        assertThat(UmapParams.DEFAULTS.withEpochs(30).epochsFor(10)).isEqualTo(30);
        assertThat(UmapParams.DEFAULTS.withEpochs(30).canonical()).contains("epochs=30");
        assertThatThrownBy(() -> new UmapParams(1, 0.1, 0, 1, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UmapParams(15, Double.NaN, 0, 1, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UmapParams(15, 0.1, -1, 1, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UmapParams(15, 0.1, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The share of points whose nearest 2-D cluster centroid is their own cluster's. */
    private static double nearestCentroidAccuracy(float[] xy) {
        double[][] centroid = new double[CLUSTERS][2];
        for (int i = 0; i < N; i++) {
            centroid[i % CLUSTERS][0] += xy[2 * i] / (N / CLUSTERS);
            centroid[i % CLUSTERS][1] += xy[2 * i + 1] / (N / CLUSTERS);
        }
        int right = 0;
        for (int i = 0; i < N; i++) {
            int best = 0;
            double bestD = Double.POSITIVE_INFINITY;
            for (int c = 0; c < CLUSTERS; c++) {
                double dx = xy[2 * i] - centroid[c][0];
                double dy = xy[2 * i + 1] - centroid[c][1];
                if (dx * dx + dy * dy < bestD) {
                    bestD = dx * dx + dy * dy;
                    best = c;
                }
            }
            if (best == i % CLUSTERS) {
                right++;
            }
        }
        return (double) right / N;
    }
}
