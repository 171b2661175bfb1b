package dev.augur.core.projection;

import dev.augur.core.task.TaskMonitor;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class KnnGraphTest {

    @Test
    void euclideanNeighboursEqualBruteForce() {
        int n = 1_000; // not a multiple of the block size
        int d = 13;    // not a multiple of 4
        float[] x = Synthetic.uniform(n, d, 11);
        KnnGraph g = KnnGraph.build(x, n, d, 9, KnnGraph.Metric.EUCLIDEAN, 2, TaskMonitor.NONE);
        assertBruteForce(g, x, n, d, 9, false);
    }

    @Test
    void cosineNeighboursEqualBruteForceAndZeroRowsAreFarFromEverything() {
        int n = 700;
        int d = 8;
        float[] x = Synthetic.uniform(n, d, 12);
        Arrays.fill(x, 5 * d, 6 * d, 0f); // row 5 is zero
        KnnGraph g = KnnGraph.build(x, n, d, 6, KnnGraph.Metric.COSINE, 3, TaskMonitor.NONE);
        assertBruteForce(g, x, n, d, 6, true);
        for (int j = 0; j < 6; j++) {
            assertThat(g.distance(5, j)).isCloseTo(1f, within(1e-6f));
        }
    }

    @Test
    void sameResultOnAnyThreadCountAndDuplicatesAreNeighboursNotSelves() {
        int n = 600;
        int d = 5;
        float[] x = Synthetic.uniform(n, d, 13);
        System.arraycopy(x, 0, x, 300 * d, d); // row 300 duplicates row 0
        KnnGraph one = KnnGraph.build(x, n, d, 4, KnnGraph.Metric.EUCLIDEAN, 1, TaskMonitor.NONE);
        KnnGraph four = KnnGraph.build(x, n, d, 4, KnnGraph.Metric.EUCLIDEAN, 4, TaskMonitor.NONE);
        assertThat(four.indices()).containsExactly(one.indices());
        assertThat(four.distances()).containsExactly(one.distances());
        assertThat(one.neighbour(0, 0)).isEqualTo(300);
        assertThat(one.distance(0, 0)).isZero();
        assertThat(one.neighbour(300, 0)).isZero();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(one.neighbour(i, j)).isNotEqualTo(i);
            }
        }
    }

    @Test
    void tinyInputsAndBadArguments() {
        KnnGraph g = KnnGraph.build(new float[] {0, 0, 3, 4}, 2, 2, 1, KnnGraph.Metric.EUCLIDEAN, TaskMonitor.NONE);
        assertThat(g.neighbour(0, 0)).isEqualTo(1);
        assertThat(g.distance(1, 0)).isEqualTo(5f);
        assertThatThrownBy(() -> KnnGraph.build(new float[4], 2, 2, 2, KnnGraph.Metric.EUCLIDEAN, TaskMonitor.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KnnGraph.build(new float[5], 2, 2, 1, KnnGraph.Metric.EUCLIDEAN, TaskMonitor.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertBruteForce(KnnGraph g, float[] x, int n, int d, int k, boolean cosine) {
        assertThat(g.n()).isEqualTo(n);
        assertThat(g.k()).isEqualTo(k);
        Integer[] order = new Integer[n];
        double[] dist = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                dist[j] = distance(x, d, i, j, cosine);
                order[j] = j;
            }
            dist[i] = Double.POSITIVE_INFINITY;
            Arrays.sort(order, (p, q) -> dist[p] != dist[q] ? Double.compare(dist[p], dist[q]) : Integer.compare(p, q));
            for (int j = 0; j < k; j++) {
                assertThat(g.neighbour(i, j)).as("neighbour %d of %d", j, i).isEqualTo(order[j]);
                assertThat((double) g.distance(i, j)).isCloseTo(dist[order[j]], within(1e-5));
            }
        }
    }

    private static double distance(float[] x, int d, int i, int j, boolean cosine) {
        double dot = 0;
        double ni = 0;
        double nj = 0;
        double sq = 0;
        for (int c = 0; c < d; c++) {
            double a = x[i * d + c];
            double b = x[j * d + c];
            dot += a * b;
            ni += a * a;
            nj += b * b;
            sq += (a - b) * (a - b);
        }
        if (!cosine) {
            return Math.sqrt(sq);
        }
        return ni == 0 || nj == 0 ? 1 : 1 - dot / Math.sqrt(ni * nj);
    }
}
