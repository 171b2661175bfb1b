package dev.augur.core.bench;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PairedDifferenceTest {

    @Test
    void identicalModelsDifferByNothing() {
        double[] a = {0.5, 0, 1, 0.25};
        PairedDifference d = PairedDifference.of(a, a.clone(), new boolean[] {true, true, true, true}, 1);
        assertThat(d.mean()).isZero();
        assertThat(d.low()).isZero();
        assertThat(d.high()).isZero();
        assertThat(d.notWorse()).isTrue();
    }

    @Test
    void onlyScoredUsersCountAndTheMeanIsTheirs() {
        double[] a = {1, 0, 0.5, 99};
        double[] b = {0, 0, 0.25, -99};
        PairedDifference d = PairedDifference.of(a, b, new boolean[] {true, true, true, false}, 1);
        assertThat(d.users()).isEqualTo(3);
        assertThat(d.mean()).isCloseTo((1 + 0 + 0.25) / 3, within(1e-12));
        assertThat(d.low()).isGreaterThanOrEqualTo(0.0); // every difference is ≥ 0
        assertThat(d.high()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void aSmallRealEdgeOverManyUsersIsSeenAndNoiseIsNot() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 5000;
        double[] base = new double[n];
        double[] better = new double[n];
        double[] noisy = new double[n];
        for (int u = 0; u < n; u++) {
            base[u] = r.nextDouble() < 0.1 ? 1 : 0;
            better[u] = base[u] == 0 && r.nextDouble() < 0.03 ? 1 : base[u]; // 3 % more hits, never fewer
            noisy[u] = r.nextDouble() < 0.5 ? base[u] : (r.nextDouble() < 0.1 ? 1 : 0);
        }
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        PairedDifference edge = PairedDifference.of(better, base, all, 7);
        assertThat(edge.low()).isGreaterThan(0);
        PairedDifference none = PairedDifference.of(noisy, base, all, 7);
        assertThat(none.low()).isLessThan(0);
        assertThat(none.high()).isGreaterThan(0);
        assertThat(PairedDifference.of(base, better, all, 7).notWorse()).isFalse();
    }

    @Test
    void mismatchedOrEmptyInputIsRefused() {
        assertThatThrownBy(() -> PairedDifference.of(new double[2], new double[3], new boolean[2], 1))
                .hasMessageContaining("equal lengths");
        assertThatThrownBy(() -> PairedDifference.of(new double[2], new double[2], new boolean[2], 1))
                .hasMessageContaining("no user");
    }
}
