package dev.augur.core.rank.models;

import dev.augur.core.rank.Csr;
import dev.augur.core.rank.Reason;
import dev.augur.core.rank.SideInformation;
import dev.augur.core.rank.Split;
import dev.augur.core.rank.TrainingData;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskMonitor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ItemKnnTest {

    /**
     * Four users: u0 {0,1}, u1 {0,1,2}, u2 {1,2}, u3 {0,3}. Item user counts 3, 3, 2, 1; common users (0,1) = 2,
     * (0,2) = 1, (1,2) = 2, (0,3) = 1, none for (1,3) and (2,3).
     */
    private static TrainingData fourUsers() {
        int[] rows = {0, 0, 1, 1, 1, 2, 2, 3, 3};
        int[] cols = {0, 1, 0, 1, 2, 1, 2, 0, 3};
        float[] vals = {5, 1, 1, 1, 1, 1, 1, 1, 1}; // a value other than 1 must not change anything
        Csr train = Csr.of(4, 4, rows, cols, vals, null);
        return new TrainingData(train, train.transpose(), SideInformation.none(4), 1, 1);
    }

    @Test
    void similarityIsShrunkCosineOfTheUserSets() {
        ItemKnn knn = new ItemKnn(new ItemKnn.Params(3, 1));
        knn.fit(fourUsers(), TaskMonitor.NONE);
        double s6 = Math.sqrt(6);
        assertThat(knn.similarity(0, 1)).isCloseTo((float) (2 / (3 + 1.0)), within(1e-6f));
        assertThat(knn.similarity(1, 0)).isEqualTo(knn.similarity(0, 1));
        assertThat(knn.similarity(0, 2)).isCloseTo((float) (1 / (s6 + 1)), within(1e-6f));
        assertThat(knn.similarity(1, 2)).isCloseTo((float) (2 / (s6 + 1)), within(1e-6f));
        assertThat(knn.similarity(0, 3)).isCloseTo((float) (1 / (Math.sqrt(3) + 1)), within(1e-6f));
        assertThat(knn.similarity(1, 3)).isZero();
        assertThat(knn.similarity(2, 2)).isZero();
        // u2 {1,2} scores item 0 with sim(0,1) + sim(0,2), item 3 with nothing in common
        float[] s = ModelFixtures.scores(knn, 2, 4);
        assertThat(s[0]).isCloseTo((float) (0.5 + 1 / (s6 + 1)), within(1e-6f));
        assertThat(s[3]).isZero();
    }

    @Test
    void keepsTheTopKNeighboursOfTheScoredItem() {
        ItemKnn knn = new ItemKnn(new ItemKnn.Params(1, 1));
        knn.fit(fourUsers(), TaskMonitor.NONE);
        // item 0's best neighbour is 1 (0.5 beats 0.37 for item 3); item 3's only neighbour is 0
        assertThat(knn.similarity(0, 1)).isEqualTo(0.5f);
        assertThat(knn.similarity(0, 3)).isZero();
        assertThat(knn.similarity(3, 0)).isCloseTo((float) (1 / (Math.sqrt(3) + 1)), within(1e-6f));
        // u1 {0,1,2}: item 3 is scored through its own neighbour list, which holds item 0
        assertThat(ModelFixtures.scores(knn, 1, 4)[3]).isEqualTo(knn.similarity(3, 0));
    }

    @Test
    void explainNamesTheHistoryItemsStrongestFirst() {
        ItemKnn knn = new ItemKnn(new ItemKnn.Params(3, 1));
        knn.fit(fourUsers(), TaskMonitor.NONE);
        List<Reason> why = knn.explain(2, 0, 5);
        assertThat(why).extracting(Reason::historyItem).containsExactly(1, 2);
        assertThat(why.get(0).contribution()).isCloseTo(0.5, within(1e-6));
        assertThat(knn.explain(2, 0, 1)).hasSize(1);
        assertThat(knn.explain(2, 3, 5)).isEmpty();
    }

    @Test
    void ranksHeldOutItemsWellAbovePopularity() {
        Split split = ModelFixtures.randomSplit(ModelFixtures.planted(400, 300, 25, 6, 7), 3);
        double pop = ModelFixtures.fitAndEvaluate(split, new Popularity(), 2).get("ndcg@10");
        Map<String, Double> knn = ModelFixtures.fitAndEvaluate(split, new ItemKnn(), 2);
        System.out.printf("planted: pop ndcg@10 %.4f, itemknn %.4f%n", pop, knn.get("ndcg@10"));
        assertThat(knn.get("ndcg@10")).isGreaterThan(pop * 1.5);
    }

    @Test
    void sameResultWithOneOrSeveralThreads() {
        Split split = ModelFixtures.randomSplit(ModelFixtures.planted(200, 150, 20, 4, 1), 1);
        ItemKnn one = new ItemKnn();
        one.fit(ModelFixtures.training(split, 1), TaskMonitor.NONE);
        ItemKnn three = new ItemKnn();
        three.fit(ModelFixtures.training(split, 3), TaskMonitor.NONE);
        for (int u = 0; u < 200; u += 17) {
            assertThat(ModelFixtures.scores(three, u, 150)).containsExactly(ModelFixtures.scores(one, u, 150));
        }
    }

    @Test
    void cancelStopsTheFitAndBadParametersAreRejected() {
        Split split = ModelFixtures.randomSplit(ModelFixtures.planted(200, 150, 20, 4, 1), 1);
        TrainingData data = ModelFixtures.training(split, 1);
        assertThatThrownBy(() -> new ItemKnn().fit(data, ModelFixtures.cancelledAfterFirstProgress()))
                .isInstanceOf(TaskCancelledException.class);
        assertThatThrownBy(() -> new ItemKnn.Params(0, 10)).hasMessageContaining("k ≥ 1");
        assertThatThrownBy(() -> new ItemKnn.Params(10, -1)).hasMessageContaining("shrink");
        assertThat(new ItemKnn().params()).containsExactly(Map.entry("k", 100), Map.entry("shrink", 10.0));
    }
}
