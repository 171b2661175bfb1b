package dev.augur.core.dataset.formats;

import dev.augur.core.dataset.ColumnMapping;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvImporterTest {
    @TempDir
    Path dir;

    private static final String RATINGS = ""
            + "user_id,item_id,rating,timestamp\n"
            + "alice,book-1,4.5,1600000000\n"
            + "bob,book-1,3,1600000001\n"
            + "alice,book-2,5,2020-01-02\n";

    private Path workspace() {
        return dir.resolve("t.augur");
    }

    private ImportReport run(Path source, ImportOptions options) {
        return Fixtures.importInto(workspace(), source, options);
    }

    private static ImportOptions mapped(String spec) {
        return ImportOptions.defaults().withMapping(ColumnMapping.parse(spec));
    }

    @Test
    void detectsAPlainFileAndGuessesColumnsFromTheHeader() {
        ImportReport r = run(Fixtures.write(dir.resolve("interactions.csv"), RATINGS), ImportOptions.defaults());
        assertThat(r.format()).isEqualTo("csv");
        assertThat(r.dataset()).isEqualTo("interactions");
        assertThat(r.users()).isEqualTo(2);
        assertThat(r.items()).isEqualTo(2);
        assertThat(r.interactions()).isEqualTo(3);
        try (Workspace ws = Workspace.open(workspace())) {
            WorkspaceStats s = ws.read().stats(Optional.empty());
            assertThat(s.interactions()).isEqualTo(3);
            assertThat(ws.read().users("alice", Optional.empty()).get(0).interactions()).isEqualTo(2);
        }
    }

    @Test
    void aFolderWithOneCsvFileIsThatFile() {
        Path d = dir.resolve("my-data");
        Fixtures.write(d.resolve("log.csv"), RATINGS);
        Fixtures.write(d.resolve("README.md"), "notes");
        ImportReport r = run(d, ImportOptions.defaults());
        assertThat(r.format()).isEqualTo("csv");
        assertThat(r.dataset()).isEqualTo("my-data");
        assertThat(r.interactions()).isEqualTo(3);
    }

    @Test
    void quotedFieldsWithCommasAndNewlinesBecomeItemText() {
        Path f = Fixtures.write(dir.resolve("books.csv"), ""
                + "user,item,title,notes,rating\n"
                + "u1,i1,\"Hello, World\",\"line one\nline two\",4\n"
                + "u2,i1,\"Another title\",x,5\n"
                + "u2,i2,\"He said \"\"hi\"\"\",,3\n");
        ImportReport r = run(f, mapped("user=user,item=item,value=rating,title=title,text=notes"));
        assertThat(r.interactions()).isEqualTo(3);
        assertThat(r.bareItems()).isZero();
        try (Workspace ws = Workspace.open(workspace())) {
            ItemRecord i1 = ws.read().items("i1", Optional.empty()).get(0);
            assertThat(i1.title()).isEqualTo("Hello, World"); // the first row wins
            assertThat(i1.description()).isEqualTo("line one\nline two");
            assertThat(i1.attributesJson()).contains("\"notes\":\"line one\\nline two\"").contains("\"title\":\"Hello, World\"");
            ItemRecord i2 = ws.read().items("i2", Optional.empty()).get(0);
            assertThat(i2.title()).isEqualTo("He said \"hi\"");
            assertThat(i2.description()).isNull();
        }
    }

    @Test
    void lineNumbersCountTheLinesInsideQuotedFields() {
        Path f = Fixtures.write(dir.resolve("books.csv"), ""
                + "user,item,notes,rating\n"
                + "u1,i1,\"two\nlines\",4\n"
                + "u2,i1,x,great\n");
        ImportException e = assertThrows(ImportException.class,
                () -> run(f, mapped("user=user,item=item,value=rating,text=notes")));
        assertThat(e.getMessage()).contains("books.csv, line 4, field 'rating'").contains("great");
    }

    @Test
    void aHeaderlessFileIsAddressedByIndex() throws SQLException {
        Path f = Fixtures.write(dir.resolve("u.data.txt"), "1\t10\t5\t881250949\n1\t20\t3\t881250950\n2\t10\t4\t881250951\n");
        ImportReport r = run(f, mapped("user=0,item=1,value=2,timestamp=3"));
        assertThat(r.users()).isEqualTo(2);
        assertThat(r.interactions()).isEqualTo(3);
        assertThat(query("SELECT sum(value) || ',' || min(ts) FROM interactions")).isEqualTo("12.0,881250949");
    }

    @Test
    void indexesStillSkipAHeaderRow() {
        Path f = Fixtures.write(dir.resolve("r.csv"), "userId,movieId,rating\n1,10,5\n2,10,4\n");
        ImportReport r = run(f, mapped("user=0,item=1,value=2"));
        assertThat(r.users()).isEqualTo(2);
        assertThat(r.interactions()).isEqualTo(2);
    }

    @Test
    void detectsTabs() {
        Path f = Fixtures.write(dir.resolve("ratings.tsv"), "userId\tmovieId\trating\ttimestamp\n1\t10\t5\t881250949\n2\t10\t4\t881250951\n");
        ImportReport r = run(f, ImportOptions.defaults());
        assertThat(r.format()).isEqualTo("csv");
        assertThat(r.interactions()).isEqualTo(2);
    }

    @Test
    void readsSemicolonsWithDecimalCommas() throws SQLException {
        Path f = Fixtures.write(dir.resolve("export.csv"), "user;item;score\nu1;i1;4,5\nu2;i1;3\n");
        ImportReport r = run(f, ImportOptions.defaults());
        assertThat(r.interactions()).isEqualTo(2);
        assertThat(query("SELECT sum(value) FROM interactions")).isEqualTo("7.5");
    }

    @Test
    void handlesAByteOrderMarkAndCrlf() {
        Path f = Fixtures.bytes(dir.resolve("win.csv"),
                "\uFEFFuser,item\r\nu1,i1\r\nu2,i2\r\n".getBytes(StandardCharsets.UTF_8));
        ImportReport r = run(f, ImportOptions.defaults());
        assertThat(r.users()).isEqualTo(2);
        try (Workspace ws = Workspace.open(workspace())) {
            assertThat(ws.read().items("i1", Optional.empty())).hasSize(1);
            assertThat(ws.read().users("u1", Optional.empty())).hasSize(1);
        }
    }

    @Test
    void repeatedRowsAreDroppedAndAMissingValueIsImplicit() throws SQLException {
        Path f = Fixtures.write(dir.resolve("clicks.csv"), "user,item\nu1,i1\nu1,i1\nu1,i2\n");
        ImportReport r = run(f, ImportOptions.defaults());
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(r.interactions()).isEqualTo(2);
        assertThat(query("SELECT min(value) || ',' || count(ts) FROM interactions")).isEqualTo("1.0,0");
    }

    @Test
    void aBadRowNamesFileLineAndFieldAndLeavesNothing() {
        Path f = Fixtures.write(dir.resolve("interactions.csv"), RATINGS.replace("bob,book-1,3,", "bob,book-1,three,"));
        ImportException e = assertThrows(ImportException.class, () -> run(f, ImportOptions.defaults()));
        assertThat(e.getMessage()).contains("interactions.csv, line 3, field 'rating'").contains("three");
        try (Workspace ws = Workspace.open(workspace())) {
            assertThat(ws.read().datasets()).isEmpty();
        }
    }

    @Test
    void skippingABadRowKeepsTheRest() {
        Path f = Fixtures.write(dir.resolve("interactions.csv"), RATINGS.replace("bob,book-1,3,1600000001", "bob,book-1,3,soon"));
        ImportReport r = run(f, ImportOptions.defaults().withOnError(OnError.SKIP));
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.field()).isEqualTo("timestamp");
        });
        assertThat(r.interactions()).isEqualTo(2);
        assertThat(r.users()).isEqualTo(1);
    }

    @Test
    void unknownColumnsAreFatalShowingTheHeaderAndTheSyntax() {
        Path f = Fixtures.write(dir.resolve("odd.csv"), "who,what\na,b\n");
        ImportException e = assertThrows(ImportException.class, () -> run(f, ImportOptions.defaults()));
        assertThat(e.getMessage()).contains("odd.csv").contains("who, what").contains("--columns user=");
        ImportException named = assertThrows(ImportException.class, () -> run(f, mapped("user=who,item=thing")));
        assertThat(named.getMessage()).contains("field 'thing'").contains("who, what");
        assertThat(run(f, mapped("user=who,item=what")).interactions()).isEqualTo(1);
    }

    @Test
    void anEmptyFileSaysSo() {
        Path f = Fixtures.write(dir.resolve("empty.csv"), "");
        ImportException e = assertThrows(ImportException.class, () -> run(f, ImportOptions.defaults()));
        assertThat(e.getMessage()).startsWith("empty.csv").contains("empty");
    }

    @Test
    void delimiterDetectionPrefersConsistentSplits() {
        assertThat(Delimiters.detect(List.of("a;b;c", "1;2,5;3"))).isEqualTo(';');
        assertThat(Delimiters.detect(List.of("a|b", "x|y"))).isEqualTo('|');
        assertThat(Delimiters.detect(List.of("\"x,y\"\tb", "1\t2"))).isEqualTo('\t');
        assertThat(Delimiters.detect(List.of("single"))).isEqualTo(',');
    }

    private String query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + workspace().toAbsolutePath());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
