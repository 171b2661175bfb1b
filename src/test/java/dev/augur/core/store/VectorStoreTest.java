package dev.augur.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VectorStoreTest {
    private static final String ITEM = "item";
    private static final String FIELD = "title+categories+description";
    private static final String ENC = "minilm";

    @TempDir
    Path dir;

    @Test
    void putLoadsBackOrderedByEntityIdAndReplacesExistingRows() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            long ds = dataset(ws, "a", 3);
            VectorStore vs = ws.vectors();
            vs.put(ds, ITEM, FIELD, ENC, List.of(sv(30, "c", 3f, 0f), sv(10, "a", 1f, 0f), sv(20, "b", 2f, -0.5f)));
            VectorMatrix m = vs.load(ds, ITEM, FIELD, ENC);
            assertThat(m.entityIds()).containsExactly(10, 20, 30);
            assertThat(m.dims()).isEqualTo(2);
            assertThat(m.size()).isEqualTo(3);
            assertThat(m.data()).containsExactly(1f, 0f, 2f, -0.5f, 3f, 0f);
            assertThat(m.row(1)).containsExactly(2f, -0.5f);

            vs.put(ds, ITEM, FIELD, ENC, List.of(sv(20, "b2", 9f, 9f), sv(40, "d", 4f, 4f)));
            m = vs.load(ds, ITEM, FIELD, ENC);
            assertThat(m.entityIds()).containsExactly(10, 20, 30, 40);
            assertThat(m.row(1)).containsExactly(9f, 9f);
            assertThat(vs.vector(ds, ITEM, FIELD, ENC, 20)).hasValueSatisfying(v -> assertThat(v).containsExactly(9f, 9f));
            assertThat(vs.vector(ds, ITEM, FIELD, ENC, 99)).isEmpty();
            assertThat(vs.vector(ds, ITEM, FIELD, "bge-small", 20)).isEmpty();

            Map<Long, byte[]> hashes = vs.textHashes(ds, ITEM, FIELD, ENC);
            assertThat(hashes).containsOnlyKeys(10L, 20L, 30L, 40L);
            assertThat(hashes.get(20L)).isEqualTo(hash("b2"));
            assertThat(hashes.get(10L)).isEqualTo(hash("a")).hasSize(16);
            assertThat(vs.textHashes(ds, ITEM, "text", ENC)).isEmpty();
        }
    }

    @Test
    void aPutLargerThanOneJdbcBatchKeepsEveryRow() {
        // sqlite-jdbc clears bound parameters after executeBatch; a 2,500-row put crosses two batch boundaries
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            long ds = dataset(ws, "a", 1);
            List<StoredVector> rows = new ArrayList<>();
            for (int i = 1; i <= 2500; i++) {
                rows.add(sv(i, "t" + i, i, -i));
            }
            ws.vectors().put(ds, ITEM, FIELD, ENC, rows);
            VectorMatrix m = ws.vectors().load(ds, ITEM, FIELD, ENC);
            assertThat(m.size()).isEqualTo(2500);
            assertThat(m.row(2499)).containsExactly(2500f, -2500f);
            assertThat(ws.vectors().sets()).singleElement().satisfies(s -> assertThat(s.count()).isEqualTo(2500));
        }
    }

    @Test
    void extremeValuesSurviveTheBlobExactly() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            long ds = dataset(ws, "a", 1);
            float[] v = {Float.MIN_VALUE, -Float.MAX_VALUE, -0f, 1e-30f, 0.1f, Float.NaN};
            ws.vectors().put(ds, "review", "text", ENC, List.of(new StoredVector(5, hash("x"), v)));
            assertThat(ws.vectors().vector(ds, "review", "text", ENC, 5).orElseThrow()).containsExactly(v);
        }
    }

    @Test
    void setsAreListedWithCountsAndDimsAndDeletedOneByOne() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            long a = dataset(ws, "a", 1);
            long b = dataset(ws, "b", 1);
            VectorStore vs = ws.vectors();
            vs.put(a, ITEM, FIELD, ENC, List.of(sv(1, "x", 1f, 2f), sv(2, "y", 3f, 4f)));
            vs.put(a, ITEM, FIELD, "bge-small", List.of(new StoredVector(1, hash("x"), new float[] {1, 2, 3})));
            vs.put(b, "review", "text", ENC, List.of(sv(7, "z", 1f, 1f)));

            List<VectorSetInfo> sets = vs.sets();
            assertThat(sets).extracting(VectorSetInfo::dataset, VectorSetInfo::kind, VectorSetInfo::encoder,
                            VectorSetInfo::dims, VectorSetInfo::count)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("a", ITEM, "bge-small", 3, 1L),
                            org.assertj.core.groups.Tuple.tuple("a", ITEM, ENC, 2, 2L),
                            org.assertj.core.groups.Tuple.tuple("b", "review", ENC, 2, 1L));
            assertThat(sets.get(0).datasetId()).isEqualTo(a);
            assertThat(sets.get(0).field()).isEqualTo(FIELD);
            assertThat(sets.get(0).updatedAt()).isNotBlank();

            assertThat(vs.delete(a, ITEM, FIELD, ENC)).isEqualTo(2);
            assertThat(vs.delete(a, ITEM, FIELD, ENC)).isZero();
            assertThat(vs.sets()).extracting(VectorSetInfo::encoder).containsExactly("bge-small", ENC);
            assertThat(vs.load(a, ITEM, FIELD, ENC).size()).isZero();
            assertThat(vs.load(a, ITEM, FIELD, "bge-small").size()).isEqualTo(1);
        }
    }

    @Test
    void vectorsOfDifferentLengthsAreRefusedNamingTheEntityAndNothingIsWritten() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            long ds = dataset(ws, "a", 1);
            VectorStore vs = ws.vectors();
            assertThatThrownBy(() -> vs.put(ds, ITEM, FIELD, ENC, List.of(sv(1, "x", 1f, 2f),
                    new StoredVector(2, hash("y"), new float[] {1, 2, 3}))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entity 2");
            assertThat(vs.sets()).isEmpty();

            vs.put(ds, ITEM, FIELD, ENC, List.of(sv(1, "x", 1f, 2f)));
            assertThatThrownBy(() -> vs.put(ds, ITEM, FIELD, ENC,
                    List.of(sv(3, "z", 1f, 1f), new StoredVector(4, hash("w"), new float[] {1, 2, 3}))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entity 4");
            assertThatThrownBy(() -> vs.put(ds, ITEM, FIELD, ENC, List.of(new StoredVector(5, hash("v"), new float[] {1, 2, 3}))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entity 5").hasMessageContaining("already stored");
            assertThat(vs.load(ds, ITEM, FIELD, ENC).entityIds()).containsExactly(1);
            // the writer was released and left in autocommit: a later write and an import still work
            vs.put(ds, ITEM, FIELD, ENC, List.of(sv(2, "y", 0f, 1f)));
            dataset(ws, "b", 1);
            assertThat(vs.load(ds, ITEM, FIELD, ENC).entityIds()).containsExactly(1, 2);
        }
    }

    @Test
    void anUnknownDatasetIsRefused() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            assertThatThrownBy(() -> ws.vectors().put(42, ITEM, FIELD, ENC, List.of(sv(1, "x", 1f, 2f))))
                    .isInstanceOf(WorkspaceException.class).hasMessageContaining("no dataset with id 42");
        }
    }

    @Test
    void aWriteWhileThisThreadImportsIsRefusedInsteadOfCommittingTheImport() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            long ds = dataset(ws, "a", 1);
            try (DatasetWriter w = ws.newDataset("b", "test", null)) {
                w.item("i");
                assertThatThrownBy(() -> ws.vectors().put(ds, ITEM, FIELD, ENC, List.of(sv(1, "x", 1f, 2f))))
                        .isInstanceOf(IllegalStateException.class);
            }
            assertThat(ws.read().datasets()).extracting(DatasetInfo::name).containsExactly("a");
        }
    }

    @Test
    void vectorsSurviveReopeningAndGoWithTheirDataset() throws Exception {
        Path file = dir.resolve("w.augur");
        long a;
        long b;
        try (Workspace ws = Workspace.open(file)) {
            a = dataset(ws, "a", 2);
            b = dataset(ws, "b", 2);
            ws.vectors().put(a, ITEM, FIELD, ENC, List.of(sv(1, "x", 1f, 2f), sv(2, "y", 3f, 4f)));
            ws.vectors().put(b, ITEM, FIELD, ENC, List.of(sv(3, "z", 5f, 6f)));
        }
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.vectors().load(a, ITEM, FIELD, ENC).data()).containsExactly(1f, 2f, 3f, 4f);
        }
        // Augur has no "delete dataset" yet; the foreign key cascades for when it does
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = ON");
            st.execute("DELETE FROM interactions WHERE dataset_id = " + a);
            st.execute("DELETE FROM datasets WHERE id = " + a);
        }
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.vectors().sets()).extracting(VectorSetInfo::dataset).containsExactly("b");
            assertThat(ws.vectors().load(a, ITEM, FIELD, ENC).size()).isZero();
        }
    }

    @Test
    void aWorkspaceAtSchemaV002IsUpgradedAndKeepsItsData() throws Exception {
        Path file = dir.resolve("old.augur");
        List<String> scripts = Migrations.scripts();
        assertThat(scripts.subList(0, 3)).containsExactly("V001__workspace.sql", "V002__paging_indexes.sql", "V003__vectors.sql");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String script : scripts.subList(0, 2)) {
                String sql = new String(Migrations.class.getResourceAsStream("migrations/" + script).readAllBytes(),
                        StandardCharsets.UTF_8);
                for (String stmt : SqlScript.split(sql)) {
                    st.execute(stmt);
                }
            }
            st.execute("PRAGMA user_version = 2");
            st.execute("INSERT INTO datasets(id, name, format, imported_at) VALUES (1, 'old', 'test', '2024-01-01T00:00:00Z')");
            st.execute("INSERT INTO items(id, dataset_id, external_id, title) VALUES (1, 1, 'i1', 'One'), (2, 1, 'i2', 'Two')");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'vectors'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.schemaVersion()).isEqualTo(Migrations.latestVersion()).isGreaterThanOrEqualTo(3);
            long id = ws.read().datasetId("old").orElseThrow();
            ws.vectors().put(id, ITEM, FIELD, ENC, List.of(sv(2, "Two", 1f, 0f)));
            assertThat(ws.vectors().sets()).singleElement().satisfies(s -> assertThat(s.count()).isEqualTo(1));
            assertThat(ws.read().itemsAfter(id, 0, 10)).extracting(ItemRecord::title).containsExactly("One", "Two");
        }
    }

    // ---- WorkspaceReader additions -----------------------------------------------------------------------

    @Test
    void itemsAndReviewsArePagedByIdWithinTheirDataset() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            long a = dataset(ws, "a", 5);
            long b = dataset(ws, "b", 3);
            WorkspaceReader r = ws.read();
            assertThat(r.itemCount(a)).isEqualTo(5);
            assertThat(r.itemCount(b)).isEqualTo(3);
            assertThat(r.reviewCount(a)).isEqualTo(5);

            List<ItemRecord> all = new ArrayList<>();
            long after = 0;
            for (List<ItemRecord> page; !(page = r.itemsAfter(a, after, 2)).isEmpty(); after = page.get(page.size() - 1).id()) {
                assertThat(page.size()).isLessThanOrEqualTo(2);
                all.addAll(page);
            }
            assertThat(all).extracting(ItemRecord::externalId).containsExactly("a-i0", "a-i1", "a-i2", "a-i3", "a-i4");
            assertThat(all).extracting(ItemRecord::dataset).containsOnly("a");
            assertThat(all).extracting(ItemRecord::id).isSorted().doesNotHaveDuplicates();
            assertThat(all.get(0).title()).isEqualTo("Title a 0, \"quoted\"");
            assertThat(all.get(0).categoriesJson()).isEqualTo("[\"Drama\"]");
            assertThat(r.itemsAfter(b, 0, 100)).extracting(ItemRecord::externalId).containsExactly("b-i0", "b-i1", "b-i2");

            List<ReviewText> reviews = new ArrayList<>();
            after = 0;
            for (List<ReviewText> page; !(page = r.reviewsAfter(b, after, 2)).isEmpty(); after = page.get(page.size() - 1).id()) {
                reviews.addAll(page);
            }
            assertThat(reviews).hasSize(3).extracting(ReviewText::text).containsExactly("text 0", "text 1", "text 2");
            assertThat(reviews.get(1).summary()).isEmpty(); // NULL summary → ""
            assertThat(reviews.get(0).summary()).isEqualTo("summary 0");
            List<ItemRecord> bItems = r.itemsAfter(b, 0, 10);
            assertThat(reviews.get(2).itemId()).isEqualTo(bItems.get(2).id());
            assertThat(reviews).extracting(ReviewText::userId).doesNotContain(0L);
        }
    }

    @Test
    void itemsByIdsKeepsTheGivenOrderAndSkipsMissingIds() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            long a = dataset(ws, "a", 4);
            WorkspaceReader r = ws.read();
            List<ItemRecord> items = r.itemsAfter(a, 0, 10);
            long i0 = items.get(0).id();
            long i3 = items.get(3).id();
            List<ItemRecord> found = r.itemsByIds(List.of(i3, 999_999L, i0, i3));
            assertThat(found).extracting(ItemRecord::id).containsExactly(i3, i0, i3);
            assertThat(found.get(1).interactions()).isEqualTo(1);
            assertThat(found.get(1).reviews()).isEqualTo(1);
            assertThat(r.itemsByIds(List.of())).isEmpty();
            List<Long> many = new ArrayList<>();
            for (long id = 1; id <= 1200; id++) {
                many.add(id);
            }
            assertThat(r.itemsByIds(many)).extracting(ItemRecord::id).containsExactly(items.stream().map(ItemRecord::id).toArray(Long[]::new));
        }
    }

    @Test
    void datasetIdLooksUpByName() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            long a = dataset(ws, "a", 1);
            assertThat(ws.read().datasetId("a")).isEqualTo(Optional.of(a));
            assertThat(ws.read().datasetId("nope")).isEmpty();
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** A dataset with {@code items} items, each with one interaction and one review. */
    private static long dataset(Workspace ws, String name, int items) {
        try (DatasetWriter w = ws.newDataset(name, "test", null)) {
            int u = w.user(name + "-u");
            for (int i = 0; i < items; i++) {
                int item = w.putItem(name + "-i" + i, "Title " + name + " " + i + ", \"quoted\"", "desc " + i,
                        "[\"Drama\"]", "{}");
                w.interaction(u, item, 4, 100 + i, -1);
                w.review(u, item, 4, 100 + i, i % 2 == 0 ? "summary " + i : null, "text " + i, "{}");
            }
            w.commit(d -> "{}");
            return w.datasetId();
        }
    }

    private static StoredVector sv(long entity, String text, float... v) {
        return new StoredVector(entity, hash(text), v);
    }

    private static byte[] hash(String text) {
        try {
            byte[] full = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.Arrays.copyOf(full, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
