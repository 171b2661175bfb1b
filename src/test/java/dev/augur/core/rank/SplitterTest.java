package dev.augur.core.rank;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitterTest {
    private final Interactions data = SyntheticLog.clustered(100, 200, 20, 1);

    @Test
    void randomSplitGivesEachUserTheRatiosAndTheSameSeedTheSameSplit() {
        Protocol p = Protocol.of(SplitSpec.parse("random:0.8,0.1,0.1"), 42, List.of(10));
        Split a = Splitter.split(data, p);
        Split b = Splitter.split(data, p);
        for (int u = 0; u < data.numUsers(); u++) {
            assertEquals(16, a.train().rowLength(u));
            assertEquals(2, a.valid().rowLength(u));
            assertEquals(2, a.test().rowLength(u));
        }
        assertArrayEquals(a.test().indices(), b.test().indices());
        Split c = Splitter.split(data, Protocol.of(SplitSpec.parse("random:0.8,0.1,0.1"), 43, List.of(10)));
        assertFalse(java.util.Arrays.equals(a.test().indices(), c.test().indices()));
    }

    @Test
    void leaveLastOutTestsEachUsersLatestInteraction() {
        Split s = Splitter.split(data, Protocol.of(new SplitSpec.LeaveLastOut(), 1, List.of(10)));
        for (int k = 0; k < data.size(); k++) {
            int u = data.user()[k];
            boolean last = k + 1 == data.size() || data.user()[k + 1] != u;
            assertEquals(last, s.test().contains(u, data.item()[k]));
        }
        assertEquals(data.numUsers(), s.valid().nnz());
    }

    @Test
    void temporalSplitPutsTheLatestShareInTheTest() {
        Split s = Splitter.split(data, Protocol.of(new SplitSpec.Temporal(0.25), 1, List.of(10)));
        assertEquals(data.size() / 4, s.test().nnz());
        // users are numbered in time order in the synthetic log: the test holds the last quarter of users
        assertEquals(0, s.test().rowLength(0));
        assertTrue(s.test().rowLength(data.numUsers() - 1) > 0);
    }

    @Test
    void coldItemsSplitHoldsOutWholeItems() {
        Split s = Splitter.split(data, Protocol.of(new SplitSpec.ColdItems(0.1), 7, List.of(10)));
        int[] trainCounts = s.train().columnCounts();
        int[] testCounts = s.test().columnCounts();
        int held = 0;
        for (int i = 0; i < data.numItems(); i++) {
            if (s.heldOut()[i]) {
                held++;
                assertEquals(0, trainCounts[i]);
            } else {
                assertEquals(0, testCounts[i]);
            }
        }
        assertTrue(held > 0);
    }

    @Test
    void filtersDropLowRatingsAndThinUsers() {
        Filters f = new Filters(4.0, 5, 0, false);
        Split s = Splitter.split(data, Protocol.of(new SplitSpec.Random(0.8, 0.1, 0.1), 1, List.of(10)).withFilters(f));
        long high = 0;
        for (float v : data.value()) {
            high += v >= 4 ? 1 : 0;
        }
        assertTrue(s.train().nnz() + s.valid().nnz() + s.test().nnz() <= high);
        for (int u = 0; u < data.numUsers(); u++) {
            int n = s.train().rowLength(u) + s.valid().rowLength(u) + s.test().rowLength(u);
            assertTrue(n == 0 || n >= 5);
        }
        assertTrue(s.notes().contains("below the rating threshold"));
    }

    @Test
    void splitTextRoundTripsAndBadTextIsExplained() {
        for (String t : List.of("random:0.8,0.1,0.1", "leave-last-out", "temporal:0.2", "cold-items:0.1")) {
            assertEquals(t, SplitSpec.parse(t).text());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SplitSpec.parse("weird"));
        assertTrue(e.getMessage().contains("leave-last-out"));
        assertThrows(IllegalArgumentException.class, () -> SplitSpec.parse("random:0.5,0.1,0.1"));
    }

    @Test
    void acceptedSyntheticPositivesJoinTrainingOnlyAndNegativesNever() {
        int n = data.size();
        int[] u = java.util.Arrays.copyOf(data.user(), n + 2);
        int[] it = java.util.Arrays.copyOf(data.item(), n + 2);
        float[] v = java.util.Arrays.copyOf(data.value(), n + 2);
        long[] ts = java.util.Arrays.copyOf(data.ts(), n + 2);
        boolean[] syn = java.util.Arrays.copyOf(data.synthetic(), n + 2);
        // user 0 gets a synthetic "yes" on item 199 and a synthetic "no" on item 198 (neither is in its history)
        u[n] = 0; it[n] = 199; v[n] = 1; syn[n] = true;
        u[n + 1] = 0; it[n + 1] = 198; v[n + 1] = 0; syn[n + 1] = true;
        Interactions withSyn = new Interactions(1, data.userIds(), data.itemIds(), u, it, v, ts, syn);
        Protocol p = Protocol.of(new SplitSpec.LeaveLastOut(), 1, List.of(10));
        Split without = Splitter.split(withSyn, p);
        Split with = Splitter.split(withSyn, p.withFilters(new Filters(Double.NaN, 0, 0, true)));
        assertFalse(without.train().contains(0, 199));
        assertTrue(with.train().contains(0, 199));
        assertFalse(with.train().contains(0, 198));
        assertEquals(without.test().nnz(), with.test().nnz());
        assertEquals(without.valid().nnz(), with.valid().nnz());
    }
}
