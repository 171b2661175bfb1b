package dev.augur.core.projection;

import dev.augur.core.task.TaskMonitor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PcaTest {

    @Test
    void recoversAKnownRotationInOrderOfVariance() {
        int n = 20_000;
        int d = 8;
        double[] sd = {5, 3, 2, 1, 0.5, 0.3, 0.2, 0.1};
        double[][] rotation = randomOrthonormal(d, 7);
        double[] offset = {10, -3, 0, 2, 5, 1, -1, 4};
        SplittableRandom r = new SplittableRandom(1);
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                double z = sd[c] * Synthetic.gauss(r);
                for (int j = 0; j < d; j++) {
                    x[i * d + j] += (float) (z * rotation[c][j]);
                }
            }
            for (int j = 0; j < d; j++) {
                x[i * d + j] += (float) offset[j];
            }
        }
        Pca pca = Pca.fit(x, n, d, 4, TaskMonitor.NONE);
        assertThat(pca.components()).isEqualTo(4);
        double[] variances = pca.variances();
        for (int c = 0; c < 4; c++) {
            assertThat(variances[c]).isCloseTo(sd[c] * sd[c], within(0.05 * sd[c] * sd[c]));
            float[] v = pca.component(c);
            assertThat(Math.abs(dot(v, rotation[c]))).isGreaterThan(0.999);
            assertThat(dot(v, v)).isCloseTo(1, within(1e-5));
            int largest = 0;
            for (int j = 1; j < d; j++) {
                if (Math.abs(v[j]) > Math.abs(v[largest])) {
                    largest = j;
                }
            }
            assertThat(v[largest]).as("sign fixed: largest loading positive").isPositive();
        }
        assertThat(pca.mean()[0]).isCloseTo(10f, within(0.1f));
        double total = 0;
        for (double s : sd) {
            total += s * s;
        }
        assertThat(pca.explained()).isCloseTo((25 + 9 + 4 + 1) / total, within(0.01));

        float[] y = pca.transform(x, n, TaskMonitor.NONE);
        double mean0 = 0;
        double var0 = 0;
        for (int i = 0; i < n; i++) {
            mean0 += y[i * 4];
        }
        mean0 /= n;
        for (int i = 0; i < n; i++) {
            var0 += (y[i * 4] - mean0) * (y[i * 4] - mean0);
        }
        assertThat(mean0).isCloseTo(0, within(1e-3));
        assertThat(var0 / (n - 1)).isCloseTo(variances[0], within(1e-3 * variances[0]));
    }

    @Test
    void theResultDoesNotDependOnTheThreadCount() {
        int n = 5_000; // three blocks of rows
        int d = 40;
        float[] x = Synthetic.clusters(n, d, 6, 1, 0.5, 3);
        Pca one = Pca.fit(x, n, d, 5, 1, TaskMonitor.NONE);
        Pca three = Pca.fit(x, n, d, 5, 3, TaskMonitor.NONE);
        for (int c = 0; c < 5; c++) {
            assertThat(three.component(c)).containsExactly(one.component(c));
        }
        assertThat(three.variances()).containsExactly(one.variances());
        assertThat(three.transform(x, n, 3, TaskMonitor.NONE)).containsExactly(one.transform(x, n, 1, TaskMonitor.NONE));
    }

    @Test
    void degenerateInputsGiveZeroVarianceNotErrors() {
        float[] same = new float[30];
        java.util.Arrays.fill(same, 2f);
        Pca pca = Pca.fit(same, 10, 3, 2, TaskMonitor.NONE);
        assertThat(pca.variances()).containsExactly(0, 0);
        assertThat(pca.explained()).isZero();
        assertThat(pca.transform(same, 10, TaskMonitor.NONE)).containsOnly(0f);
        assertThat(Pca.fit(new float[] {1, 2, 3}, 1, 3, 3, TaskMonitor.NONE).variances()).containsOnly(0);
        assertThat(Pca.fit(new float[0], 0, 3, 2, TaskMonitor.NONE).components()).isEqualTo(2);
    }

    @Test
    void badShapesAreRefused() {
        assertThatThrownBy(() -> Pca.fit(new float[5], 2, 3, 1, TaskMonitor.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pca.fit(new float[6], 2, 3, 4, TaskMonitor.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pca.fit(new float[2 * 1025], 2, 1025, 2, TaskMonitor.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1024");
    }

    @Test
    void theEigenDecompositionIsExact() {
        int d = 60;
        SplittableRandom r = new SplittableRandom(5);
        double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = r.nextDouble() - 0.5;
            }
        }
        double[][] v = new double[d][];
        for (int i = 0; i < d; i++) {
            v[i] = a[i].clone();
        }
        double[] values = new double[d];
        SymmetricEigen.decompose(v, values);
        for (int q = 0; q < d; q++) {
            for (int i = 0; i < d; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += a[i][j] * v[q][j];
                }
                assertThat(s).isCloseTo(values[q] * v[q][i], within(1e-12));
            }
            for (int p = 0; p < d; p++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += v[p][j] * v[q][j];
                }
                assertThat(s).isCloseTo(p == q ? 1 : 0, within(1e-12));
            }
        }
    }

    private static double[][] randomOrthonormal(int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] q = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                q[i][j] = Synthetic.gauss(r);
            }
            for (int p = 0; p < i; p++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += q[i][j] * q[p][j];
                }
                for (int j = 0; j < d; j++) {
                    q[i][j] -= s * q[p][j];
                }
            }
            double norm = 0;
            for (int j = 0; j < d; j++) {
                norm += q[i][j] * q[i][j];
            }
            for (int j = 0; j < d; j++) {
                q[i][j] /= Math.sqrt(norm);
            }
        }
        return q;
    }

    private static double dot(float[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (double) a[j] * b[j];
        }
        return s;
    }
}
