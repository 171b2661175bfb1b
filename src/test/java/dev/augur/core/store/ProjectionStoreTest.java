package dev.augur.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectionStoreTest {
    private static final String FIELD = "{title}. {categories}";
    private static final String UMAP = "neighbours=15 minDist=0.1 epochs=auto seed=42 pcaDims=50";

    @TempDir
    Path dir;

    @Test
    void aProjectionRoundTripsAndIsReplacedUnderTheSameKey() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            long ds = dataset(ws, "a");
            ProjectionStore ps = ws.projections();
            assertThat(ps.find(ds, "item", FIELD, "minilm", "umap", UMAP)).isEmpty();

            float[] xy = {1.5f, -2f, Float.MIN_VALUE, -Float.MAX_VALUE, 0f, 3.25f};
            ps.put(projection(ds, "umap", UMAP, new long[] {7, 8, Long.MAX_VALUE}, xy, 3, "2026-01-01T00:00:00Z"));
            StoredProjection got = ps.find(ds, "item", FIELD, "minilm", "umap", UMAP).orElseThrow();
            assertThat(got.entityIds()).containsExactly(7, 8, Long.MAX_VALUE);
            assertThat(got.xy()).containsExactly(xy);
            assertThat(got.setCount()).isEqualTo(3);
            assertThat(got.setUpdatedAt()).isEqualTo("2026-01-01T00:00:00Z");
            assertThat(got.seconds()).isEqualTo(1.25);
            assertThat(got.size()).isEqualTo(3);

            ps.put(projection(ds, "umap", UMAP, new long[] {9}, new float[] {4f, 5f}, 1, "2026-02-01T00:00:00Z"));
            ps.put(projection(ds, "pca", "components=2", new long[] {9}, new float[] {0f, 1f}, 1, "2026-02-01T00:00:00Z"));
            got = ps.find(ds, "item", FIELD, "minilm", "umap", UMAP).orElseThrow();
            assertThat(got.entityIds()).containsExactly(9);
            assertThat(got.xy()).containsExactly(4f, 5f);
            assertThat(got.setUpdatedAt()).isEqualTo("2026-02-01T00:00:00Z");
            assertThat(ps.find(ds, "item", FIELD, "minilm", "umap", UMAP.replace("42", "43"))).isEmpty();
            assertThat(ps.find(ds, "item", FIELD, "bge-small", "umap", UMAP)).isEmpty();

            assertThat(ps.delete(ds, "item", FIELD, "minilm", "umap", UMAP)).isTrue();
            assertThat(ps.delete(ds, "item", FIELD, "minilm", "umap", UMAP)).isFalse();
            assertThat(ps.find(ds, "item", FIELD, "minilm", "pca", "components=2")).isPresent();
            assertThat(ps.deleteAll(ds, "item", FIELD, "minilm")).isEqualTo(1);
            assertThat(ps.find(ds, "item", FIELD, "minilm", "pca", "components=2")).isEmpty();
        }
    }

    @Test
    void anEmptyProjectionIsStoredToo() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            long ds = dataset(ws, "a");
            ws.projections().put(projection(ds, "pca", "components=2", new long[0], new float[0], 0, "t"));
            assertThat(ws.projections().find(ds, "item", FIELD, "minilm", "pca", "components=2"))
                    .hasValueSatisfying(p -> assertThat(p.size()).isZero());
        }
    }

    @Test
    void anUnknownDatasetIsRefusedAndMismatchedArraysNeverReachTheStore() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            assertThatThrownBy(() -> ws.projections().put(projection(99, "pca", "components=2", new long[] {1},
                    new float[] {1f, 2f}, 1, "t"))).isInstanceOf(WorkspaceException.class).hasMessageContaining("99");
            assertThatThrownBy(() -> projection(1, "pca", "components=2", new long[] {1}, new float[] {1f}, 1, "t"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void projectionsGoWithTheirDataset() throws Exception {
        Path file = dir.resolve("w.augur");
        long ds;
        try (Workspace ws = Workspace.open(file)) {
            ds = dataset(ws, "a");
            ws.projections().put(projection(ds, "pca", "components=2", new long[] {1}, new float[] {1f, 2f}, 1, "t"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = ON");
            st.execute("DELETE FROM interactions");
            st.execute("DELETE FROM reviews");
            st.execute("DELETE FROM datasets WHERE id = " + ds);
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM projections")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void aWorkspaceAtSchemaV003IsUpgradedAndKeepsItsVectors() throws Exception {
        Path file = dir.resolve("old.augur");
        List<String> scripts = Migrations.scripts();
        assertThat(scripts.subList(0, 4)).containsExactly("V001__workspace.sql", "V002__paging_indexes.sql",
                "V003__vectors.sql", "V004__projections.sql");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String script : scripts.subList(0, 3)) {
                String sql = new String(Migrations.class.getResourceAsStream("migrations/" + script).readAllBytes(),
                        StandardCharsets.UTF_8);
                for (String stmt : SqlScript.split(sql)) {
                    st.execute(stmt);
                }
            }
            st.execute("PRAGMA user_version = 3");
            st.execute("INSERT INTO datasets(id, name, format, imported_at) VALUES (1, 'old', 'test', '2024-01-01T00:00:00Z')");
            st.execute("INSERT INTO vectors(dataset_id, kind, entity_id, field, encoder, text_hash, dims, vector, created_at)"
                    + " VALUES (1, 'item', 5, 'f', 'minilm', x'00', 2, x'0000803f00000040', '2024-01-02T00:00:00Z')");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'projections'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.schemaVersion()).isEqualTo(Migrations.latestVersion()).isGreaterThanOrEqualTo(4);
            assertThat(ws.vectors().load(1, "item", "f", "minilm").data()).containsExactly(1f, 2f);
            VectorSetInfo set = ws.vectors().set(1, "item", "f", "minilm").orElseThrow();
            assertThat(set.count()).isEqualTo(1);
            assertThat(set.dims()).isEqualTo(2);
            assertThat(set.dataset()).isEqualTo("old");
            assertThat(set.updatedAt()).isEqualTo("2024-01-02T00:00:00Z");
            assertThat(ws.vectors().set(1, "item", "f", "bge-small")).isEmpty();
            ws.projections().put(new StoredProjection(1, "item", "f", "minilm", "pca", "components=2", set.count(),
                    set.updatedAt(), new long[] {5}, new float[] {0.5f, -0.5f}, 0.01, "2024-01-03T00:00:00Z"));
            assertThat(ws.projections().find(1, "item", "f", "minilm", "pca", "components=2")).isPresent();
        }
    }

    // ---- item map attributes ------------------------------------------------------------------------------

    @Test
    void itemMapAttributesAreParallelArraysInIdOrderWithCountsAndFirstCategories() throws Exception {
        Path file = dir.resolve("w.augur");
        long a;
        long b;
        try (Workspace ws = Workspace.open(file)) {
            try (DatasetWriter w = ws.newDataset("a", "test", null)) {
                int u1 = w.user("u1");
                int u2 = w.user("u2");
                int i1 = w.putItem("i1", "One", null, "[\"Drama\",\"War\"]", "{}");
                int i2 = w.putItem("i2", null, null, "[]", "{}");
                int i3 = w.putItem("i3", "Three", null, "not json", "{}");
                int i4 = w.putItem("i4", "Four", null, "[42]", "{}");
                w.interaction(u1, i1, 5, 1, -1);
                w.interaction(u2, i1, 4, 2, -1);
                w.interaction(u1, i3, 3, 3, -1);
                assertThat(i2).isLessThan(i4);
                w.commit(d -> "{}");
                a = w.datasetId();
            }
            try (DatasetWriter w = ws.newDataset("b", "test", null)) {
                int u = w.user("u");
                int i = w.putItem("x", "Other", null, "[\"Comedy\"]", "{}");
                w.interaction(u, i, 1, 1, -1);
                w.commit(d -> "{}");
                b = w.datasetId();
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            // two synthetic interactions on i2 (one pending, one rejected) and one on i1
            st.execute("INSERT INTO interactions(dataset_id, user_id, item_id, value, source, status)"
                    + " SELECT " + a + ", u.id, i.id, 1, 'synthetic', s.status FROM users u, items i,"
                    + " (SELECT 'pending' AS status UNION ALL SELECT 'rejected') s"
                    + " WHERE u.external_id = 'u1' AND i.external_id = 'i2' AND i.dataset_id = " + a);
            st.execute("INSERT INTO interactions(dataset_id, user_id, item_id, value, source, status)"
                    + " SELECT " + a + ", u.id, i.id, 1, 'synthetic', 'accepted' FROM users u, items i"
                    + " WHERE u.external_id = 'u2' AND i.external_id = 'i1' AND i.dataset_id = " + a);
        }
        try (Workspace ws = Workspace.open(file)) {
            ItemMapAttributes m = ws.read().itemMapAttributes(a);
            assertThat(m.size()).isEqualTo(4);
            assertThat(m.ids()).isSorted();
            assertThat(m.externalIds()).containsExactly("i1", "i2", "i3", "i4");
            assertThat(m.titles()).containsExactly("One", "", "Three", "Four");
            assertThat(m.firstCategory()).containsExactly("Drama", "", "", "42");
            assertThat(m.interactions()).containsExactly(2, 0, 1, 0);
            assertThat(m.synthetic()).containsExactly(1, 2, 0, 0);
            assertThat(m.indexOf(m.ids()[2])).isEqualTo(2);
            assertThat(m.indexOf(-1)).isNegative();

            ItemMapAttributes other = ws.read().itemMapAttributes(b);
            assertThat(other.externalIds()).containsExactly("x");
            assertThat(other.firstCategory()).containsExactly("Comedy");
            assertThat(other.interactions()).containsExactly(1);
            assertThat(other.synthetic()).containsExactly(0);

            assertThat(ws.read().itemMapAttributes(999).size()).isZero();
        }
    }

    private static StoredProjection projection(long ds, String method, String params, long[] ids, float[] xy,
                                               long count, String updatedAt) {
        return new StoredProjection(ds, "item", FIELD, "minilm", method, params, count, updatedAt, ids, xy, 1.25,
                "2026-03-01T00:00:00Z");
    }

    private static long dataset(Workspace ws, String name) {
        try (DatasetWriter w = ws.newDataset(name, "test", null)) {
            int u = w.user(name + "-u");
            int item = w.putItem(name + "-i", "Title", "desc", "[\"Drama\"]", "{}");
            w.interaction(u, item, 4, 100, -1);
            w.commit(d -> "{}");
            return w.datasetId();
        }
    }
}
