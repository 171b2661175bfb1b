package dev.augur.core.rank.ctr;

import dev.augur.core.rank.SideInformation;
import dev.augur.core.rank.Split;
import dev.augur.core.task.TaskMonitor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FactorizationMachineTest {
    private static final int USERS = 300;
    private static final int ITEMS = 400;
    private static final int GROUPS = 4;

    /**
     * Each user likes exactly one of four item categories (ratings 5 there, 1 elsewhere, 10% flipped). Every
     * user, item and category has the same like rate, so ids and categories alone say nothing: only the
     * user × category interaction predicts a click.
     */
    private static CtrDataset plantedInteraction() {
        SplittableRandom rnd = new SplittableRandom(11);
        int[] itemCat = new int[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            itemCat[i] = i % GROUPS;
        }
        CtrFixtures.Log log = new CtrFixtures.Log(USERS, ITEMS);
        for (int u = 0; u < USERS; u++) {
            int group = u % GROUPS;
            for (int i : CtrFixtures.distinctItems(rnd, ITEMS, 48)) {
                boolean like = (itemCat[i] == group) ^ (rnd.nextDouble() < 0.1);
                log.add(u, i, like ? 5f : 1f);
            }
        }
        Split split = log.split("random:0.8,0.1,0.1", 3);
        SideInformation side = CtrFixtures.categories(itemCat, GROUPS);
        return CtrDataset.of(split, side, LlmFeatures.none(), CtrLabels.ratingAtLeast(4));
    }

    private static double testAuc(CtrDataset data, FactorizationMachine.Config config) {
        FactorizationMachine fm = new FactorizationMachine(config);
        fm.fit(data.encode(CtrFeatures.BASE), data.train(), data.valid(), TaskMonitor.NONE);
        return CtrMetrics.auc(fm.predict(data.test()), data.test().label());
    }

    @Test
    void factorsLearnAUserCategoryInteractionThatLogisticRegressionCannot() {
        CtrDataset data = plantedInteraction();
        double fm = testAuc(data, FactorizationMachine.Config.fm());
        double lr = testAuc(data, FactorizationMachine.Config.logistic());
        assertThat(fm).isGreaterThan(0.8);
        assertThat(lr).isLessThan(0.62);
        assertThat(fm - lr).isGreaterThan(0.2);
    }

    @Test
    void theSameSeedGivesTheSameModelAndAnotherSeedAnother() {
        CtrDataset data = plantedInteraction();
        CtrEncoding enc = data.encode(CtrFeatures.BASE);
        float[][] p = new float[3][];
        long[] seeds = {5, 5, 6};
        for (int r = 0; r < 3; r++) {
            FactorizationMachine fm = new FactorizationMachine(FactorizationMachine.Config.fm().withSeed(seeds[r]));
            fm.fit(enc, data.train(), data.valid(), TaskMonitor.NONE);
            p[r] = fm.predict(data.test());
        }
        assertThat(p[1]).containsExactly(p[0]);
        assertThat(p[2]).isNotEqualTo(p[0]);
    }

    @Test
    void hogwildThreadsStillLearnTheInteraction() {
        CtrDataset data = plantedInteraction();
        assertThat(testAuc(data, FactorizationMachine.Config.fm().withThreads(2))).isGreaterThan(0.8);
    }

    @Test
    void predictingBeforeFittingIsAnError() {
        FactorizationMachine fm = new FactorizationMachine(FactorizationMachine.Config.fm());
        assertThatThrownBy(() -> fm.predict(0, 0)).hasMessageContaining("not been fitted");
        assertThatThrownBy(() -> FactorizationMachine.Config.fm().withEpochs(0)).hasMessageContaining("epochs");
    }
}
