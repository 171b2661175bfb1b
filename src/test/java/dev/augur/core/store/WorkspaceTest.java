package dev.augur.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void newWorkspaceIsMigratedToTheLatestSchemaInWalMode() throws Exception {
        Path file = dir.resolve("sub/new.augur");
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.schemaVersion()).isEqualTo(Migrations.latestVersion()).isPositive();
            assertThat(ws.name()).isEqualTo("new");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("wal");
            }
            for (String table : new String[] {"datasets", "users", "items", "interactions", "reviews", "tags"}) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='" + table + "'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as(table).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void importedInteractionsAreIndexedAndAnIndexLostToACrashIsRebuiltOnOpen() throws Exception {
        Path file = dir.resolve("crash.augur");
        try (Workspace ws = Workspace.open(file)) {
            writeOneDataset(ws, "a");
        }
        assertThat(interactionIndexes(file)).contains("interactions_by_user", "interactions_by_item");
        // what a kill between the data commit and the index build leaves behind
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("DROP INDEX interactions_by_item");
        }
        assertThat(interactionIndexes(file)).doesNotContain("interactions_by_item");
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.read().datasets()).extracting(DatasetInfo::name).containsExactly("a");
        }
        assertThat(interactionIndexes(file)).contains("interactions_by_user", "interactions_by_item");
    }

    private static java.util.List<String> interactionIndexes(Path file) throws Exception {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='interactions'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void reopeningAppliesNothingTwice() {
        Path file = dir.resolve("w.augur");
        try (Workspace ws = Workspace.open(file)) {
            writeOneDataset(ws, "a");
        }
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.read().datasets()).extracting(DatasetInfo::name).containsExactly("a");
        }
    }

    @Test
    void aWorkspaceFromANewerVersionIsRefusedWithAClearMessage() throws Exception {
        Path file = dir.resolve("future.augur");
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.schemaVersion()).isPositive();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 999");
        }
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.open(file));
        assertThat(e.getMessage()).contains("newer Augur").contains("999");
    }

    @Test
    void aFileThatIsNotSqliteIsRefused() throws Exception {
        Path file = dir.resolve("notes.augur");
        Files.writeString(file, "hello, I am a text file");
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.open(file));
        assertThat(e.getMessage()).contains("not an Augur workspace");
    }

    @Test
    void aWriterClosedWithoutCommitLeavesNothingBehind() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            try (DatasetWriter w = ws.newDataset("half", "test", null)) {
                int u = w.user("u1");
                int i = w.putItem("i1", "Title", null, "[]", "{}");
                w.interaction(u, i, 5, 100, -1);
                // no commit: as if the import failed
            }
            assertThat(ws.read().datasets()).isEmpty();
            assertThat(ws.read().stats(Optional.empty()).interactions()).isZero();
            writeOneDataset(ws, "after"); // the writer lock was released
            assertThat(ws.read().datasets()).hasSize(1);
        }
    }

    @Test
    void duplicateInteractionsAreDroppedOnlyWhenIdentical() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            long dropped;
            try (DatasetWriter w = ws.newDataset("d", "test", null)) {
                w.dropDuplicateInteractions();
                int u = w.user("u");
                int a = w.item("a");
                w.interaction(u, a, 4, 100, -1);
                w.interaction(u, a, 4, 100, -1); // identical: dropped
                w.interaction(u, a, 3, 100, -1); // other rating: kept
                w.interaction(u, a, 4, 200, -1); // other time: a repeat, kept
                dropped = w.commit(d -> "{}");
            }
            assertThat(dropped).isEqualTo(1);
            assertThat(ws.read().stats(Optional.of("d")).interactions()).isEqualTo(3);
        }
    }

    @Test
    void duplicatesAreFoundAlsoWhenAUserComesBackLaterInTheFile() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            long dropped;
            try (DatasetWriter w = ws.newDataset("d", "test", null)) {
                w.dropDuplicateInteractions();
                int u = w.user("u");
                int v = w.user("v");
                int a = w.item("a");
                w.interaction(u, a, 4, 100, -1);
                w.interaction(v, a, 4, 100, -1);
                w.interaction(u, a, 4, 100, -1); // u again, after v: found at commit, through the index
                w.interaction(u, a, 5, 100, -1);
                dropped = w.commit(d -> "{}");
                assertThat(w.interactionCount()).isEqualTo(3);
            }
            assertThat(dropped).isEqualTo(1);
            assertThat(ws.read().stats(Optional.of("d")).interactions()).isEqualTo(3);
        }
    }

    @Test
    void statsCountColdItemsAndDistributions() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            try (DatasetWriter w = ws.newDataset("d", "test", null)) {
                int u1 = w.user("u1");
                int u2 = w.user("u2");
                int a = w.putItem("a", "A", null, "[]", "{}");
                int b = w.putItem("b", "B", null, "[]", "{}");
                w.putItem("cold", "Cold", null, "[]", "{}");
                w.interaction(u1, a, 1, 1, -1);
                w.interaction(u1, b, 1, 2, -1);
                w.interaction(u2, a, 1, 3, -1);
                w.commit(d -> "{}");
            }
            WorkspaceStats s = ws.read().stats(Optional.of("d"));
            assertThat(s.users()).isEqualTo(2);
            assertThat(s.items()).isEqualTo(3);
            assertThat(s.interactions()).isEqualTo(3);
            assertThat(s.coldItems()).isEqualTo(1);
            assertThat(s.density()).isEqualTo(3.0 / 6);
            assertThat(s.perUser().max()).isEqualTo(2);
            assertThat(s.perItem().min()).isZero();
            assertThat(s.perItem().median()).isEqualTo(1);
        }
    }

    private static void writeOneDataset(Workspace ws, String name) {
        try (DatasetWriter w = ws.newDataset(name, "test", null)) {
            w.interaction(w.user("u"), w.item("i"), 1, 1, -1);
            w.commit(d -> "{}");
        }
    }
}
