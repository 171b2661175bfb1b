package dev.augur.ui.datasets;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The statistics panel's data, without a stage. */
class StatisticsViewModelTest {

    @Test
    void histogramUsesDoublingBinsAndCountsEveryUser() {
        List<StatisticsViewModel.Bin> bins = StatisticsViewModel.histogram(new long[] {1, 2, 3, 4, 7, 8, 20, 0});
        assertThat(bins).extracting(StatisticsViewModel.Bin::label).containsExactly("0", "1", "2–3", "4–7", "8–15", "16–31");
        assertThat(bins).extracting(StatisticsViewModel.Bin::users).containsExactly(1L, 1L, 2L, 2L, 1L, 1L);
        assertThat(bins.stream().mapToLong(StatisticsViewModel.Bin::users).sum()).isEqualTo(8);
    }

    @Test
    void popularityCurveKeepsHeadAndTailAndStopsAtTheColdItems() {
        long[] desc = new long[100_000];
        for (int i = 0; i < 90_000; i++) {
            desc[i] = Math.max(1, 100_000 / (i + 1)); // Zipf-like; the last 10,000 items are cold (0)
        }
        List<StatisticsViewModel.CurvePoint> curve = StatisticsViewModel.curve(desc);
        assertThat(curve.size()).isBetween(50, 320);
        assertThat(curve.get(0).rank()).isEqualTo(1);
        assertThat(curve.get(0).log10Interactions()).isEqualTo(5.0);
        assertThat(curve.get(curve.size() - 1).rank()).isEqualTo(90_000);
        assertThat(curve.get(curve.size() - 1).log10Interactions()).isEqualTo(0.0);
        for (int i = 1; i < curve.size(); i++) {
            assertThat(curve.get(i).rank()).isGreaterThan(curve.get(i - 1).rank());
            assertThat(curve.get(i).log10Interactions()).isLessThanOrEqualTo(curve.get(i - 1).log10Interactions());
        }
    }

    @Test
    void noInteractionsGiveAnEmptyCurve() {
        assertThat(StatisticsViewModel.curve(new long[] {0, 0})).isEmpty();
    }
}
