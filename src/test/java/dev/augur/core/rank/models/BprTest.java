package dev.augur.core.rank.models;

import dev.augur.core.rank.Reason;
import dev.augur.core.rank.Split;
import dev.augur.core.rank.TrainingData;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskMonitor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BprTest {
    private static final Bpr.Params QUICK = Bpr.Params.DEFAULTS.withEpochs(40);

    @Test
    void ranksHeldOutItemsWellAbovePopularity() {
        Split split = ModelFixtures.randomSplit(ModelFixtures.planted(400, 300, 25, 6, 7), 3);
        double pop = ModelFixtures.fitAndEvaluate(split, new Popularity(), 2).get("ndcg@10");
        double bpr = ModelFixtures.fitAndEvaluate(split, new Bpr(), 2).get("ndcg@10");
        System.out.printf("planted: pop ndcg@10 %.4f, bpr %.4f%n", pop, bpr);
        assertThat(bpr).isGreaterThan(pop * 1.5);
    }

    @Test
    void oneThreadAndTheSameSeedRepeatExactly() {
        Split split = ModelFixtures.randomSplit(ModelFixtures.planted(200, 150, 20, 4, 1), 1);
        TrainingData data = ModelFixtures.training(split, 1);
        Bpr a = new Bpr(QUICK);
        a.fit(data, TaskMonitor.NONE);
        Bpr b = new Bpr(QUICK);
        b.fit(data, TaskMonitor.NONE);
        TrainingData otherSeed = new TrainingData(data.train(), data.trainByItem(), data.side(), 99, 1);
        Bpr c = new Bpr(QUICK);
        c.fit(otherSeed, TaskMonitor.NONE);
        assertThat(ModelFixtures.scores(b, 5, 150)).containsExactly(ModelFixtures.scores(a, 5, 150));
        assertThat(ModelFixtures.scores(c, 5, 150)).isNotEqualTo(ModelFixtures.scores(a, 5, 150));
    }

    @Test
    void explainNamesHistoryItemsNearestFirst() {
        Split split = ModelFixtures.randomSplit(ModelFixtures.planted(200, 150, 20, 4, 1), 1);
        Bpr bpr = new Bpr(QUICK);
        bpr.fit(ModelFixtures.training(split, 1), TaskMonitor.NONE);
        int user = 3;
        int item = split.test().row(user)[0];
        List<Reason> why = bpr.explain(user, item, 4);
        assertThat(why).hasSize(4);
        assertThat(why).extracting(Reason::historyItem).allMatch(j -> split.train().contains(user, j));
        assertThat(why).extracting(Reason::contribution).isSortedAccordingTo((x, y) -> Double.compare(y, x));
    }

    @Test
    void automaticEpochsGiveEveryDatasetAboutTheSameNumberOfSteps() {
        assertThat(Bpr.Params.DEFAULTS.epochsFor(80_000)).isEqualTo(250);
        assertThat(Bpr.Params.DEFAULTS.epochsFor(1_000_000)).isEqualTo(20);
        assertThat(Bpr.Params.DEFAULTS.epochsFor(50_000_000)).isEqualTo(20);
        assertThat(Bpr.Params.DEFAULTS.epochsFor(100)).isEqualTo(500);
        assertThat(QUICK.epochsFor(80_000)).isEqualTo(40);
        Bpr bpr = new Bpr();
        assertThat(bpr.params().get("epochs")).isEqualTo("auto");
        Split split = ModelFixtures.randomSplit(ModelFixtures.planted(50, 40, 10, 2, 1), 1);
        bpr.fit(ModelFixtures.training(split, 1), TaskMonitor.NONE);
        assertThat(bpr.params().get("epochs")).isEqualTo(500); // what the fit ran, for the run's provenance
    }

    @Test
    void cancelStopsTheFitAndBadParametersAreRejected() {
        Split split = ModelFixtures.randomSplit(ModelFixtures.planted(200, 150, 20, 4, 1), 1);
        TrainingData data = ModelFixtures.training(split, 1);
        assertThatThrownBy(() -> new Bpr().fit(data, ModelFixtures.cancelledAfterFirstProgress()))
                .isInstanceOf(TaskCancelledException.class);
        assertThatThrownBy(() -> new Bpr.Params(0, 10, 0.05, 0.01, true)).hasMessageContaining("factor");
        assertThatThrownBy(() -> new Bpr.Params(8, -1, 0.05, 0.01, true)).hasMessageContaining("epochs");
        assertThatThrownBy(() -> new Bpr.Params(8, 10, 0, 0.01, true)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new Bpr.Params(8, 10, 0.05, Double.NaN, true)).hasMessageContaining("regularization");
    }
}
