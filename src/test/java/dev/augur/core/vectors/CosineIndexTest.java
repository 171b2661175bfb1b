package dev.augur.core.vectors;

import dev.augur.core.store.VectorMatrix;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CosineIndexTest {
    private static final int N = 700;
    private static final int D = 37; // not a multiple of 4: the loop's tail runs too

    /** Rows with entity ids 5, 8, 11, … and some zero rows. */
    private static VectorMatrix random(long seed, int n, int d) {
        Random rnd = new Random(seed);
        long[] ids = new long[n];
        float[] data = new float[n * d];
        for (int i = 0; i < n; i++) {
            ids[i] = 5 + 3L * i;
            if (i % 97 == 13) {
                continue; // a zero vector
            }
            for (int j = 0; j < d; j++) {
                data[i * d + j] = (float) (rnd.nextGaussian() * (1 + i % 5));
            }
        }
        return new VectorMatrix(ids, d, data);
    }

    /** The brute-force answer in double precision. */
    private static List<long[]> reference(VectorMatrix m, float[] q, int k, long exclude) {
        record Hit(long id, int row, double cos) {
        }
        double qn = 0;
        for (float v : q) {
            qn += (double) v * v;
        }
        qn = Math.sqrt(qn);
        List<Hit> hits = new ArrayList<>();
        for (int r = 0; r < m.size(); r++) {
            if (m.entityIds()[r] == exclude) {
                continue;
            }
            double dot = 0;
            double rn = 0;
            for (int j = 0; j < m.dims(); j++) {
                dot += (double) m.data()[r * m.dims() + j] * q[j];
                rn += (double) m.data()[r * m.dims() + j] * m.data()[r * m.dims() + j];
            }
            double cos = rn == 0 || qn == 0 ? 0 : dot / (Math.sqrt(rn) * qn);
            hits.add(new Hit(m.entityIds()[r], r, cos));
        }
        hits.sort(Comparator.comparingDouble(Hit::cos).reversed().thenComparingLong(Hit::id));
        List<long[]> out = new ArrayList<>();
        for (Hit h : hits.subList(0, Math.min(k, hits.size()))) {
            out.add(new long[] {h.id(), h.row(), Double.doubleToLongBits(h.cos())});
        }
        return out;
    }

    private static void assertMatches(List<Neighbour> got, List<long[]> want) {
        assertThat(got).hasSize(want.size());
        for (int i = 0; i < want.size(); i++) {
            assertThat(got.get(i).entityId()).as("rank %d", i).isEqualTo(want.get(i)[0]);
            assertThat(got.get(i).row()).isEqualTo((int) want.get(i)[1]);
            assertThat((double) got.get(i).cosine()).isCloseTo(Double.longBitsToDouble(want.get(i)[2]), within(1e-5));
        }
    }

    @Test
    void topKMatchesBruteForceForAnyThreadCount() {
        VectorMatrix m = random(42, N, D);
        Random rnd = new Random(7);
        for (int threads : new int[] {1, 2, 3, 8}) {
            try (CosineIndex index = new CosineIndex(m, 50, threads)) {
                assertThat(index.size()).isEqualTo(N);
                assertThat(index.dims()).isEqualTo(D);
                for (int t = 0; t < 10; t++) {
                    float[] q = new float[D];
                    for (int j = 0; j < D; j++) {
                        q[j] = (float) rnd.nextGaussian();
                    }
                    int k = 1 + rnd.nextInt(50);
                    assertMatches(index.nearest(q, k, CosineIndex.NO_ENTITY), reference(m, q, k, Long.MIN_VALUE));
                    long exclude = m.entityIds()[rnd.nextInt(N)];
                    assertMatches(index.nearest(q, k, exclude), reference(m, q, k, exclude));
                }
            }
        }
    }

    @Test
    void nearestToExcludesItselfAndUnknownEntitiesFindNothing() {
        VectorMatrix m = random(1, N, D);
        try (CosineIndex index = new CosineIndex(m, 20, 3)) {
            for (int row : new int[] {0, 1, 350, N - 1}) {
                long id = m.entityIds()[row];
                List<Neighbour> got = index.nearestTo(id, 20);
                assertMatches(got, reference(m, m.row(row), 20, id));
                assertThat(got).extracting(Neighbour::entityId).doesNotContain(id);
            }
            assertThat(index.nearestTo(6, 10)).isEmpty(); // ids are 5, 8, 11, ...
            assertThat(index.nearestTo(5, 0)).isEmpty();
        }
    }

    @Test
    void kBeyondTheSizeGivesEveryRowAndKBeyondMaxKIsRefused() {
        VectorMatrix m = random(3, 9, 4);
        try (CosineIndex index = new CosineIndex(m, 10, 4)) {
            float[] q = {1, 2, 3, 4};
            assertMatches(index.nearest(q, 500, CosineIndex.NO_ENTITY), reference(m, q, 500, Long.MIN_VALUE));
            assertThat(index.nearest(q, 500, CosineIndex.NO_ENTITY)).hasSize(9);
            assertThat(index.nearestTo(m.entityIds()[2], 500)).hasSize(8);
        }
        VectorMatrix big = random(3, 40, 4);
        try (CosineIndex index = new CosineIndex(big, 10, 2)) {
            assertThatThrownBy(() -> index.nearest(new float[] {1, 0, 0, 0}, 11, CosineIndex.NO_ENTITY))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10");
            assertThat(index.nearest(new float[] {1, 0, 0, 0}, 10, CosineIndex.NO_ENTITY)).hasSize(10);
            assertThatThrownBy(() -> index.nearest(new float[] {1, 0, 0}, 5, CosineIndex.NO_ENTITY))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimensions");
            assertThatThrownBy(() -> index.nearest(new float[] {Float.NaN, 0, 0, 0}, 5, CosineIndex.NO_ENTITY))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void tiesAreBrokenByEntityIdWhateverThePartitioning() {
        // ids out of order in the matrix; rows 0..5 are the same direction at different lengths
        long[] ids = {60, 10, 50, 20, 40, 30, 70, 80};
        float[] data = {
            1, 1, 0,   2, 2, 0,   3, 3, 0,   0.5f, 0.5f, 0,   7, 7, 0,   1, 1, 0,
            0, 0, 0,   -1, -1, 0};
        VectorMatrix m = new VectorMatrix(ids, 3, data);
        for (int threads = 1; threads <= 8; threads++) {
            try (CosineIndex index = new CosineIndex(m, 8, threads)) {
                List<Neighbour> got = index.nearest(new float[] {3, 3, 0}, 8, CosineIndex.NO_ENTITY);
                assertThat(got).extracting(Neighbour::entityId).containsExactly(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L);
                assertThat(got.get(0).cosine()).isCloseTo(1f, within(1e-6f)).isEqualTo(got.get(5).cosine());
                assertThat(got.get(6).cosine()).isZero(); // the zero vector
                assertThat(got.get(7).cosine()).isCloseTo(-1f, within(1e-6f));
                assertThat(got.get(0).row()).isEqualTo(1);
                assertThat(index.nearestTo(50, 3)).extracting(Neighbour::entityId).containsExactly(10L, 20L, 30L);
                assertThat(index.nearestTo(70, 2)).extracting(Neighbour::entityId).containsExactly(10L, 20L);
            }
        }
    }

    @Test
    void concurrentQueriesGetTheSameAnswersAsSequentialOnes() throws Exception {
        VectorMatrix m = random(11, N, D);
        try (CosineIndex index = new CosineIndex(m, 30, 3)) {
            int queries = 40;
            List<List<Neighbour>> expected = new ArrayList<>();
            for (int i = 0; i < queries; i++) {
                expected.add(index.nearestTo(m.entityIds()[i * 17 % N], 30));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<Neighbour>>> futures = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < queries; i++) {
                        long id = m.entityIds()[i * 17 % N];
                        futures.add(pool.submit(() -> index.nearestTo(id, 30)));
                    }
                }
                for (int i = 0; i < futures.size(); i++) {
                    assertThat(futures.get(i).get()).isEqualTo(expected.get(i % queries));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void anEmptyIndexFindsNothingAndAClosedOneRefuses() {
        try (CosineIndex empty = new CosineIndex(new VectorMatrix(new long[0], 0, new float[0]))) {
            assertThat(empty.size()).isZero();
            assertThat(empty.nearest(new float[384], 10, CosineIndex.NO_ENTITY)).isEmpty();
            assertThat(empty.nearestTo(1, 10)).isEmpty();
        }
        CosineIndex index = new CosineIndex(random(5, 20, 4), 5, 2);
        index.close();
        index.close();
        assertThatThrownBy(() -> index.nearestTo(5, 3)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theIndexCopiesTheMatrixAndKeepsZeroRowsZero() {
        VectorMatrix m = new VectorMatrix(new long[] {1, 2}, 2, new float[] {3, 4, 0, 0});
        try (CosineIndex index = new CosineIndex(m, 5, 1)) {
            m.data()[0] = -3; // the caller's array changes; the index does not
            List<Neighbour> got = index.nearest(new float[] {3, 4}, 2, CosineIndex.NO_ENTITY);
            assertThat(got).extracting(Neighbour::entityId).containsExactly(1L, 2L);
            assertThat(got.get(0).cosine()).isCloseTo(1f, within(1e-6f));
            assertThat(got.get(1).cosine()).isZero();
            assertThat(index.nearestTo(2, 1)).singleElement().satisfies(nb -> assertThat(nb.cosine()).isZero());
        }
    }
}
