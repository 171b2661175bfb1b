package dev.augur.core.rank.ctr;

import dev.augur.core.rank.SideInformation;
import dev.augur.core.rank.Split;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CtrDatasetTest {

    /** Three users, four items; values on a 1–5 scale. */
    private static Split ratings() {
        CtrFixtures.Log log = new CtrFixtures.Log(3, 4);
        float[][] v = {{5, 3.5f, 4, 1}, {2, 4.5f, 1, 5}, {4, 4, 2, 3}};
        for (int u = 0; u < 3; u++) {
            for (int i = 0; i < 4; i++) {
                log.add(u, i, v[u][i]);
            }
        }
        return log.split("leave-last-out", 1);
    }

    @Test
    void labelsFollowTheRatingThresholdAndPartsFollowTheSplit() {
        Split split = ratings();
        CtrDataset d = CtrDataset.of(split, SideInformation.none(4), LlmFeatures.none(), CtrLabels.ratingAtLeast(4));
        assertThat(d.train().size()).isEqualTo(split.train().nnz());
        assertThat(d.valid().size()).isEqualTo(split.valid().nnz());
        assertThat(d.test().size()).isEqualTo(3);
        // leave-last-out: each user's last item (3) is the test: ratings 1, 5, 3
        assertThat(d.test().item()).containsExactly(3, 3, 3);
        assertThat(d.test().label()).containsExactly(0f, 1f, 0f);
        // training: items 0 and 1: 5 (1), 3.5 (0), 2 (0), 4.5 (1), 4 (1), 4 (1)
        assertThat(d.train().label()).containsExactly(1f, 0f, 0f, 1f, 1f, 1f);
    }

    @Test
    void clickLabelsAreValuesAboveZero() {
        assertThat(CtrLabels.clicks().label(0f)).isZero();
        assertThat(CtrLabels.clicks().label(1f)).isOne();
        assertThat(CtrLabels.ratingAtLeast(4).label(3.99f)).isZero();
        assertThat(CtrLabels.ratingAtLeast(4).label(4f)).isOne();
    }

    @Test
    void positiveOnlyFeedbackNeedsSampledNegativesWhichAreNeverSeenItems() {
        CtrFixtures.Log log = new CtrFixtures.Log(20, 60);
        for (int u = 0; u < 20; u++) {
            for (int i = 0; i < 10; i++) {
                log.add(u, (u * 3 + i * 5) % 60, 1f);
            }
        }
        Split split = log.split("random:0.8,0.1,0.1", 4);
        assertThatThrownBy(() -> CtrDataset.of(split, SideInformation.none(60), LlmFeatures.none(), CtrLabels.clicks()))
                .hasMessageContaining("have label 1").hasMessageContaining("sample negatives");
        CtrDataset d = CtrDataset.of(split, SideInformation.none(60), LlmFeatures.none(),
                CtrLabels.clicks().withSampledNegatives(2));
        assertThat(d.train().size()).isEqualTo(3 * split.train().nnz());
        assertThat(d.train().positiveRate()).isCloseTo(1 / 3.0, org.assertj.core.api.Assertions.within(1e-9));
        CtrSamples t = d.train();
        for (int s = 0; s < t.size(); s++) {
            if (t.label()[s] == 0f) {
                int u = t.user()[s];
                int i = t.item()[s];
                assertThat(split.train().contains(u, i) || split.valid().contains(u, i) || split.test().contains(u, i))
                        .as("sampled negative (%d, %d) was interacted with", u, i).isFalse();
            }
        }
    }

    @Test
    void denseVectorsAlignByWorkspaceIdAndMissingOnesStayOut() {
        long[] denseIds = {10, 20, 30};
        DenseTable t = DenseTable.aligned(denseIds, new long[] {20, 30, 99}, 2, new float[] {1, 2, 3, 6, 5, 6});
        assertThat(t.present()).containsExactly(false, true, true);
        assertThat(t.values()).containsExactly(0, 0, 1, 2, 3, 6);
        // centred: (−1, −2) and (1, 2); summed variance 1 + 4 = 5, so both divided by √5; the absent row stays 0
        DenseTable s = t.normalized();
        float r5 = (float) (1 / Math.sqrt(5));
        assertThat(s.values()).containsExactly(new float[] {0, 0, -r5, -2 * r5, r5, 2 * r5},
                org.assertj.core.api.Assertions.within(1e-6f));
    }

    @Test
    void wideVectorsAreCutToTheirLeadingComponents() {
        // 40 rows in 6 dimensions whose variance lies along two directions
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        float[] v = new float[41 * 6];
        boolean[] present = new boolean[41];
        for (int r = 1; r < 41; r++) {
            present[r] = true;
            double a = rnd.nextGaussian() * 3;
            double b = rnd.nextGaussian();
            for (int d = 0; d < 6; d++) {
                v[r * 6 + d] = (float) (a * (d % 2 == 0 ? 1 : -1) + b * (d < 3 ? 1 : 0) + rnd.nextGaussian() * 0.01);
            }
        }
        DenseTable t = new DenseTable(41, 6, v, present);
        DenseTable cut = t.reduced(2, 1);
        assertThat(cut.dims()).isEqualTo(2);
        assertThat(cut.values()[0]).isZero(); // row 0 has no vector
        // two components keep the distances between rows, up to the small noise in the other four
        for (int r = 2; r < 41; r++) {
            double full = 0;
            for (int d = 0; d < 6; d++) {
                full += Math.pow(v[r * 6 + d] - v[6 + d], 2);
            }
            double kept = Math.pow(cut.values()[r * 2] - cut.values()[2], 2)
                    + Math.pow(cut.values()[r * 2 + 1] - cut.values()[3], 2);
            assertThat(kept).isCloseTo(full, org.assertj.core.api.Assertions.within(0.01 * full + 0.005));
        }
        assertThat(t.reduced(6, 1)).isSameAs(t);
        assertThat(t.reduced(0, 1)).isSameAs(t);
    }

    @Test
    void theLayoutPutsEachGroupInItsOwnFeatureRange() {
        Split split = ratings();
        int[] cat = {0, 1, 1, 0};
        SideInformation side = CtrFixtures.categories(cat, 2).withText(3, new float[] {
                1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1}, new boolean[] {true, true, true, false}, "t");
        String[][] attrs = {{"a", "b"}, {"B "}, {}, {"c", "c"}};
        LlmFeatures llm = LlmFeatures.none().withItemAttributes(attrs, 64);
        CtrDataset d = CtrDataset.of(split, side, llm, CtrLabels.ratingAtLeast(4));
        CtrEncoding enc = d.encode(CtrFeatures.BASE.with(CtrFeatures.Group.ITEM_TEXT)
                .with(CtrFeatures.Group.ATTRIBUTES));
        assertThat(enc.fieldSizes()).containsExactly(java.util.Map.entry("user", 3), java.util.Map.entry("item", 4),
                java.util.Map.entry("categories", 2), java.util.Map.entry("attributes", 64),
                java.util.Map.entry("text", 3));
        assertThat(enc.numFeatures()).isEqualTo(3 + 4 + 2 + 64 + 3);
        int[] idx = new int[enc.maxFeatures()];
        float[] val = new float[enc.maxFeatures()];
        int n = enc.gather(2, 1, idx, val);
        // user 2, item 1, category 1, one attribute bucket ("B " is "b" after trimming and lower-casing), 3 text dims
        assertThat(n).isEqualTo(1 + 1 + 1 + 1 + 3);
        assertThat(Arrays.copyOf(idx, 3)).containsExactly(2, 3 + 1, 3 + 4 + 1);
        assertThat(idx[3]).isBetween(9, 9 + 63);
        assertThat(Arrays.copyOfRange(idx, 4, 7)).containsExactly(73, 74, 75);
        // item 0's two attributes: same bucket for "b" as item 1's, each weighted 1/√2
        int n0 = enc.gather(0, 0, idx, val);
        assertThat(n0).isEqualTo(1 + 1 + 1 + 2 + 3);
        assertThat(val[3]).isCloseTo((float) (1 / Math.sqrt(2)), org.assertj.core.api.Assertions.within(1e-6f));
        // item 3 has no text vector: only ids, category and its one distinct attribute
        assertThat(enc.gather(0, 3, idx, val)).isEqualTo(1 + 1 + 1 + 1);
    }

    @Test
    void misalignedInputsAreNamed() {
        Split split = ratings();
        assertThatThrownBy(() -> CtrDataset.of(split, SideInformation.none(5), LlmFeatures.none(),
                CtrLabels.ratingAtLeast(4))).hasMessageContaining("5 items");
        LlmFeatures wrong = LlmFeatures.none().withUserProfile(DenseTable.of(2, 1, new float[] {1, 2}));
        assertThatThrownBy(() -> CtrDataset.of(split, SideInformation.none(4), wrong, CtrLabels.ratingAtLeast(4)))
                .hasMessageContaining("user profile vectors have 2 rows");
        assertThatThrownBy(() -> CtrDataset.of(split, SideInformation.none(4), LlmFeatures.none(),
                CtrLabels.ratingAtLeast(6))).hasMessageContaining("label 0");
        SideInformation noneEncoded = SideInformation.none(4).withText(2, new float[8], new boolean[4], "empty");
        CtrDataset d = CtrDataset.of(split, noneEncoded, LlmFeatures.none(), CtrLabels.ratingAtLeast(4));
        assertThatThrownBy(() -> d.encode(CtrFeatures.IDS_ONLY.with(CtrFeatures.Group.ITEM_TEXT)))
                .hasMessageContaining("no item text vectors");
    }
}
