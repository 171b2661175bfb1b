package dev.augur.core.projection;

import dev.augur.core.task.TaskMonitor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KMeansTest {

    @Test
    void findsWellSeparatedClustersDeterministically() {
        int n = 2_000;
        float[] x = Synthetic.clusters(n, 2, 4, 20, 1, 8);
        int[] labels = KMeans.cluster(x, n, 2, 4, 7);
        assertThat(agreement(labels, n, 4)).isEqualTo(1.0);
        assertThat(KMeans.cluster(x, n, 2, 4, 7)).containsExactly(labels);
        assertThat(labels).containsOnly(0, 1, 2, 3);
    }

    @Test
    void labelsAreNumberedByClusterSize() {
        // 30 points near (0,0), 20 near (10,10), 10 near (-10,10): sizes 30, 20, 10
        float[] x = new float[60 * 2];
        for (int i = 0; i < 60; i++) {
            float cx = i < 10 ? -10 : i < 30 ? 10 : 0;
            float cy = i < 30 ? 10 : 0;
            x[2 * i] = cx + (i % 3) * 0.1f;
            x[2 * i + 1] = cy + (i % 5) * 0.1f;
        }
        int[] labels = KMeans.cluster(x, 60, 2, 3, 1);
        assertThat(labels[45]).isZero();
        assertThat(labels[15]).isEqualTo(1);
        assertThat(labels[5]).isEqualTo(2);
    }

    @Test
    void moreClustersThanDistinctPointsAndBadArguments() {
        float[] x = {1, 1, 1, 1, 2, 2};
        int[] labels = KMeans.cluster(x, 3, 2, 5, 1);
        assertThat(labels[0]).isEqualTo(labels[1]).isZero();
        assertThat(labels[2]).isEqualTo(1);
        assertThat(KMeans.cluster(new float[0], 0, 2, 3, 1)).isEmpty();
        assertThatThrownBy(() -> KMeans.cluster(x, 3, 2, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KMeans.cluster(x, 2, 2, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(KMeans.cluster(x, 3, 2, 2, 1, 10, TaskMonitor.NONE)).hasSize(3);
    }

    /** How well labels match the clusters i % c: the share of points in the majority true cluster of their label. */
    static double agreement(int[] labels, int n, int c) {
        int[][] table = new int[c + 1][c];
        for (int i = 0; i < n; i++) {
            table[labels[i]][i % c]++;
        }
        int right = 0;
        for (int[] row : table) {
            int max = 0;
            for (int v : row) {
                max = Math.max(max, v);
            }
            right += max;
        }
        return (double) right / n;
    }
}
