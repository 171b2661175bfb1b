package dev.augur.core.rank.ctr;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CtrMetricsTest {

    @Test
    void aucCountsCorrectlyOrderedPairs() {
        // positives 0.35 and 0.8 against negatives 0.1 and 0.4: three of four pairs in order
        assertThat(CtrMetrics.auc(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, new float[] {0, 0, 1, 1}))
                .isCloseTo(0.75, within(1e-12));
        assertThat(CtrMetrics.auc(new float[] {0.9f, 0.1f}, new float[] {0, 1})).isEqualTo(0.0);
    }

    @Test
    void aTieCountsHalf() {
        assertThat(CtrMetrics.auc(new float[] {0.5f, 0.5f}, new float[] {0, 1})).isCloseTo(0.5, within(1e-12));
        // pairs: 0.5>0.2 (1), 0.5=0.5 (½), 0.9>0.2 (1), 0.9>0.5 (1) → 3.5 / 4
        assertThat(CtrMetrics.auc(new float[] {0.2f, 0.5f, 0.5f, 0.9f}, new float[] {0, 1, 0, 1}))
                .isCloseTo(0.875, within(1e-12));
    }

    @Test
    void aucMatchesCountingEveryPairOnDataWithManyTies() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 500;
        float[] s = new float[n];
        float[] l = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = rnd.nextInt(20) / 20f - 0.5f; // coarse scores, negative ones too: many ties
            l[i] = rnd.nextDouble() < 0.3 + s[i] * 0.5 ? 1 : 0;
        }
        double ordered = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (l[i] == 1 && l[j] == 0) {
                    pairs++;
                    ordered += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        assertThat(CtrMetrics.auc(s, l)).isCloseTo(ordered / pairs, within(1e-12));
    }

    @Test
    void aucIsUndefinedWithOneClass() {
        assertThat(CtrMetrics.auc(new float[] {0.1f, 0.2f}, new float[] {1, 1})).isNaN();
    }

    @Test
    void gaucWeightsUsersBySamplesAndSkipsOneClassUsers() {
        float[] s = {0.1f, 0.4f, 0.35f, 0.8f, 0.3f, 0.6f, 0.5f, 0.7f, 0.2f};
        float[] l = {0, 0, 1, 1, 1, 0, 1, 1, 1};
        int[] u = {0, 0, 0, 0, 1, 1, 2, 2, 2};
        // user 0: AUC 0.75 over 4 samples; user 1: AUC 0 over 2; user 2: positives only, skipped
        assertThat(CtrMetrics.gauc(s, l, u)).isCloseTo((0.75 * 4 + 0 * 2) / 6, within(1e-12));
        assertThat(CtrMetrics.gauc(new float[] {0.1f, 0.2f}, new float[] {1, 0}, new int[] {0, 1})).isNaN();
    }

    @Test
    void logLossByHandAndClipped() {
        double expected = -(Math.log(0.9) + Math.log(1 - 0.2)) / 2;
        assertThat(CtrMetrics.logLoss(new float[] {0.9f, 0.2f}, new float[] {1, 0})).isCloseTo(expected, within(1e-7));
        // certain and wrong: clipped to −ln(1e-7) ≈ 16.12 instead of infinity
        assertThat(CtrMetrics.logLoss(new float[] {0f, 1f}, new float[] {1, 0}))
                .isCloseTo(-Math.log(1e-7), within(1e-6));
    }

    @Test
    void relaImprIsTheGainInAucAboveChance() {
        assertThat(CtrMetrics.relaImpr(0.77, 0.75)).isCloseTo(8.0, within(1e-9));
        assertThat(CtrMetrics.relaImpr(0.75, 0.75)).isCloseTo(0.0, within(1e-12));
        // a base at or below chance has no gain above chance to compare with
        assertThat(CtrMetrics.relaImpr(0.7, 0.5)).isNaN();
        assertThat(CtrMetrics.relaImpr(0.7, 0.45)).isNaN();
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> CtrMetrics.auc(new float[] {0.1f}, new float[] {1, 0}))
                .hasMessageContaining("1 scores for 2 labels");
        assertThatThrownBy(() -> CtrMetrics.logLoss(new float[] {Float.NaN}, new float[] {1}))
                .hasMessageContaining("NaN");
    }
}
