package dev.augur.core.rank.models;

import dev.augur.core.rank.Csr;
import dev.augur.core.rank.Interactions;
import dev.augur.core.rank.Protocol;
import dev.augur.core.rank.Reason;
import dev.augur.core.rank.SideInformation;
import dev.augur.core.rank.Split;
import dev.augur.core.rank.SplitSpec;
import dev.augur.core.rank.Splitter;
import dev.augur.core.rank.TopK;
import dev.augur.core.rank.TrainingData;
import dev.augur.core.task.TaskMonitor;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ContentModelTest {

    /**
     * Twelve items in three themes (text = the theme's axis plus a small per-item tilt): items 0–3 theme 0, 4–7
     * theme 1, 8–10 theme 2, item 11 has no text. Nobody has interacted with items 3, 7 and 10.
     */
    private static final int ITEMS = 12;

    private static SideInformation side() {
        int dims = 4;
        float[] v = new float[ITEMS * dims];
        boolean[] has = new boolean[ITEMS];
        for (int i = 0; i < 11; i++) {
            int theme = i < 4 ? 0 : i < 8 ? 1 : 2;
            v[i * dims + theme] = 1;
            v[i * dims + 3] = 0.1f * (i % 4);
            has[i] = true;
        }
        return SideInformation.none(ITEMS).withText(dims, v, has, "test");
    }

    private static TrainingData data(int[][] rows) {
        int n = Arrays.stream(rows).mapToInt(r -> r.length).sum();
        int[] u = new int[n];
        int[] i = new int[n];
        int w = 0;
        for (int user = 0; user < rows.length; user++) {
            for (int item : rows[user]) {
                u[w] = user;
                i[w++] = item;
            }
        }
        float[] ones = new float[n];
        Arrays.fill(ones, 1);
        Csr train = Csr.of(rows.length, ITEMS, u, i, ones, null);
        return new TrainingData(train, train.transpose(), side(), 1, 1);
    }

    private static int[] top(ContentModel m, int user, int k, Csr train) {
        float[] s = new float[ITEMS];
        m.score(user, s);
        for (int i : train.row(user)) {
            s[i] = Float.NEGATIVE_INFINITY;
        }
        int[] out = new int[k];
        return Arrays.copyOf(out, TopK.select(s, k, out));
    }

    @Test
    void ranksItemsOfTheUsersThemeFirstIncludingColdOnes() {
        TrainingData d = data(new int[][] {{0, 1}, {4, 5, 6}, {8, 9, 0}});
        ContentModel m = new ContentModel();
        m.fit(d, TaskMonitor.NONE);

        // user 0 watched theme 0: the rest of theme 0 (item 3 never interacted with) comes first
        assertThat(top(m, 0, 2, d.train())).containsExactlyInAnyOrder(2, 3);
        // user 1 watched three of theme 1: the fourth, cold, comes first
        assertThat(top(m, 1, 1, d.train())).containsExactly(7);
        // user 2 is mostly theme 2: its one unseen theme-2 item (cold) leads
        assertThat(top(m, 2, 1, d.train())).containsExactly(10);
    }

    @Test
    void anItemWithoutTextCannotBeRanked() {
        TrainingData d = data(new int[][] {{0, 1}});
        ContentModel m = new ContentModel();
        m.fit(d, TaskMonitor.NONE);
        float[] s = new float[ITEMS];
        m.score(0, s);
        assertThat(s[11]).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(s[2]).isGreaterThan(s[5]);
    }

    @Test
    void aUserWhoseHistoryHasNoTextGetsNoRanking() {
        TrainingData d = data(new int[][] {{11}});
        ContentModel m = new ContentModel();
        m.fit(d, TaskMonitor.NONE);
        float[] s = new float[ITEMS];
        m.score(0, s);
        for (float x : s) {
            assertThat(x).isEqualTo(Float.NEGATIVE_INFINITY);
        }
    }

    @Test
    void recencyWeightsFollowTheUsersLatestTheme() {
        // four old theme-1 items, then two recent theme-0 items
        int[] order = {4, 5, 6, 7, 0, 1};
        TrainingData d = data(new int[][] {order});
        TrainingHistory h = new TrainingHistory(new int[][] {order}, true);

        ContentModel uniform = new ContentModel();
        uniform.fit(d, TaskMonitor.NONE);
        ContentModel recent = new ContentModel(h, 1);
        recent.fit(d, TaskMonitor.NONE);

        float[] su = new float[ITEMS];
        float[] sr = new float[ITEMS];
        uniform.score(0, su);
        recent.score(0, sr);
        assertThat(su[2]).isLessThan(su[4]); // by count, theme 1 wins
        assertThat(sr[2]).isGreaterThan(sr[4]); // by recency, theme 0 wins
        assertThat(recent.params()).containsEntry("weighting", "recency").containsEntry("half_life", 1.0);
        assertThat(uniform.params()).containsEntry("weighting", "uniform");
    }

    @Test
    void recencyNeedsTimeOrder() {
        TrainingData d = data(new int[][] {{0, 1}});
        assertThatThrownBy(() -> new ContentModel(TrainingHistory.byValue(d.train()), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time order");
    }

    @Test
    void explainsByTheHistoryItemsClosestToTheItem() {
        TrainingData d = data(new int[][] {{0, 4, 8}});
        ContentModel m = new ContentModel();
        m.fit(d, TaskMonitor.NONE);

        List<Reason> why = m.explain(0, 5, 2);
        assertThat(why).hasSize(2);
        assertThat(why.get(0).historyItem()).isEqualTo(4); // the theme-1 history item
        assertThat(why.get(0).contribution()).isGreaterThan(why.get(1).contribution());
        // the shares add up to the score
        List<Reason> all = m.explain(0, 5, 10);
        float[] s = new float[ITEMS];
        m.score(0, s);
        assertThat(all.stream().mapToDouble(Reason::contribution).sum()).isCloseTo(s[5], within(1e-5));
    }

    @Test
    void withoutTextVectorsItSaysToEncodeFirst() {
        Csr train = Csr.of(1, ITEMS, new int[] {0}, new int[] {0}, new float[] {1}, null);
        TrainingData d = new TrainingData(train, train.transpose(), SideInformation.none(ITEMS), 1, 1);
        assertThatThrownBy(() -> new ContentModel().fit(d, TaskMonitor.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("encode item texts first")
                .hasMessageContaining("augur encode");
    }

    @Test
    void trainingHistoryOfASplitIsInTimeOrder() {
        // rows out of time order in the log; item 2 repeated: it counts at its last time
        int[] user = {0, 0, 0, 0, 0};
        int[] item = {1, 2, 0, 2, 3};
        long[] ts = {30, 10, 20, 40, 50};
        Interactions log = new Interactions(1, new long[] {7}, new long[] {1, 2, 3, 4}, user, item,
                new float[] {1, 1, 1, 1, 1}, ts, new boolean[5]);
        Split split = Splitter.split(log, Protocol.of(SplitSpec.parse("leave-last-out"), 1, List.of(10)));
        TrainingHistory h = TrainingHistory.of(split);
        int[] train = split.train().row(0);
        assertThat(h.row(0)).containsExactlyInAnyOrder(train);
        // whatever the split kept, the order is by time: 0 (20), 1 (30), 2 (40), 3 (50)
        int[] sorted = h.row(0).clone();
        Arrays.sort(sorted);
        assertThat(h.row(0)).containsExactly(sorted);
        assertThat(h.recent(0, 1)).containsExactly(sorted[sorted.length - 1]);
    }
}
