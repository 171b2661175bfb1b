package dev.augur.core.rank;

import dev.augur.core.rank.models.Popularity;
import dev.augur.core.task.TaskMonitor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluatorTest {

    /** A model whose scores are given per user. */
    record Fixed(float[][] byUser) implements Recommender {
        @Override public String name() {
            return "fixed";
        }

        @Override public Map<String, Object> params() {
            return Map.of();
        }

        @Override public void fit(TrainingData data, TaskMonitor monitor) {
        }

        @Override public void score(int user, float[] scores) {
            System.arraycopy(byUser[user], 0, scores, 0, scores.length);
        }
    }

    private static Split handSplit(List<Integer> ks) {
        Interactions data = new Interactions(1, new long[] {1}, new long[] {1, 2, 3, 4, 5, 6}, new int[0], new int[0],
                new float[0], new long[0], new boolean[0]);
        Csr train = Csr.of(1, 6, new int[] {0}, new int[] {0}, new float[] {1}, null);
        Csr test = Csr.of(1, 6, new int[] {0, 0}, new int[] {2, 4}, new float[] {1, 1}, null);
        return new Split(data, Protocol.of(new SplitSpec.LeaveLastOut(), 1, ks), train, Csr.empty(1, 6), test,
                new boolean[6], "");
    }

    @Test
    void rankingMetricsMatchAHandComputedExample() {
        // item 0 is a training item and scores highest: it must be excluded, not counted as a miss
        Fixed model = new Fixed(new float[][] {{1.0f, 0.1f, 0.8f, 0.5f, 0.4f, 0.9f}});
        EvalResult r = new Evaluator(1).evaluate(handSplit(List.of(3)), model, TaskMonitor.NONE);
        // top-3 = [5, 2, 3]; the one hit (item 2) is at rank 2 of 2 positives
        assertEquals(0.5, r.metric("recall@3"), 1e-9);
        assertEquals(1.0 / 3, r.metric("precision@3"), 1e-9);
        assertEquals(1.0, r.metric("hr@3"), 1e-9);
        double dcg = 1 / (Math.log(3) / Math.log(2));
        assertEquals(dcg / (1 + dcg), r.metric("ndcg@3"), 1e-9);
        assertEquals(0.5, r.metric("mrr@3"), 1e-9);
        assertEquals(0.25, r.metric("map@3"), 1e-9);
        // negatives 1, 3, 5 against positives 0.8 and 0.4: 3 of 6 pairs ordered correctly
        assertEquals(0.5, r.metric("gauc"), 1e-9);
        assertEquals(3.0 / 6, r.metric("coverage@3"), 1e-9);
        assertEquals(1, r.users());
    }

    @Test
    void aPerfectModelScoresOneAndARandomOneFarLess() {
        Split split = handSplit(List.of(2));
        EvalResult perfect = new Evaluator(1).evaluate(split,
                new Fixed(new float[][] {{0f, 0f, 1f, 0f, 0.9f, 0f}}), TaskMonitor.NONE);
        assertEquals(1.0, perfect.metric("ndcg@2"), 1e-9);
        assertEquals(1.0, perfect.metric("gauc"), 1e-9);
        EvalResult worst = new Evaluator(1).evaluate(split,
                new Fixed(new float[][] {{0f, 1f, 0f, 1f, 0f, 1f}}), TaskMonitor.NONE);
        assertEquals(0.0, worst.metric("ndcg@2"), 1e-9);
        assertEquals(0.0, worst.metric("gauc"), 1e-9);
    }

    @Test
    void sameNumbersWithOneOrFourThreads() {
        Interactions data = SyntheticLog.clustered(300, 200, 20, 7);
        Split split = Splitter.split(data, Protocol.of(new SplitSpec.Random(0.8, 0.1, 0.1), 3, List.of(5, 10)));
        Popularity pop = new Popularity();
        pop.fit(TrainingData.of(split, SideInformation.none(data.numItems()), 1), TaskMonitor.NONE);
        EvalResult one = new Evaluator(1).evaluate(split, pop, TaskMonitor.NONE);
        EvalResult four = new Evaluator(4).evaluate(split, pop, TaskMonitor.NONE);
        assertEquals(one.metrics(), four.metrics());
        assertEquals(one.slices(), four.slices());
        assertTrue(one.metric("ndcg@10") > 0);
    }

    @Test
    void perUserNdcgAtTheSmallestKAveragesToTheReportedMetric() {
        Interactions data = SyntheticLog.clustered(300, 200, 20, 7);
        Split split = Splitter.split(data, Protocol.of(new SplitSpec.Random(0.8, 0.1, 0.1), 3, List.of(10, 5)));
        Popularity pop = new Popularity();
        pop.fit(TrainingData.of(split, SideInformation.none(data.numItems()), 1), TaskMonitor.NONE);
        double[] byUser = new double[split.train().rows()];
        java.util.Arrays.fill(byUser, Double.NaN);
        EvalResult r = new Evaluator(2).evaluate(split, pop, TaskMonitor.NONE, byUser);
        double sum = 0;
        int n = 0;
        for (double v : byUser) {
            if (!Double.isNaN(v)) {
                assertTrue(v >= 0 && v <= 1 + 1e-9, "per-user NDCG in [0, 1]: " + v);
                sum += v;
                n++;
            }
        }
        assertEquals(r.users(), n);
        assertEquals(r.metric("ndcg@5"), sum / n, 1e-9);
        assertTrue(sum > 0);
    }

    @Test
    void sampledModeRanksAgainstFewNegativesSoItScoresHigherThanFullRanking() {
        Interactions data = SyntheticLog.clustered(300, 400, 20, 11);
        Protocol p = Protocol.of(new SplitSpec.LeaveLastOut(), 5, List.of(10));
        Split full = Splitter.split(data, p);
        Split sampled = Splitter.split(data, p.withMode(new EvalMode(50)));
        Popularity pop = new Popularity();
        pop.fit(TrainingData.of(full, SideInformation.none(data.numItems()), 1), TaskMonitor.NONE);
        double f = new Evaluator(2).evaluate(full, pop, TaskMonitor.NONE).metric("hr@10");
        double s = new Evaluator(2).evaluate(sampled, pop, TaskMonitor.NONE).metric("hr@10");
        assertTrue(s > f, "sampled " + s + " vs full " + f);
    }

    @Test
    void coldItemSliceCountsOnlyHeldOutItems() {
        Interactions data = SyntheticLog.clustered(200, 100, 15, 5);
        Split split = Splitter.split(data, Protocol.of(new SplitSpec.ColdItems(0.2), 9, List.of(10)));
        Popularity pop = new Popularity();
        pop.fit(TrainingData.of(split, SideInformation.none(data.numItems()), 1), TaskMonitor.NONE);
        EvalResult r = new Evaluator(1).evaluate(split, pop, TaskMonitor.NONE);
        // popularity gives held-out items a zero count: they never beat warm items, so recall on them is ~0
        assertTrue(r.slices().get("cold-items").get("users") > 0);
        assertTrue(r.slices().get("cold-items").get("recall@10") < 0.05);
        // every test item is cold here, so the cold slice's GAUC is the whole GAUC, and popularity, which ranks
        // cold items last, neither recommends them nor ranks them above a negative
        assertEquals(r.metric("gauc"), r.slices().get("cold-items").get("gauc"), 1e-12);
        assertTrue(r.metric("gauc") < 0.5);
        assertEquals(0.0, r.slices().get("cold-items").get("coverage@10"), 0);
        assertEquals(0.0, r.slices().get("cold-items").get("share@10"), 0);
    }

    @Test
    void everySliceCarriesGaucAndTheExposureOfItsLists() {
        Interactions data = SyntheticLog.clustered(300, 200, 20, 7);
        Split split = Splitter.split(data, Protocol.of(new SplitSpec.Random(0.8, 0.1, 0.1), 3, List.of(10)));
        Popularity pop = new Popularity();
        pop.fit(TrainingData.of(split, SideInformation.none(data.numItems()), 1), TaskMonitor.NONE);
        EvalResult r = new Evaluator(2).evaluate(split, pop, TaskMonitor.NONE);
        double shares = 0;
        for (String slice : Slices.ITEM) {
            Map<String, Double> m = r.slices().get(slice);
            shares += m.get("share@10");
            assertTrue(m.get("coverage@10") >= 0 && m.get("coverage@10") <= 1, slice);
        }
        assertEquals(1.0, shares, 1e-9); // every top-10 slot goes to exactly one item slice
        // popularity recommends the same most popular items to everyone: they are head items, none from the tail
        assertEquals(1.0, r.slices().get("head-items").get("share@10"), 1e-9);
        assertEquals(0.0, r.slices().get("tail-items").get("coverage@10"), 0);
        for (String slice : Slices.USER) {
            Map<String, Double> m = r.slices().get(slice);
            if (m.get("users") > 0) {
                assertTrue(m.get("gauc") > 0.5, slice + " gauc " + m.get("gauc"));
                assertTrue(m.get("coverage@10") > 0, slice);
                assertTrue(m.get("avg_pop@10") > 0, slice);
            }
        }
    }

    @Test
    void giniIsZeroForEqualExposureAndHighForOneItem() {
        assertEquals(0.0, ListExposure.gini(new int[] {3, 3, 3, 3}), 1e-9);
        assertEquals(0.75, ListExposure.gini(new int[] {0, 0, 0, 8}), 1e-9);
    }

    @Test
    void topKBreaksTiesByIndexAndSkipsUnrankable() {
        int[] out = new int[3];
        int n = TopK.select(new float[] {0.5f, Float.NEGATIVE_INFINITY, 0.5f, 0.9f, Float.NaN}, 3, out);
        assertEquals(3, n);
        assertEquals(List.of(3, 0, 2), List.of(out[0], out[1], out[2]));
        SplittableRandom rnd = new SplittableRandom(1);
        float[] s = new float[1000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) rnd.nextDouble();
        }
        int[] top = new int[10];
        TopK.select(s, 10, top);
        float[] sorted = s.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < 10; i++) {
            assertEquals(sorted[999 - i], s[top[i]]);
        }
    }
}
