package dev.augur.core.dataset.formats;

import dev.augur.SharedDatasets;
import dev.augur.core.dataset.Fixtures;
import dev.augur.core.dataset.ImportException;
import dev.augur.core.dataset.ImportOptions;
import dev.augur.core.dataset.ImportService;
import dev.augur.core.dataset.Importers;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskMonitor;
import dev.augur.core.dataset.ImportReport;
import dev.augur.core.dataset.OnError;
import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.Workspace;
import dev.augur.core.store.WorkspaceStats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MovieLensImportersTest {
    @TempDir
    Path dir;

    private static final String U_ITEM = ""
            + "1|Toy Story (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Toy%20Story%20(1995)|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n"
            + "2|GoldenEye (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?GoldenEye%20(1995)|0|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0|1|0|0\n"
            + "3|Café au lait (1993)|01-Jan-1993|||0|0|0|0|0|1|0|0|0|0|0|0|0|0|1|0|0|0|0\n"
            + "4|Nobody Rated Me (1990)|01-Jan-1990|||0|0|0|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0\n";
    private static final String U_USER = "1|24|M|technician|85711\n2|53|F|other|94043\n";
    private static final String U_DATA = "1\t1\t5\t874965758\n1\t2\t3\t876893171\n2\t1\t4\t878542960\n2\t3\t2\t888550871\n";

    private Path ml100k(String data) {
        Path d = dir.resolve("ml-100k");
        Fixtures.write(d.resolve("u.item"), U_ITEM, StandardCharsets.ISO_8859_1);
        Fixtures.write(d.resolve("u.user"), U_USER);
        Fixtures.write(d.resolve("u.data"), data);
        return d;
    }

    @Test
    void movieLens100kWithLatin1TitlesGenresAndUsers() {
        ImportReport r = Fixtures.importInto(dir.resolve("w.augur"), ml100k(U_DATA), ImportOptions.defaults());
        assertThat(r.format()).isEqualTo("movielens-100k");
        assertThat(r.dataset()).isEqualTo("ml-100k");
        assertThat(r.users()).isEqualTo(2);
        assertThat(r.items()).isEqualTo(4);
        assertThat(r.interactions()).isEqualTo(4);
        assertThat(r.coldItems()).isEqualTo(1);
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            ItemRecord cafe = ws.read().items("3", Optional.empty()).get(0);
            assertThat(cafe.title()).isEqualTo("Café au lait (1993)");
            assertThat(cafe.categoriesJson()).isEqualTo("[\"Comedy\",\"Romance\"]");
            assertThat(cafe.attributesJson()).contains("\"year\":1993").contains("\"release_date\":\"1993-01-01\"");
            ItemRecord toy = ws.read().items("1", Optional.empty()).get(0);
            assertThat(toy.categoriesJson()).isEqualTo("[\"Animation\",\"Children's\",\"Comedy\"]");
            assertThat(toy.attributesJson()).contains("imdb_url");
            assertThat(ws.read().users("2", Optional.empty()).get(0).attributesJson())
                    .contains("\"age\":53").contains("\"occupation\":\"other\"");
        }
    }

    @Test
    void aUtf8CopyOfALatin1FileIsReadAsUtf8() {
        Path d = ml100k(U_DATA);
        Fixtures.write(d.resolve("u.item"), U_ITEM, StandardCharsets.UTF_8); // someone re-encoded it
        Fixtures.importInto(dir.resolve("w.augur"), d, ImportOptions.defaults());
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            assertThat(ws.read().items("3", Optional.empty()).get(0).title()).isEqualTo("Café au lait (1993)");
        }
    }

    @Test
    void aMissingUItemStopsWithAMessageSayingWhatToDo() {
        Path d = dir.resolve("only-data");
        Fixtures.write(d.resolve("u.data"), U_DATA);
        ImportException e = assertThrows(ImportException.class,
                () -> Fixtures.importInto(dir.resolve("w.augur"), d, ImportOptions.defaults()));
        assertThat(e.getMessage()).startsWith("u.item").contains("missing").contains("--format csv");
        assertWorkspaceEmpty();
    }

    @Test
    void anIdThatIsNotANumberNamesFileLineAndFieldAndWritesNothing() {
        Path d = ml100k("1\t1\t5\t874965758\n1\tabc\t3\t876893171\n");
        ImportException e = assertThrows(ImportException.class,
                () -> Fixtures.importInto(dir.resolve("w.augur"), d, ImportOptions.defaults()));
        assertThat(e.problem().file()).isEqualTo("u.data");
        assertThat(e.problem().line()).isEqualTo(2);
        assertThat(e.problem().field()).isEqualTo("item id");
        assertThat(e.getMessage()).isEqualTo("u.data, line 2, field 'item id': 'abc' is not a whole number");
        assertWorkspaceEmpty();
    }

    @Test
    void skipPolicyImportsTheRestAndReportsTheProblems() {
        Path d = ml100k("1\t1\t5\t874965758\n1\tabc\t3\t876893171\n2\t99\t4\t878542960\n2\t3\t2\n2\t3\t2\t888550871\n");
        ImportReport r = Fixtures.importInto(dir.resolve("w.augur"), d, ImportOptions.defaults().withOnError(OnError.SKIP));
        assertThat(r.interactions()).isEqualTo(2);
        assertThat(r.skipped()).isEqualTo(3);
        assertThat(r.problems()).extracting(p -> p.line()).containsExactly(2L, 3L, 4L);
        assertThat(r.problems().get(1).reason()).contains("item 99 is not in u.item");
        assertThat(r.problems().get(2).reason()).contains("expected 4 fields");
    }

    @Test
    void crlfLineEndingsAndAByteOrderMarkAreHandled() {
        Path d = ml100k("\uFEFF1\t1\t5\t874965758\r\n1\t2\t3\t876893171\r\n");
        ImportReport r = Fixtures.importInto(dir.resolve("w.augur"), d, ImportOptions.defaults());
        assertThat(r.interactions()).isEqualTo(2);
    }

    @Test
    void anEmptyRatingsFileIsAnError() {
        Path d = ml100k("");
        ImportException e = assertThrows(ImportException.class,
                () -> Fixtures.importInto(dir.resolve("w.augur"), d, ImportOptions.defaults()));
        assertThat(e.getMessage()).contains("u.data").contains("no ratings");
    }

    @Test
    void identicalRepeatedRatingsAreDroppedAndCounted() {
        Path d = ml100k(U_DATA + "1\t1\t5\t874965758\n");
        ImportReport r = Fixtures.importInto(dir.resolve("w.augur"), d, ImportOptions.defaults());
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(r.interactions()).isEqualTo(4);
    }

    @Test
    void movieLens1mDoubleColonFiles() {
        Path d = dir.resolve("ml-1m");
        Fixtures.write(d.resolve("movies.dat"), "1::Toy Story (1995)::Animation|Children's|Comedy\n"
                + "2::Jumanji (1995)::Adventure|Children's|Fantasy\n3::Señorita (1999)::Drama\n", StandardCharsets.ISO_8859_1);
        Fixtures.write(d.resolve("users.dat"), "1::F::1::10::48067\n2::M::56::16::70072\n");
        Fixtures.write(d.resolve("ratings.dat"), "1::1::5::978300760\n1::2::3::978302109\n2::1::4::978301968\n");
        ImportReport r = Fixtures.importInto(dir.resolve("w.augur"), d, ImportOptions.defaults());
        assertThat(r.format()).isEqualTo("movielens-1m");
        assertThat(r.users()).isEqualTo(2);
        assertThat(r.items()).isEqualTo(3);
        assertThat(r.interactions()).isEqualTo(3);
        assertThat(r.coldItems()).isEqualTo(1);
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            assertThat(ws.read().items("3", Optional.empty()).get(0).title()).isEqualTo("Señorita (1999)");
            assertThat(ws.read().users("1", Optional.empty()).get(0).attributesJson())
                    .contains("Under 18").contains("K-12 student");
        }
    }

    @Test
    void movieLensCsvWithQuotedTitlesTagsAndLinks() {
        Path d = dir.resolve("ml-latest");
        Fixtures.write(d.resolve("movies.csv"), "movieId,title,genres\n1,Toy Story (1995),Adventure|Animation\n"
                + "11,\"American President, The (1995)\",Comedy|Drama|Romance\n"
                + "12,\"Dracula: Dead and Loving It (1995)\",Comedy|Horror\n99,Nothing (2001),(no genres listed)\n");
        Fixtures.write(d.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n"
                + "1,11,4.5,964981247\n2,12,3.0,964982224\n");
        Fixtures.write(d.resolve("tags.csv"), "userId,movieId,tag,timestamp\n2,11,\"politics, romance\",1445714994\n");
        Fixtures.write(d.resolve("links.csv"), "movieId,imdbId,tmdbId\n1,0114709,862\n11,0112346,9087\n");
        ImportReport r = Fixtures.importInto(dir.resolve("w.augur"), d, ImportOptions.defaults());
        assertThat(r.format()).isEqualTo("movielens-csv");
        assertThat(r.items()).isEqualTo(4);
        assertThat(r.interactions()).isEqualTo(3);
        assertThat(r.tags()).isEqualTo(1);
        assertThat(r.coldItems()).isEqualTo(1);
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            ItemRecord p = ws.read().items("11", Optional.empty()).get(0);
            assertThat(p.title()).isEqualTo("American President, The (1995)");
            assertThat(p.attributesJson()).contains("\"imdb_id\":\"0112346\"").contains("\"tmdb_id\":\"9087\"");
            assertThat(ws.read().items("99", Optional.empty()).get(0).categoriesJson()).isEqualTo("[]");
        }
    }

    @Test
    void aWrongHeaderIsReportedWithWhatWasExpected() {
        Path d = dir.resolve("ml-bad");
        Fixtures.write(d.resolve("movies.csv"), "movieId,title,genres\n1,A (1995),Comedy\n");
        Fixtures.write(d.resolve("ratings.csv"), "user,item,rating,timestamp\n1,1,4.0,964982703\n");
        ImportException e = assertThrows(ImportException.class,
                () -> Fixtures.importInto(dir.resolve("w.augur"), d, ImportOptions.defaults().withFormat("movielens")));
        assertThat(e.getMessage()).contains("ratings.csv").contains("expected 'userId,movieId,rating,timestamp'");
    }

    @Test
    void invalidUtf8IsReportedAtItsLineWithAHint() {
        Path d = dir.resolve("ml-enc");
        Fixtures.write(d.resolve("movies.csv"), "movieId,title,genres\n1,Caf\u00e9 (1995),Comedy\n2,Na\u00efve (1996),Drama\n",
                StandardCharsets.ISO_8859_1);
        Fixtures.write(d.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n");
        ImportException e = assertThrows(ImportException.class,
                () -> Fixtures.importInto(dir.resolve("w.augur"), d, ImportOptions.defaults()));
        assertThat(e.problem().file()).isEqualTo("movies.csv");
        assertThat(e.problem().line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("not valid UTF-8").contains("--encoding ISO-8859-1");
        ImportReport r = Fixtures.importInto(dir.resolve("w.augur"), d,
                ImportOptions.defaults().withEncoding(StandardCharsets.ISO_8859_1));
        assertThat(r.items()).isEqualTo(2);
    }

    @Test
    void aTruncatedGzipIsReportedAndNothingIsWritten() {
        Path d = dir.resolve("ml-gz");
        Fixtures.write(d.resolve("movies.csv"), "movieId,title,genres\n1,A (1995),Comedy\n");
        StringBuilder sb = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append(i % 50).append(",1,4.0,").append(964982703 + i).append('\n');
        }
        Fixtures.bytes(d.resolve("ratings.csv"), Fixtures.cut(Fixtures.gzip(sb.toString()), 40));
        ImportException e = assertThrows(ImportException.class,
                () -> Fixtures.importInto(dir.resolve("w.augur"), d, ImportOptions.defaults().withOnError(OnError.SKIP)));
        assertThat(e.getMessage()).contains("ratings.csv").contains("truncated");
        assertWorkspaceEmpty();
    }

    @Test
    void aCancelledImportStopsAndWritesNothing() {
        Path d = dir.resolve("ml-big");
        Fixtures.write(d.resolve("movies.csv"), "movieId,title,genres\n1,A (1995),Comedy\n");
        StringBuilder sb = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (int i = 0; i < 200_000; i++) {
            sb.append(i).append(",1,4.0,").append(964982703 + i).append('\n');
        }
        Fixtures.write(d.resolve("ratings.csv"), sb.toString());
        long[] progressCalls = {0};
        TaskMonitor cancelAfterFirstProgress = new TaskMonitor() {
            @Override public void progress(long done, long total) { progressCalls[0]++; }
            @Override public void message(String message) { }
            @Override public boolean isCancelled() { return progressCalls[0] > 0; }
        };
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            assertThrows(TaskCancelledException.class, () -> new ImportService(Importers.standard())
                    .run(ws, d, ImportOptions.defaults(), cancelAfterFirstProgress));
        }
        assertThat(progressCalls[0]).isPositive();
        assertWorkspaceEmpty();
    }

    @Test
    void mlLatestSmallFromTheReferenceDatasets() {
        Path d = SharedDatasets.require("ml-latest-small");
        ImportReport r = Fixtures.importInto(dir.resolve("w.augur"), d, ImportOptions.defaults());
        assertThat(r.format()).isEqualTo("movielens-csv");
        assertThat(r.users()).isEqualTo(610);
        assertThat(r.items()).isEqualTo(9742);
        assertThat(r.interactions()).isEqualTo(100_836);
        assertThat(r.tags()).isEqualTo(3683);
        assertThat(r.duplicates()).isZero();
        assertThat(r.coldItems()).isEqualTo(9742 - 9724);
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            WorkspaceStats s = ws.read().stats(Optional.empty());
            assertThat(s.perUser().min()).isEqualTo(20);
            ItemRecord toy = ws.read().items("1", Optional.empty()).get(0);
            assertThat(toy.title()).isEqualTo("Toy Story (1995)");
            assertThat(toy.interactions()).isEqualTo(215);
        }
    }

    private void assertWorkspaceEmpty() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            assertThat(ws.read().datasets()).isEmpty();
            assertThat(ws.read().stats(Optional.empty()).users()).isZero();
            assertThat(ws.read().stats(Optional.empty()).items()).isZero();
        }
    }
}
