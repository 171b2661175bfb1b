package dev.augur.core.review;

import dev.augur.core.store.ReviewStore.AnnotatorLabel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AgreementTest {

    @Test
    void cohensKappaOfTheTextbookTable() {
        // 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15 → po 0.70, pe 0.50, κ 0.40
        List<String[]> pairs = new ArrayList<>();
        add(pairs, "yes", "yes", 20);
        add(pairs, "yes", "no", 5);
        add(pairs, "no", "yes", 10);
        add(pairs, "no", "no", 15);
        assertThat(Agreement.cohensKappa(pairs)).isCloseTo(0.40, within(1e-12));
    }

    @Test
    void fleissKappaOfFleiss1971sExample() {
        // 10 subjects, 14 raters, 5 categories (the example in Fleiss' paper and on Wikipedia): κ ≈ 0.210
        int[][] counts = {
            {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
        assertThat(Agreement.fleissKappa(counts)).isCloseTo(0.2099, within(1e-4));
        assertThat(Agreement.percentAgreement(counts)).isCloseTo(0.3780, within(1e-4));
    }

    @Test
    void aBatchOfTwoAnnotatorsGivesPercentKappaPerLabelAndConflicts() {
        List<AnnotatorLabel> labels = List.of(
                new AnnotatorLabel(1, "ana", "accepted", 1), new AnnotatorLabel(1, "bo", "accepted", 1),
                new AnnotatorLabel(2, "ana", "rejected", 1), new AnnotatorLabel(2, "bo", "rejected", 1),
                new AnnotatorLabel(3, "ana", "accepted", 1), new AnnotatorLabel(3, "bo", "rejected", 1),
                new AnnotatorLabel(4, "ana", "accepted", 4), new AnnotatorLabel(4, "bo", "accepted", 5),
                new AnnotatorLabel(5, "ana", "accepted", 1), new AnnotatorLabel(5, "bo", "", Double.NaN));
        Agreement.Report r = Agreement.of(labels);
        assertThat(r.interactions()).isEqualTo(4); // item 5 has one label only
        assertThat(r.percentAgreement()).isEqualTo(0.5);
        // ana: accepted:1 ×2, rejected, accepted:4; bo: accepted:1, rejected ×2, accepted:5
        // po = 2/4; pe = (2/4·1/4) + (1/4·2/4) + 0 + 0 = 0.25 → κ = (0.5 − 0.25) / 0.75 = 1/3
        assertThat(r.cohensKappa()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(r.conflicts()).containsExactly(3L, 4L);
        // accepted:1 appears in items 1 (2×) and 3 (1×): agreeing pairs 2 of 2·1 + 1·1 = 3 involved
        assertThat(r.perLabel().get("accepted:1")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.perLabel().get("rejected")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.describe()).contains("50.0 %").contains("Cohen");
    }

    @Test
    void threeAnnotatorsHaveNoCohenButAFleissKappa() {
        List<AnnotatorLabel> labels = new ArrayList<>();
        String[][] votes = {{"accepted", "accepted", "accepted"}, {"rejected", "rejected", "accepted"},
                {"rejected", "rejected", "rejected"}};
        String[] who = {"a", "b", "c"};
        for (int i = 0; i < votes.length; i++) {
            for (int j = 0; j < 3; j++) {
                labels.add(new AnnotatorLabel(i + 1, who[j], votes[i][j], 1));
            }
        }
        Agreement.Report r = Agreement.of(labels);
        assertThat(r.cohensKappa()).isNaN();
        // P_i = 1, 1/3, 1 → P̄ = 7/9; p(acc) = 4/9, p(rej) = 5/9 → Pe = 41/81; κ = (63/81 − 41/81) / (40/81) = 0.55
        assertThat(r.fleissKappa()).isCloseTo(0.55, within(1e-12));
    }

    private static void add(List<String[]> pairs, String a, String b, int n) {
        for (int i = 0; i < n; i++) {
            pairs.add(new String[] {a, b});
        }
    }
}
