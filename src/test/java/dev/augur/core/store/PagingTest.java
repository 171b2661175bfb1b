package dev.augur.core.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.augur.core.store.TableKind.INTERACTIONS;
import static dev.augur.core.store.TableKind.ITEMS;
import static dev.augur.core.store.TableKind.REVIEWS;
import static dev.augur.core.store.TableKind.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PagingTest {
    static final int BIG = 200_000;

    @TempDir
    static Path shared;
    static Workspace ws;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeDatasets() {
        ws = Workspace.open(shared.resolve("paging.augur"));
        writeShop(ws);
        writeOther(ws);
        try (DatasetWriter w = ws.newDataset("big", "test", null)) {
            int[] users = new int[2_000];
            for (int u = 0; u < users.length; u++) {
                users[u] = w.user("user" + u);
            }
            int[] items = new int[1_000];
            for (int i = 0; i < items.length; i++) {
                items[i] = w.putItem("item" + i, "Title " + i, null, "[]", "{}");
            }
            for (int k = 0; k < BIG; k++) {
                w.interaction(users[k % users.length], items[(k * 7) % items.length], k % 5 + 1, 1_600_000_000L + k, -1);
            }
            w.commit(d -> "{}");
        }
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    /** 3 users, 5 items (one bare), 6 interactions, 3 reviews. */
    static void writeShop(Workspace ws) {
        try (DatasetWriter w = ws.newDataset("shop", "test", null)) {
            int alice = w.putUser("alice", "{\"age\":31}");
            int bob = w.putUser("bob", "{}");
            int carol = w.putUser("Carol", "{}");
            int i1 = w.putItem("i1", "Star Wars", "A space opera", "[\"Sci-Fi\",\"Adventure\"]", "{}");
            int i2 = w.putItem("i2", "amélie", "Paris", "[\"Comedy\"]", "{}");
            int i3 = w.putItem("i3", "Toy Story", "Toys come alive; a star-studded cast", "[\"Animation\"]", "{}");
            int i4 = w.putItem("i4", "Heat", null, "[]", "{}");
            w.item("i5");
            w.interaction(alice, i1, 5, 1000, -1);
            w.interaction(alice, i2, 4, 2000, -1);
            w.interaction(alice, i3, 3, 3000, -1);
            w.interaction(bob, i1, 2, 1500, -1);
            w.interaction(bob, i4, Double.NaN, DatasetWriter.NO_TIMESTAMP, -1);
            w.interaction(carol, i1, 1, 500, -1);
            w.review(alice, i1, 5, 1000, "Great", "Loved the STAR destroyer", "{}");
            w.review(bob, i4, 3, 1500, "Okay", "Long", "{}");
            w.review(carol, i2, Double.NaN, DatasetWriter.NO_TIMESTAMP, null, "Charming", "{}");
            w.commit(d -> "{}");
        }
    }

    /** A second dataset with the same external ids as "shop" and text that shop's filters would match. */
    static void writeOther(Workspace ws) {
        try (DatasetWriter w = ws.newDataset("other", "test", null)) {
            int alice = w.user("alice");
            int zed = w.user("zed");
            int i1 = w.putItem("i1", "Star Trek", "star", "[]", "{}");
            w.interaction(alice, i1, 9, 10, -1);
            w.interaction(zed, i1, 8, 20, -1);
            w.review(zed, i1, 1, 30, "star", "star", "{}");
            w.commit(d -> "{}");
        }
    }

    static PageRequest req(String dataset, TableKind kind, String filter, String sort, boolean asc, long offset, int limit) {
        return new PageRequest(dataset, kind, filter, sort, asc, offset, limit);
    }

    static List<List<Object>> rows(String dataset, TableKind kind, String filter, String sort, boolean asc) {
        return ws.read().page(req(dataset, kind, filter, sort, asc, 0, 100)).rows();
    }

    static List<Object> column(List<List<Object>> rows, TableKind kind, String key) {
        int k = kind.columnIndex(key);
        List<Object> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.get(k)));
        return out;
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    // ---- columns, counts and contents ------------------------------------------------------------------

    @Test
    void everyKindHasItsColumns() {
        assertThat(USERS.columns()).extracting(TableColumnSpec::key).containsExactly("id", "interactions", "attributes");
        assertThat(ITEMS.columns()).extracting(TableColumnSpec::key)
                .containsExactly("id", "title", "categories", "interactions", "description");
        assertThat(INTERACTIONS.columns()).extracting(TableColumnSpec::key)
                .containsExactly("user", "item", "item_title", "value", "time", "source", "status");
        assertThat(REVIEWS.columns()).extracting(TableColumnSpec::key)
                .containsExactly("user", "item", "rating", "time", "summary", "text");
        assertThat(INTERACTIONS.column("value")).get().extracting(TableColumnSpec::numeric).isEqualTo(true);
        assertThat(INTERACTIONS.column("time")).get().extracting(TableColumnSpec::numeric).isEqualTo(false);
    }

    @Test
    void countsEachTableOfADataset() {
        WorkspaceReader r = ws.read();
        assertThat(r.count(PageRequest.of("shop", USERS, 0, 10))).isEqualTo(3);
        assertThat(r.count(PageRequest.of("shop", ITEMS, 0, 10))).isEqualTo(5);
        assertThat(r.count(PageRequest.of("shop", INTERACTIONS, 0, 10))).isEqualTo(6);
        assertThat(r.count(PageRequest.of("shop", REVIEWS, 0, 10))).isEqualTo(3);
        assertThat(r.count(PageRequest.of("big", INTERACTIONS, 0, 10))).isEqualTo(BIG);
        assertThat(r.page(PageRequest.of("big", USERS, 0, 10)).totalRows()).isEqualTo(2_000);
    }

    @Test
    void pagesHoldTheColumnsInOrderWithTypedValues() {
        assertThat(rows("shop", USERS, "", null, true)).containsExactly(
                row("alice", 3L, "{\"age\":31}"), row("bob", 2L, "{}"), row("Carol", 1L, "{}"));
        assertThat(rows("shop", ITEMS, "", null, true)).containsExactly(
                row("i1", "Star Wars", "Sci-Fi, Adventure", 3L, "A space opera"),
                row("i2", "amélie", "Comedy", 1L, "Paris"),
                row("i3", "Toy Story", "Animation", 1L, "Toys come alive; a star-studded cast"),
                row("i4", "Heat", "", 1L, null),
                row("i5", null, "", 0L, null));
        assertThat(rows("shop", INTERACTIONS, "", null, true)).containsExactly(
                row("alice", "i1", "Star Wars", 5.0, "1970-01-01T00:16:40Z", "observed", null),
                row("alice", "i2", "amélie", 4.0, "1970-01-01T00:33:20Z", "observed", null),
                row("alice", "i3", "Toy Story", 3.0, "1970-01-01T00:50:00Z", "observed", null),
                row("bob", "i1", "Star Wars", 2.0, "1970-01-01T00:25:00Z", "observed", null),
                row("bob", "i4", "Heat", null, null, "observed", null),
                row("Carol", "i1", "Star Wars", 1.0, "1970-01-01T00:08:20Z", "observed", null));
        assertThat(rows("shop", REVIEWS, "", null, true)).containsExactly(
                row("alice", "i1", 5.0, "1970-01-01T00:16:40Z", "Great", "Loved the STAR destroyer"),
                row("bob", "i4", 3.0, "1970-01-01T00:25:00Z", "Okay", "Long"),
                row("Carol", "i2", null, null, null, "Charming"));
    }

    @Test
    void theDefaultOrderDescendingIsTheImportOrderReversed() {
        assertThat(column(rows("shop", USERS, "", null, false), USERS, "id")).containsExactly("Carol", "bob", "alice");
        Page p = ws.read().page(req("shop", INTERACTIONS, "", null, false, 1, 2));
        assertThat(p.rows()).extracting(r -> r.get(0) + "/" + r.get(1)).containsExactly("bob/i4", "bob/i1");
    }

    // ---- filters -------------------------------------------------------------------------------------

    @Test
    void theFilterIsACaseInsensitiveContainsOverIdsAndTexts() {
        // items: id, title, description
        assertThat(column(rows("shop", ITEMS, "STAR", null, true), ITEMS, "id")).containsExactly("i1", "i3");
        assertThat(column(rows("shop", ITEMS, "i4", null, true), ITEMS, "id")).containsExactly("i4");
        assertThat(column(rows("shop", ITEMS, "paris", null, true), ITEMS, "id")).containsExactly("i2");
        // users: external id
        assertThat(column(rows("shop", USERS, "car", null, true), USERS, "id")).containsExactly("Carol");
        // interactions: user id, item id, item title
        assertThat(rows("shop", INTERACTIONS, "sTaR", null, true)).extracting(r -> r.get(0) + "/" + r.get(1))
                .containsExactly("alice/i1", "bob/i1", "Carol/i1");
        assertThat(rows("shop", INTERACTIONS, "BOB", null, true)).hasSize(2);
        assertThat(rows("shop", INTERACTIONS, "i4", null, true)).extracting(r -> r.get(1)).containsExactly("i4");
        // reviews: user id, item id, summary, text
        assertThat(column(rows("shop", REVIEWS, "star", null, true), REVIEWS, "user")).containsExactly("alice");
        assertThat(column(rows("shop", REVIEWS, "oKaY", null, true), REVIEWS, "user")).containsExactly("bob");
        assertThat(column(rows("shop", REVIEWS, "i2", null, true), REVIEWS, "user")).containsExactly("Carol");
        assertThat(column(rows("shop", REVIEWS, "CHARM", null, true), REVIEWS, "user")).containsExactly("Carol");
        // count and total agree with the rows
        PageRequest star = req("shop", ITEMS, "  Star ", null, true, 0, 1);
        assertThat(ws.read().count(star)).isEqualTo(2);
        Page first = ws.read().page(star);
        assertThat(first.totalRows()).isEqualTo(2);
        assertThat(first.rows()).hasSize(1);
        assertThat(ws.read().page(star.withOffset(1)).rows().get(0).get(0)).isEqualTo("i3");
    }

    @Test
    void aFilterIgnoresCaseBeyondAsciiAndTakesWildcardsLiterally() {
        assertThat(column(rows("shop", ITEMS, "AMÉLIE", null, true), ITEMS, "id")).containsExactly("i2");
        assertThat(column(rows("shop", INTERACTIONS, "AMÉL", null, true), INTERACTIONS, "item")).containsExactly("i2");
        assertThat(rows("shop", ITEMS, "%", null, true)).isEmpty();
        assertThat(rows("shop", ITEMS, "_", null, true)).isEmpty();
        assertThat(rows("shop", ITEMS, "s_a", null, true)).isEmpty();
        assertThat(ws.read().count(req("shop", ITEMS, "%", null, true, 0, 1))).isZero();
        assertThat(TablePager.containsIgnoreCase("Crème BRÛLÉE", "brûlée")).isTrue();
        assertThat(TablePager.containsIgnoreCase("abc", "abcd")).isFalse();
    }

    @Test
    void anEmptyFilterMeansAllRows() {
        assertThat(rows("shop", USERS, "   ", null, true)).hasSize(3);
        assertThat(rows("shop", USERS, null, null, true)).hasSize(3);
    }

    @Test
    void filteredInteractionsAreFoundByIndexWhenFewMatchAndByScanWhenMany() {
        TablePager pager = ws.read().pager();
        for (String filter : new String[] {"99", "9"}) {
            List<String> expected = new ArrayList<>();
            for (int k = 0; k < BIG; k++) {
                String user = "user" + k % 2_000;
                int item = (k * 7) % 1_000;
                if (user.contains(filter) || ("item" + item).contains(filter) || ("Title " + item).contains(filter)) {
                    expected.add(user + "/item" + item);
                }
            }
            for (long offset : new long[] {0, expected.size() - 150}) {
                TablePager.Result r = pager.page(req("big", INTERACTIONS, filter, null, true, offset, 200), false);
                assertThat(r.page().totalRows()).isEqualTo(expected.size());
                assertThat(r.page().rows()).extracting(row -> row.get(0) + "/" + row.get(1))
                        .containsExactlyElementsOf(expected.subList((int) offset, (int) Math.min(offset + 200, expected.size())));
                boolean byIndex = pager.explain(r.statements().get(0)).stream().anyMatch(s -> s.contains("MULTI-INDEX OR"));
                assertThat(byIndex).as(filter).isEqualTo(filter.equals("99")); // ~4% of users and items match "99", ~35% "9"
            }
        }
    }

    // ---- sorting -------------------------------------------------------------------------------------

    @Test
    void sortsByANumericColumnBothWays() {
        assertThat(column(rows("shop", USERS, "", "interactions", false), USERS, "id")).containsExactly("alice", "bob", "Carol");
        assertThat(column(rows("shop", USERS, "", "interactions", true), USERS, "id")).containsExactly("Carol", "bob", "alice");
        assertThat(column(rows("shop", INTERACTIONS, "", "value", true), INTERACTIONS, "value"))
                .containsExactly(null, 1.0, 2.0, 3.0, 4.0, 5.0); // SQLite: NULL sorts first
        assertThat(column(rows("shop", INTERACTIONS, "", "value", false), INTERACTIONS, "value"))
                .containsExactly(5.0, 4.0, 3.0, 2.0, 1.0, null);
        // ties (three items with one interaction) are broken by import order, in the direction of the sort
        assertThat(column(rows("shop", ITEMS, "", "interactions", false), ITEMS, "id")).containsExactly("i1", "i4", "i3", "i2", "i5");
        assertThat(column(rows("shop", REVIEWS, "", "rating", false), REVIEWS, "rating")).containsExactly(5.0, 3.0, null);
        assertThat(column(rows("shop", INTERACTIONS, "", "time", true), INTERACTIONS, "user"))
                .containsExactly("bob", "Carol", "alice", "bob", "alice", "alice");
    }

    @Test
    void sortsByATextColumnBothWays() {
        // titles ignore case (index items_by_title); NULL first
        assertThat(column(rows("shop", ITEMS, "", "title", true), ITEMS, "title"))
                .containsExactly(null, "amélie", "Heat", "Star Wars", "Toy Story");
        assertThat(column(rows("shop", ITEMS, "", "title", false), ITEMS, "title"))
                .containsExactly("Toy Story", "Star Wars", "Heat", "amélie", null);
        // external ids compare as they are
        assertThat(column(rows("shop", USERS, "", "id", true), USERS, "id")).containsExactly("Carol", "alice", "bob");
        assertThat(column(rows("shop", USERS, "", "id", false), USERS, "id")).containsExactly("bob", "alice", "Carol");
        assertThat(rows("shop", INTERACTIONS, "", "item_title", true)).extracting(r -> r.get(2))
                .containsExactly("amélie", "Heat", "Star Wars", "Star Wars", "Star Wars", "Toy Story");
        assertThat(column(rows("shop", REVIEWS, "", "user", false), REVIEWS, "user")).containsExactly("bob", "alice", "Carol");
    }

    @Test
    void sortAndFilterCombineAndPage() {
        PageRequest r = req("shop", INTERACTIONS, "STAR", "user", false, 0, 2);
        Page first = ws.read().page(r);
        assertThat(first.totalRows()).isEqualTo(3);
        assertThat(column(first.rows(), INTERACTIONS, "user")).containsExactly("bob", "alice");
        assertThat(column(ws.read().page(r.withOffset(2)).rows(), INTERACTIONS, "user")).containsExactly("Carol");
    }

    @Test
    void unknownSortKeysAndDatasetsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> req("shop", USERS, "", "title; DROP TABLE users", true, 0, 10));
        assertThat(e.getMessage()).contains("no column").contains("interactions");
        assertThrows(IllegalArgumentException.class, () -> req("shop", USERS, "", null, true, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> req("shop", USERS, "", null, true, 0, PageRequest.MAX_LIMIT + 1));
        WorkspaceException w = assertThrows(WorkspaceException.class, () -> ws.read().page(PageRequest.of("nope", USERS, 0, 10)));
        assertThat(w.getMessage()).contains("no dataset named 'nope'");
    }

    // ---- page bounds ---------------------------------------------------------------------------------

    @Test
    void theLastPageIsShorterAndOffsetsBeyondTheEndAreEmpty() {
        Page last = ws.read().page(PageRequest.of("shop", ITEMS, 3, 2));
        assertThat(column(last.rows(), ITEMS, "id")).containsExactly("i4", "i5");
        Page shorter = ws.read().page(PageRequest.of("shop", ITEMS, 4, 2));
        assertThat(shorter.rows()).hasSize(1);
        assertThat(shorter.totalRows()).isEqualTo(5);
        for (long offset : new long[] {5, 6, 1_000_000}) {
            Page beyond = ws.read().page(PageRequest.of("shop", ITEMS, offset, 2));
            assertThat(beyond.rows()).isEmpty();
            assertThat(beyond.totalRows()).isEqualTo(5);
            assertThat(beyond.offset()).isEqualTo(offset);
            assertThat(ws.read().page(req("shop", ITEMS, "", "title", false, offset, 2)).rows()).isEmpty();
        }
        assertThat(ws.read().page(req("shop", USERS, "", "id", true, 2, 10)).rows()).hasSize(1);
        assertThat(ws.read().page(PageRequest.of("shop", USERS, 0, 0)).rows()).isEmpty();
        Page bigLast = ws.read().page(PageRequest.of("big", INTERACTIONS, BIG - 150, 200));
        assertThat(bigLast.rows()).hasSize(150);
    }

    @Test
    void anotherDatasetsRowsNeverAppear() {
        for (TableKind kind : TableKind.values()) {
            for (String filter : new String[] {"", "a", "star", "i1"}) {
                for (String sort : new String[] {null, kind.columns().get(0).key(), kind.columns().get(1).key()}) {
                    for (boolean asc : new boolean[] {true, false}) {
                        List<List<Object>> rows = rows("shop", kind, filter, sort, asc);
                        assertThat(rows.toString()).as("%s %s %s", kind, filter, sort)
                                .doesNotContain("zed").doesNotContain("Star Trek").doesNotContain("9.0")
                                .doesNotContain("8.0").doesNotContain("1970-01-01T00:00:");
                    }
                }
            }
        }
        // alice exists in both: her row in shop counts shop's interactions only
        assertThat(rows("shop", USERS, "alice", null, true)).containsExactly(row("alice", 3L, "{\"age\":31}"));
        assertThat(rows("other", USERS, "", null, true)).containsExactly(row("alice", 1L, "{}"), row("zed", 1L, "{}"));
        assertThat(rows("other", INTERACTIONS, "", null, true)).extracting(r -> r.get(2)).containsOnly("Star Trek");
        assertThat(rows("other", REVIEWS, "", null, false)).hasSize(1);
        // pages that reach the end of a dataset stop there, though the next ids belong to the next dataset
        assertThat(ws.read().page(PageRequest.of("shop", INTERACTIONS, 4, 200)).rows()).hasSize(2);
        assertThat(ws.read().page(PageRequest.of("other", INTERACTIONS, 0, 200)).rows()).hasSize(2);
    }

    // ---- keyset paging on 200,000 rows ---------------------------------------------------------------

    @Test
    void keysetPagesEqualOffsetPagesOnTheLargeDataset() {
        TablePager pager = ws.read().pager();
        for (boolean asc : new boolean[] {true, false}) {
            for (long offset : new long[] {0, 1_000, 199_900}) {
                PageRequest r = req("big", INTERACTIONS, "", null, asc, offset, 200);
                TablePager.Result keyset = pager.page(r, false);
                TablePager.Result plain = pager.page(r, true);
                assertThat(keyset.strategy()).isEqualTo(TablePager.Strategy.KEYSET_CONTIGUOUS);
                assertThat(plain.strategy()).isEqualTo(TablePager.Strategy.OFFSET);
                assertThat(keyset.page()).isEqualTo(plain.page());
                assertThat(keyset.page().rows()).hasSize(offset == 199_900 ? 100 : 200);
                assertThat(keyset.page().totalRows()).isEqualTo(BIG);
            }
        }
        // the row at offset k is the k-th interaction written
        List<Object> at1000 = ws.read().page(PageRequest.of("big", INTERACTIONS, 1_000, 1)).rows().get(0);
        assertThat(at1000).containsExactly("user1000", "item0", "Title 0", 1.0, "2020-09-13T12:43:20Z", "observed", null);
        TablePager.Result users = pager.page(PageRequest.of("big", USERS, 1_900, 200), false);
        assertThat(users.strategy()).isEqualTo(TablePager.Strategy.KEYSET_CONTIGUOUS);
        assertThat(users.page().rows()).hasSize(100);
        assertThat(users.page().rows().get(0)).containsExactly("user1900", 100L, "{}");
        assertThat(users.page()).isEqualTo(pager.page(PageRequest.of("big", USERS, 1_900, 200), true).page());
    }

    @Test
    void sortedPagesOfALargeTableAreSlicesOfOneSortAndFollowEachOther() {
        try (Workspace fresh = Workspace.open(ws.file())) {
            PageRequest byTime = new PageRequest("big", INTERACTIONS, "", "time", true, 100_000, 200);
            Page a = fresh.read().page(byTime);
            Page b = fresh.read().page(byTime.withOffset(100_200));
            Page whole = fresh.read().page(byTime.withOffset(100_100)); // straddles a and b
            assertThat(a.rows()).hasSize(200);
            assertThat(String.valueOf(a.rows().get(199).get(4))).isLessThanOrEqualTo(String.valueOf(b.rows().get(0).get(4)));
            assertThat(whole.rows().subList(0, 100)).isEqualTo(a.rows().subList(100, 200));
            assertThat(whole.rows().subList(100, 200)).isEqualTo(b.rows().subList(0, 100));
            // the cached order is per filter: a filtered sort is its own slice and never reuses the unfiltered one
            Page filtered = fresh.read().page(new PageRequest("big", INTERACTIONS, "user1", "time", true, 0, 50));
            assertThat(filtered.rows()).allSatisfy(r -> assertThat(String.valueOf(r.get(0))).contains("user1"));
        }
    }

    @Test
    void aDeepPageOfTheLargeDatasetReturnsFast() {
        PageRequest deep = PageRequest.of("big", INTERACTIONS, 199_800, 200);
        try (Workspace fresh = Workspace.open(ws.file())) { // a new read connection: nothing cached yet
            long t0 = System.nanoTime();
            Page first = fresh.read().page(deep); // counts the dataset's rows once (one scan), then one id range
            long t1 = System.nanoTime();
            Page again = fresh.read().page(deep.withOffset(150_000));
            long t2 = System.nanoTime();
            Page offset = fresh.read().pager().page(deep, true).page();
            long t3 = System.nanoTime();
            Page sorted = fresh.read().page(new PageRequest("big", INTERACTIONS, "", "time", false, 199_800, 200));
            long t4 = System.nanoTime();
            System.out.printf("page at offset 199,800 of %,d interactions: keyset %.1f ms (first call, counting included),"
                    + " keyset at 150,000 %.1f ms, same page with OFFSET %.1f ms, sorted by time (OFFSET) %.1f ms%n",
                    BIG, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6);
            assertThat(first.rows()).hasSize(200);
            assertThat(first).isEqualTo(offset);
            assertThat(again.rows()).hasSize(200);
            assertThat(sorted.rows()).hasSize(200);
            assertThat(sorted.rows().get(0).get(4)).isEqualTo("2020-09-13T12:29:59Z"); // 200th oldest, last page first
            assertThat(t1 - t0).isLessThan(2_000_000_000L); // a sanity bound, not a benchmark
            assertThat(t2 - t1).isLessThan(2_000_000_000L);
        }
    }

    @Test
    void keysetQueriesReadARangeOfThePrimaryKeyAndCountsUseTheIndexes() {
        TablePager pager = ws.read().pager();
        TablePager.Result r = pager.page(PageRequest.of("big", INTERACTIONS, 150_000, 200), false);
        List<String> plan = pager.explain(r.statements().get(0));
        assertThat(plan).anyMatch(s -> s.startsWith("SEARCH x USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)"));
        assertThat(plan).noneMatch(s -> s.contains("TEMP B-TREE"));

        TablePager.Result users = pager.page(PageRequest.of("big", USERS, 500, 200), false);
        List<String> usersPlan = pager.explain(users.statements().get(0));
        assertThat(usersPlan).anyMatch(s -> s.startsWith("SEARCH u USING INTEGER PRIMARY KEY"));
        assertThat(usersPlan).anyMatch(s -> s.contains("USING COVERING INDEX interactions_by_user (user_id=?)"));
        assertThat(usersPlan).anyMatch(s -> s.contains("INDEX interactions_synthetic_by_user (user_id=?)"));
        assertThat(usersPlan).noneMatch(s -> s.contains("TEMP B-TREE") || s.startsWith("SCAN"));

        TablePager.Result items = pager.page(PageRequest.of("big", ITEMS, 500, 200), false);
        List<String> itemsPlan = pager.explain(items.statements().get(0));
        assertThat(itemsPlan).anyMatch(s -> s.contains("USING COVERING INDEX interactions_by_item (item_id=?)"));
        assertThat(itemsPlan).anyMatch(s -> s.contains("INDEX interactions_synthetic_by_item (item_id=?)"));

        TablePager.Result byTitle = pager.page(req("big", ITEMS, "", "title", false, 500, 200), false);
        assertThat(byTitle.strategy()).isEqualTo(TablePager.Strategy.OFFSET);
        List<String> titlePlan = pager.explain(byTitle.statements().get(0));
        assertThat(titlePlan).anyMatch(s -> s.contains("items_by_title"));
        assertThat(titlePlan).noneMatch(s -> s.contains("TEMP B-TREE"));
        assertThat(pager.explain(byTitle.statements().get(1))).anyMatch(s -> s.startsWith("SEARCH i USING INTEGER PRIMARY KEY"));
    }

    // ---- changes: deleted rows, rows of another dataset in between, synthetic rows ---------------------

    @Test
    void afterDeletesAndInterleavedRowsPagesComeFromTheIdLookupTable() throws Exception {
        Path file = dir.resolve("gaps.augur");
        try (Workspace w = Workspace.open(file)) {
            for (String name : new String[] {"a", "b"}) {
                try (DatasetWriter dw = w.newDataset(name, "test", null)) {
                    int[] users = new int[100];
                    for (int u = 0; u < users.length; u++) {
                        users[u] = dw.user(name + "-u" + u);
                    }
                    int item = dw.putItem(name + "-i", "Item of " + name, null, "[]", "{}");
                    for (int k = 0; k < 20_000; k++) {
                        dw.interaction(users[k % users.length], item, k, k, -1);
                    }
                    dw.commit(d -> "{}");
                }
            }
            TablePager pager = w.read().pager();
            assertThat(pager.page(PageRequest.of("a", INTERACTIONS, 0, 10), false).strategy())
                    .isEqualTo(TablePager.Strategy.KEYSET_CONTIGUOUS); // counted and cached
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM interactions WHERE dataset_id = 1 AND id % 7 = 0");
                // synthetic rows of a, written after b
                st.executeUpdate("INSERT INTO interactions(dataset_id, user_id, item_id, value, ts, source, status)"
                        + " SELECT 1, user_id, item_id, 99, 7, 'synthetic', 'pending' FROM interactions"
                        + " WHERE dataset_id = 1 AND id <= 30");
            }
            long expected = 20_000 - 20_000 / 7 + 30 - 30 / 7;
            assertThat(w.read().count(PageRequest.of("a", INTERACTIONS, 0, 10))).isEqualTo(expected);
            for (boolean asc : new boolean[] {true, false}) {
                for (long offset : new long[] {0, 1, 1023, 1024, 5_000, expected - 40, expected - 10}) {
                    PageRequest r = req("a", INTERACTIONS, "", null, asc, offset, 200);
                    TablePager.Result keyset = pager.page(r, false);
                    assertThat(keyset.strategy()).isEqualTo(TablePager.Strategy.KEYSET_SAMPLED);
                    assertThat(keyset.page()).as("%s %s", asc, offset).isEqualTo(pager.page(r, true).page());
                }
            }
            List<List<Object>> tail = w.read().page(PageRequest.of("a", INTERACTIONS, expected - 2, 200)).rows();
            assertThat(tail).extracting(r -> r.get(5) + "/" + r.get(6)).containsExactly("synthetic/pending", "synthetic/pending");
            // the users table counts observed interactions only: 200 each before, less those deleted
            List<List<Object>> users = w.read().page(PageRequest.of("a", USERS, 0, 1)).rows();
            assertThat(users.get(0)).containsExactly("a-u0", (long) (200 - countMultiplesOf7(0)), "{}");
            // b is untouched and still contiguous
            assertThat(pager.page(PageRequest.of("b", INTERACTIONS, 19_990, 200), false).strategy())
                    .isEqualTo(TablePager.Strategy.KEYSET_CONTIGUOUS);
            assertThat(w.read().page(PageRequest.of("b", INTERACTIONS, 19_990, 200)).rows()).hasSize(10)
                    .allMatch(r -> r.get(0).toString().startsWith("b-"));
        }
    }

    /** Interactions of user 0 of dataset a (ids 1, 101, 201, ...) whose id is a multiple of 7. */
    private static int countMultiplesOf7(int user) {
        int n = 0;
        for (int k = user; k < 20_000; k += 100) {
            if ((k + 1) % 7 == 0) {
                n++;
            }
        }
        return n;
    }
}
