package dev.augur.core.dataset.formats;

import dev.augur.core.dataset.Fixtures;
import dev.augur.core.dataset.ImportException;
import dev.augur.core.dataset.ImportOptions;
import dev.augur.core.dataset.ImportReport;
import dev.augur.core.dataset.OnError;
import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.Workspace;
import dev.augur.core.store.WorkspaceStats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MindImporterTest {
    @TempDir
    Path dir;

    private static final String NEWS = ""
            + "N1\tnews\tnewsworld\tTitle one\tAbstract one\thttps://a/1\t[{\"Label\": \"Paris\", \"Type\": \"G\"}]\t[]\n"
            + "N2\tsports\tfootball\tTitle \"two\"\t\thttps://a/2\t[]\t[]\n"
            + "N3\tfinance\tmarkets\tTitle three\tAbs three\thttps://a/3\tnot json\t\n"
            + "N4\tlifestyle\tfood\tNobody saw me\t\t\t[]\t[]\n";
    private static final String BEHAVIORS = ""
            + "1\tU1\t11/15/2019 8:55:22 AM\tN1 N2\tN3-1 N2-0\n"
            + "2\tU2\t11/15/2019 1:05:00 PM\t\tN1-0 N3-1\n"
            + "3\tU1\t11/16/2019 9:00:00 AM\tN1 N2\tN1-1\n";

    private Path mind(String behaviors) {
        Path d = dir.resolve("MINDsmall_train");
        Fixtures.write(d.resolve("news.tsv"), NEWS);
        Fixtures.write(d.resolve("behaviors.tsv"), behaviors);
        return d;
    }

    private Path workspace() {
        return dir.resolve("t.augur");
    }

    @Test
    void importsNewsAndImpressionsWithTheHistoryWrittenOncePerUser() throws SQLException {
        ImportReport r = Fixtures.importInto(workspace(), mind(BEHAVIORS), ImportOptions.defaults());
        assertThat(r.format()).isEqualTo("mind");
        assertThat(r.dataset()).isEqualTo("MINDsmall_train");
        // U1: history N1 N2 once + 2 + 1 candidates; U2: no history + 2 candidates.
        assertThat(r.interactions()).isEqualTo(7);
        assertThat(r.duplicates()).isZero();
        try (Workspace ws = Workspace.open(workspace())) {
            WorkspaceStats s = ws.read().stats(Optional.empty());
            assertThat(s.users()).isEqualTo(2);
            assertThat(s.items()).isEqualTo(4);
            assertThat(s.interactions()).isEqualTo(7);
            assertThat(s.coldItems()).isEqualTo(1);
            ItemRecord n1 = ws.read().items("N1", Optional.empty()).get(0);
            assertThat(n1.title()).isEqualTo("Title one");
            assertThat(n1.description()).isEqualTo("Abstract one");
            assertThat(n1.categoriesJson()).isEqualTo("[\"news\",\"newsworld\"]");
            assertThat(n1.attributesJson()).contains("\"url\":\"https://a/1\"")
                    .contains("\"title_entities\":[{\"Label\":\"Paris\",\"Type\":\"G\"}]")
                    .doesNotContain("abstract_entities");
            ItemRecord n2 = ws.read().items("N2", Optional.empty()).get(0);
            assertThat(n2.title()).isEqualTo("Title \"two\"");
            assertThat(n2.description()).isNull();
            assertThat(ws.read().items("N3", Optional.empty()).get(0).attributesJson())
                    .contains("\"title_entities\":\"not json\"");
            assertThat(ws.read().users("U1", Optional.empty()).get(0).interactions()).isEqualTo(5);
        }
        try (Connection c = sql(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(DISTINCT impression), sum(impression IS NULL),"
                     + " sum(ts IS NULL), sum(value = 1), sum(value = 0), min(ts), max(ts) FROM interactions")) {
            rs.next();
            assertThat(rs.getLong(1)).as("impressions").isEqualTo(3);
            assertThat(rs.getLong(2)).as("history rows without impression").isEqualTo(2);
            assertThat(rs.getLong(3)).as("history rows without time").isEqualTo(2);
            assertThat(rs.getLong(4)).as("clicks incl. history").isEqualTo(5);
            assertThat(rs.getLong(5)).as("non-clicks").isEqualTo(2);
            assertThat(rs.getLong(6)).isEqualTo(Instant.parse("2019-11-15T08:55:22Z").getEpochSecond());
            assertThat(rs.getLong(7)).isEqualTo(Instant.parse("2019-11-16T09:00:00Z").getEpochSecond());
        }
        try (Connection c = sql(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ts FROM interactions WHERE impression = 2 LIMIT 1")) {
            rs.next();
            assertThat(rs.getLong(1)).as("1:05 PM").isEqualTo(Instant.parse("2019-11-15T13:05:00Z").getEpochSecond());
        }
    }

    @Test
    void unlabelledTestImpressionsHaveNoValue() throws SQLException {
        ImportReport r = Fixtures.importInto(workspace(), mind("7\tU9\t11/20/2019 10:00:00 AM\tN4\tN1 N2 N3\n"),
                ImportOptions.defaults());
        assertThat(r.interactions()).isEqualTo(4);
        try (Connection c = sql(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sum(value IS NULL), sum(impression = 7) FROM interactions")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(3);
            assertThat(rs.getLong(2)).isEqualTo(3);
        }
    }

    @Test
    void oneOfTheFilesStandsForItsFolder() {
        Path d = mind(BEHAVIORS);
        ImportReport r = Fixtures.importInto(workspace(), d.resolve("behaviors.tsv"), ImportOptions.defaults());
        assertThat(r.format()).isEqualTo("mind");
        assertThat(r.dataset()).isEqualTo("MINDsmall_train");
        assertThat(r.interactions()).isEqualTo(7);
    }

    @Test
    void anUnknownNewsIdStopsTheImportNamingFileLineFieldAndId() {
        Path d = mind(BEHAVIORS.replace("N1-0 N3-1", "N1-0 N99-1"));
        ImportException e = assertThrows(ImportException.class,
                () -> Fixtures.importInto(workspace(), d, ImportOptions.defaults()));
        assertThat(e.getMessage()).contains("behaviors.tsv, line 2, field 'Impressions'").contains("N99");
        try (Workspace ws = Workspace.open(workspace())) {
            assertThat(ws.read().datasets()).isEmpty();
        }
    }

    @Test
    void anUnknownHistoryIdIsReportedInTheHistoryField() {
        Path d = mind(BEHAVIORS.replace("\t\tN1-0", "\tN77\tN1-0"));
        ImportException e = assertThrows(ImportException.class,
                () -> Fixtures.importInto(workspace(), d, ImportOptions.defaults()));
        assertThat(e.getMessage()).contains("behaviors.tsv, line 2, field 'History'").contains("N77");
    }

    @Test
    void skippingABadLabelKeepsTheRest() {
        Path d = mind(BEHAVIORS.replace("N1-0 N3-1", "N1-0 N3-2"));
        ImportReport r = Fixtures.importInto(workspace(), d, ImportOptions.defaults().withOnError(OnError.SKIP));
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.problems()).hasSize(1);
        assertThat(r.problems().get(0).line()).isEqualTo(2);
        assertThat(r.problems().get(0).field()).isEqualTo("Impressions");
        assertThat(r.problems().get(0).reason()).contains("N3-2");
        assertThat(r.users()).isEqualTo(1); // U2's only line was left out, with no trace
        assertThat(r.interactions()).isEqualTo(5);
    }

    @Test
    void aBadTimeNamesTheField() {
        Path d = mind(BEHAVIORS.replace("11/16/2019 9:00:00 AM", "2019-11-16 09:00"));
        ImportException e = assertThrows(ImportException.class,
                () -> Fixtures.importInto(workspace(), d, ImportOptions.defaults()));
        assertThat(e.getMessage()).contains("behaviors.tsv, line 3, field 'Time'");
    }

    @Test
    void aMissingNewsFileIsFatal() {
        Path d = dir.resolve("MINDsmall_dev");
        Fixtures.write(d.resolve("behaviors.tsv"), BEHAVIORS);
        ImportException e = assertThrows(ImportException.class,
                () -> Fixtures.importInto(workspace(), d, ImportOptions.defaults().withOnError(OnError.SKIP)));
        assertThat(e.getMessage()).startsWith("news.tsv").contains("missing");
        try (Workspace ws = Workspace.open(workspace())) {
            assertThat(ws.read().datasets()).isEmpty();
        }
    }

    private Connection sql() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + workspace().toAbsolutePath());
    }
}
