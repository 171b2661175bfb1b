package dev.augur.core.rank.ctr;

import dev.augur.core.rank.SideInformation;
import dev.augur.core.rank.Split;
import dev.augur.core.task.TaskMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.augur.core.rank.ctr.CtrFeatures.Group.ATTRIBUTES;
import static dev.augur.core.rank.ctr.CtrFeatures.Group.ITEM_TEXT;
import static dev.augur.core.rank.ctr.CtrFeatures.Group.USER_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CtrExperimentTest {
    private static final int USERS = 300;
    private static final int ITEMS = 1500;
    private static final int TEXT_DIMS = 32;

    private static CtrDataset data;
    private static CtrReport report;

    /**
     * Items carry a hidden binary attribute that most users like and some dislike; ratings follow it. Items have
     * about four training ratings each, so item ids learn it poorly, and the categories are unrelated noise. Only
     * the text vectors (a noisy embedding of the attribute, at sentence-embedding scale) and the generated
     * attributes (a token naming it, 15% wrong) reveal it.
     */
    @BeforeAll
    static void hiddenAttribute() {
        SplittableRandom rnd = new SplittableRandom(21);
        boolean[] hidden = new boolean[ITEMS];
        int[] cat = new int[ITEMS];
        double[] direction = new double[TEXT_DIMS];
        for (int d = 0; d < TEXT_DIMS; d++) {
            direction[d] = rnd.nextGaussian() / Math.sqrt(TEXT_DIMS);
        }
        float[] text = new float[ITEMS * TEXT_DIMS];
        boolean[] hasText = new boolean[ITEMS];
        String[][] attrs = new String[ITEMS][];
        for (int i = 0; i < ITEMS; i++) {
            hidden[i] = rnd.nextBoolean();
            cat[i] = rnd.nextInt(5);
            hasText[i] = true;
            double sign = hidden[i] ? 1 : -1;
            for (int d = 0; d < TEXT_DIMS; d++) {
                text[i * TEXT_DIMS + d] = (float) (0.05 * (rnd.nextGaussian() * 0.5 + 3 * sign * direction[d]) + 0.01);
            }
            boolean says = hidden[i] ^ (rnd.nextDouble() < 0.15);
            attrs[i] = new String[] {says ? "tone=dark" : "tone=light", "tag=" + rnd.nextInt(40), "tag=" + rnd.nextInt(40)};
        }
        float[] profile = new float[USERS * 8];
        CtrFixtures.Log log = new CtrFixtures.Log(USERS, ITEMS);
        for (int u = 0; u < USERS; u++) {
            double taste = rnd.nextDouble() < 0.75 ? 1 : -1;
            for (int d = 0; d < 8; d++) {
                profile[u * 8 + d] = (float) (rnd.nextGaussian() + taste * (d < 2 ? 1 : 0));
            }
            for (int i : CtrFixtures.distinctItems(rnd, ITEMS, 25)) {
                double p = CtrFixtures.sigmoid(2.5 * taste * (hidden[i] ? 1 : -1));
                log.add(u, i, rnd.nextDouble() < p ? 5f : 2f);
            }
        }
        Split split = log.split("random:0.8,0.1,0.1", 9);
        SideInformation side = CtrFixtures.categories(cat, 5).withText(TEXT_DIMS, text, hasText, "synthetic");
        LlmFeatures llm = LlmFeatures.none().withItemAttributes(attrs, 1024)
                .withUserProfile(DenseTable.of(USERS, 8, profile));
        data = CtrDataset.of(split, side, llm, CtrLabels.ratingAtLeast(4));
        report = new CtrExperiment(FactorizationMachine.Config.fm())
                .run(data, CtrFeatures.BASE, List.of(ITEM_TEXT, ATTRIBUTES, USER_PROFILE), TaskMonitor.NONE);
    }

    @Test
    void textVectorsThatRevealTheHiddenAttributeRaiseAucAndLowerLogLoss() {
        CtrReport.Variant base = report.base();
        CtrReport.Variant text = report.variant("+text");
        assertThat(text.auc()).isGreaterThan(base.auc() + 0.03);
        assertThat(text.logLoss()).isLessThan(base.logLoss());
        CtrReport.Gain gain = report.gain("+text");
        assertThat(gain.auc()).isPositive();
        assertThat(gain.relaImprPct()).isPositive();
        assertThat(gain.logLoss()).isNegative();
        assertThat(gain.logLossPct()).isNegative();
    }

    @Test
    void generatedAttributesThatNameItRaiseAucToo() {
        assertThat(report.gain("+attributes").auc()).isGreaterThan(0.03);
        assertThat(report.gain("+attributes").logLoss()).isNegative();
    }

    @Test
    void variantsAreBaseEachGroupAndAllTogether() {
        assertThat(report.variants()).extracting(CtrReport.Variant::name)
                .containsExactly("base", "+text", "+attributes", "+user-profile", "+all");
        assertThat(report.variant("+all").features().groups())
                .containsExactly(CtrFeatures.Group.CATEGORIES, ITEM_TEXT, USER_PROFILE, ATTRIBUTES);
        assertThat(report.variant("+all").auc()).isGreaterThan(report.base().auc());
        assertThat(report.variant("+text").fields()).containsEntry("text", TEXT_DIMS).containsKey("categories");
    }

    @Test
    void slicesPartitionTheTestSamplesAndShowWhereTextHelps() {
        CtrReport.Variant base = report.base();
        int test = data.test().size();
        assertThat(base.slices().keySet()).containsAnyOf("cold-items", "head-items", "tail-items");
        int items = base.slices().entrySet().stream().filter(e -> e.getKey().endsWith("-items"))
                .mapToInt(e -> e.getValue().samples()).sum();
        int users = base.slices().entrySet().stream().filter(e -> e.getKey().startsWith("users:"))
                .mapToInt(e -> e.getValue().samples()).sum();
        assertThat(items).isEqualTo(test);
        assertThat(users).isEqualTo(test);
        // about four training ratings per item: some test items have none, and for them only the text can tell
        CtrReport.Slice cold = base.slices().get("cold-items");
        assertThat(cold).isNotNull();
        assertThat(cold.samples()).isPositive();
        CtrReport.Slice coldText = report.variant("+text").slices().get("cold-items");
        assertThat(coldText.over(cold).auc()).isGreaterThan(0.05);
        assertThat(coldText.logLoss()).isLessThan(cold.logLoss());
    }

    @Test
    @SuppressWarnings("unchecked")
    void slicesAppearInTheJsonAndTheTable() {
        List<Map<String, Object>> variants = (List<Map<String, Object>>) report.toMap().get("variants");
        Map<String, Map<String, Object>> baseSlices = (Map<String, Map<String, Object>>) variants.get(0).get("slices");
        assertThat(baseSlices).containsKey("cold-items");
        assertThat(baseSlices.get("cold-items")).containsKeys("samples", "auc", "gauc", "logloss")
                .doesNotContainKey("rela_impr_pct");
        Map<String, Map<String, Object>> textSlices = (Map<String, Map<String, Object>>) variants.get(1).get("slices");
        assertThat((Double) textSlices.get("tail-items").get("auc_gain"))
                .isCloseTo(report.variant("+text").slices().get("tail-items").auc()
                        - report.base().slices().get("tail-items").auc(), org.assertj.core.api.Assertions.within(1e-12));
        // where ids alone rank cold items no better than chance RelaImpr has no meaning: left out, not inverted
        Object coldRela = textSlices.get("cold-items").get("rela_impr_pct");
        if (report.base().slices().get("cold-items").auc() > 0.5) {
            assertThat((Double) coldRela).isPositive();
        } else {
            assertThat(coldRela).isNull();
        }
        assertThat(report.toTable()).contains("by slice", "cold-items", "tail-items");
    }

    @Test
    void theSameSeedGivesTheSameReport() {
        CtrReport again = new CtrExperiment(FactorizationMachine.Config.fm())
                .run(data, CtrFeatures.BASE, List.of(ITEM_TEXT, ATTRIBUTES, USER_PROFILE), TaskMonitor.NONE);
        for (int v = 0; v < report.variants().size(); v++) {
            assertThat(again.variants().get(v).auc()).isEqualTo(report.variants().get(v).auc());
            assertThat(again.variants().get(v).logLoss()).isEqualTo(report.variants().get(v).logLoss());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReportReadsAsJsonAndAsATable() {
        Map<String, Object> m = report.toMap();
        assertThat(m).containsKeys("task", "model", "labels", "protocol", "samples", "variants");
        List<Map<String, Object>> variants = (List<Map<String, Object>>) m.get("variants");
        assertThat(variants.get(0)).doesNotContainKey("vs_base");
        Map<String, Object> vs = (Map<String, Object>) variants.get(1).get("vs_base");
        assertThat(vs).containsKeys("auc_gain", "rela_impr_pct", "logloss_change", "logloss_change_pct");
        assertThat((Double) vs.get("rela_impr_pct")).isCloseTo(report.gain("+text").relaImprPct(),
                org.assertj.core.api.Assertions.within(1e-12));
        String table = report.toTable();
        assertThat(table).contains("RelaImpr", "+text", "ids+categories+text", "label = value ≥ 4");
        assertThat(table.lines().filter(l -> l.startsWith("+")).count()).isEqualTo(4);
    }

    @Test
    void aGroupWithoutDataOrTwiceIsAnErrorBeforeFitting() {
        CtrExperiment exp = new CtrExperiment(FactorizationMachine.Config.fm());
        assertThatThrownBy(() -> exp.run(data, CtrFeatures.BASE, List.of(CtrFeatures.Group.ITEM_PROFILE),
                TaskMonitor.NONE)).hasMessageContaining("item-profile").hasMessageContaining("no item profile vectors");
        assertThatThrownBy(() -> exp.run(data, CtrFeatures.BASE, List.of(CtrFeatures.Group.CATEGORIES),
                TaskMonitor.NONE)).hasMessageContaining("already in the base");
    }
}
