package dev.augur.core.rank.models;

import dev.augur.core.rank.Reason;
import dev.augur.core.rank.Split;
import dev.augur.core.rank.TrainingData;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AlsTest {

    @Test
    void ranksHeldOutItemsWellAbovePopularity() {
        Split split = ModelFixtures.randomSplit(ModelFixtures.planted(400, 300, 25, 6, 7), 3);
        double pop = ModelFixtures.fitAndEvaluate(split, new Popularity(), 2).get("ndcg@10");
        double als = ModelFixtures.fitAndEvaluate(split, new Als(), 2).get("ndcg@10");
        System.out.printf("planted: pop ndcg@10 %.4f, als %.4f%n", pop, als);
        assertThat(als).isGreaterThan(pop * 1.5);
    }

    @Test
    void theCholeskySolverReachesWhatEnoughConjugateGradientStepsReach() {
        Split split = ModelFixtures.randomSplit(ModelFixtures.planted(200, 150, 20, 4, 1), 1);
        TrainingData data = ModelFixtures.training(split, 1);
        // CG with as many steps as dimensions solves each row's system exactly (up to rounding)
        Als cg = new Als(new Als.Params(8, 2, 5, 2, 8, false)).weightedRegularization(true);
        Als exact = new Als(new Als.Params(8, 2, 5, 2, 3, false)).weightedRegularization(true).exactSolver(true);
        Als fewSteps = new Als(new Als.Params(8, 2, 5, 2, 1, false)).weightedRegularization(true);
        cg.fit(data, TaskMonitor.NONE);
        exact.fit(data, TaskMonitor.NONE);
        fewSteps.fit(data, TaskMonitor.NONE);
        assertThat(exact.params()).containsEntry("solver", "cholesky");
        double exactGap = 0;
        double fewGap = 0;
        for (int user = 0; user < 20; user++) {
            float[] a = ModelFixtures.scores(cg, user, 150);
            float[] b = ModelFixtures.scores(exact, user, 150);
            float[] c = ModelFixtures.scores(fewSteps, user, 150);
            for (int i = 0; i < 150; i++) {
                exactGap = Math.max(exactGap, Math.abs(a[i] - b[i]));
                fewGap = Math.max(fewGap, Math.abs(a[i] - c[i]));
            }
        }
        assertThat(exactGap).isLessThan(1e-3);
        assertThat(fewGap).isGreaterThan(exactGap * 10);
    }

    @Test
    void theSameSeedRepeatsExactly() {
        Split split = ModelFixtures.randomSplit(ModelFixtures.planted(200, 150, 20, 4, 1), 1);
        TrainingData data = ModelFixtures.training(split, 1);
        Als a = new Als();
        a.fit(data, TaskMonitor.NONE);
        Als b = new Als();
        b.fit(data, TaskMonitor.NONE);
        assertThat(ModelFixtures.scores(b, 7, 150)).containsExactly(ModelFixtures.scores(a, 7, 150));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void explainedContributionsAddUpToTheScore(boolean useValues) {
        Split split = ModelFixtures.randomSplit(ModelFixtures.planted(200, 150, 20, 4, 1), 1);
        // enough CG steps to solve each row exactly, so the decomposition is exact too
        Als als = new Als(new Als.Params(8, 10, 5, 2, 8, useValues));
        als.fit(ModelFixtures.training(split, 2), TaskMonitor.NONE);
        int user = 4;
        int history = split.train().rowLength(user);
        float[] scores = ModelFixtures.scores(als, user, 150);
        for (int item : split.test().row(user)) {
            List<Reason> why = als.explain(user, item, history);
            assertThat(why).hasSize(history);
            assertThat(why).extracting(Reason::historyItem).allMatch(j -> split.train().contains(user, j));
            assertThat(why).extracting(Reason::contribution).isSortedAccordingTo((x, y) -> Double.compare(y, x));
            double sum = why.stream().mapToDouble(Reason::contribution).sum();
            assertThat(sum).isCloseTo(scores[item], within(1e-3 + 1e-3 * Math.abs(scores[item])));
        }
        assertThat(als.explain(user, 0, 2)).hasSize(2);
    }

    @Test
    void cancelStopsTheFitAndBadParametersAreRejected() {
        Split split = ModelFixtures.randomSplit(ModelFixtures.planted(200, 150, 20, 4, 1), 1);
        TrainingData data = ModelFixtures.training(split, 1);
        assertThatThrownBy(() -> new Als().fit(data, ModelFixtures.cancelledAfterFirstProgress()))
                .isInstanceOf(TaskCancelledException.class);
        assertThatThrownBy(() -> new Als.Params(0, 10, 1, 1, 3, false)).hasMessageContaining("factor");
        assertThatThrownBy(() -> new Als.Params(8, 0, 1, 1, 3, false)).hasMessageContaining("iteration");
        assertThatThrownBy(() -> new Als.Params(8, 10, 0, 1, 3, false)).hasMessageContaining("regularization");
        assertThatThrownBy(() -> new Als.Params(8, 10, 1, -1, 3, false)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new Als.Params(8, 10, 1, 1, 0, false)).hasMessageContaining("conjugate");
    }
}
