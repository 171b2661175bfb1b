package dev.augur.core.projection;

import dev.augur.core.store.VectorMatrix;
import dev.augur.core.task.TaskMonitor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Trustworthiness, neighbourhood change and the fast maths they and UMAP rest on. */
class MeasuresTest {

    @Test
    void trustworthinessIsOneForTheDataItselfAndLowForNoise() {
        int n = 400;
        float[] plane = Synthetic.uniform(n, 2, 1);
        assertThat(Trustworthiness.at(plane, 2, plane, n, 5)).isEqualTo(1.0);
        float[] noise = Synthetic.uniform(n, 2, 2);
        double t = Trustworthiness.at(plane, 2, noise, n, 5);
        assertThat(t).isBetween(0.3, 0.7);
        // a 3-D point cloud seen from above keeps most neighbourhoods
        float[] cloud = Synthetic.uniform(n, 3, 3);
        float[] top = new float[2 * n];
        for (int i = 0; i < n; i++) {
            cloud[3 * i + 2] *= 0.05f;
            top[2 * i] = cloud[3 * i];
            top[2 * i + 1] = cloud[3 * i + 1];
        }
        assertThat(Trustworthiness.at(cloud, 3, top, n, 5)).isGreaterThan(0.95).isLessThan(1.0);
        assertThatThrownBy(() -> Trustworthiness.at(plane, 2, plane, n, 200)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neighbourhoodChangeIsZeroForTheSameSpaceAndHighForAShuffledOne() {
        int n = 1_200;
        int d = 64;
        float[] x = Synthetic.normalise(Synthetic.clusters(n, d, 8, 1, 0.6, 4), d);
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = 1000 + 3L * i;
        }
        VectorMatrix a = new VectorMatrix(ids, d, x);
        NeighbourhoodChanges same = NeighbourhoodChange.score(a, a, 10, 50, TaskMonitor.NONE);
        assertThat(same.entityIds()).containsExactly(ids);
        assertThat(same.changed()).containsOnly(0f);
        assertThat(same.mean()).isZero();

        // the same vectors given to other entities: a random permutation of who is where
        float[] shuffled = new float[n * d];
        int[] perm = permutation(n, 9);
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, perm[i] * d, shuffled, i * d, d);
        }
        NeighbourhoodChanges moved = NeighbourhoodChange.score(a, new VectorMatrix(ids, d, shuffled), 10, 50,
                TaskMonitor.NONE);
        System.out.printf("neighbourhood change after a random permutation: mean %.3f%n", moved.mean());
        assertThat(moved.mean()).isGreaterThan(0.5);
        for (float c : moved.changed()) {
            assertThat(c).isBetween(0f, 1f);
        }
    }

    @Test
    void neighbourhoodChangeScoresOnlyEntitiesInBothSpaces() {
        int d = 6;
        float[] x = Synthetic.uniform(50, d, 5);
        long[] ids = new long[50];
        for (int i = 0; i < 50; i++) {
            ids[i] = i;
        }
        // b: the last 40 entities of a, in reverse row order, plus one of its own
        long[] idsB = new long[41];
        float[] xb = new float[41 * d];
        for (int i = 0; i < 40; i++) {
            idsB[i] = 49 - i;
            System.arraycopy(x, (49 - i) * d, xb, i * d, d);
        }
        idsB[40] = 500;
        NeighbourhoodChanges c = NeighbourhoodChange.score(new VectorMatrix(ids, d, x), new VectorMatrix(idsB, d, xb),
                5, 50, TaskMonitor.NONE);
        assertThat(c.size()).isEqualTo(40);
        assertThat(c.entityIds()[0]).isEqualTo(10);
        assertThat(c.entityIds()[39]).isEqualTo(49);
        assertThat(c.changed()).containsOnly(0f);
        VectorMatrix one = new VectorMatrix(new long[] {1}, d, new float[d]);
        assertThat(NeighbourhoodChange.score(one, one, 5, 50, TaskMonitor.NONE).changed()).containsExactly(0f);
    }

    @Test
    void fastMathIsAccurateAndPlain() {
        SplittableRandom r = new SplittableRandom(1);
        FastMath.Power power = new FastMath.Power(0.8950608781227859);
        FastMath.Power half = new FastMath.Power(0.5);
        for (int i = 0; i < 100_000; i++) {
            double x = Math.exp(60 * r.nextDouble() - 40); // 4e-18 .. 5e8
            double expected = Math.pow(x, 0.8950608781227859);
            assertThat(power.of(x)).isCloseTo(expected, within(1e-6 * expected));
            double z = 100 * r.nextDouble() - 80;
            assertThat(FastMath.exp(z)).isCloseTo(Math.exp(z), within(1e-6 * Math.exp(z)));
        }
        assertThat(power.of(1)).isEqualTo(1.0);
        assertThat(half.of(4)).isEqualTo(2.0);
        assertThat(half.of(Double.MIN_VALUE)).isCloseTo(Math.sqrt(Double.MIN_VALUE), within(1e-6 * Math.sqrt(Double.MIN_VALUE)));
        assertThat(FastMath.exp(0)).isEqualTo(1.0);
        assertThat(FastMath.exp(-800)).isZero();
        assertThat(FastMath.exp(800)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    private static int[] permutation(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
