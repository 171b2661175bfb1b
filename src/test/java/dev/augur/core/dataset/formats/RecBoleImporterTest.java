package dev.augur.core.dataset.formats;

import dev.augur.core.dataset.Fixtures;
import dev.augur.core.dataset.ImportException;
import dev.augur.core.dataset.ImportOptions;
import dev.augur.core.dataset.ImportReport;
import dev.augur.core.dataset.OnError;
import dev.augur.core.dataset.formats.RecBoleHeader.Type;
import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.Workspace;
import dev.augur.core.store.WorkspaceStats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecBoleImporterTest {
    @TempDir
    Path dir;

    private static final String INTER = ""
            + "user_id:token\titem_id:token\trating:float\ttimestamp:float\n"
            + "1\t10\t5\t881250949\n"
            + "1\t20\t3\t881250950\n"
            + "2\t10\t4\t881250951\n"
            + "2\t99\t2\t881250952\n"   // item 99 has no row in .item: a bare item
            + "3\t20\t1\t881250953\n"   // user 3 has no row in .user
            + "1\t10\t5\t881250949\n";  // a repeat: dropped
    private static final String ITEM = ""
            + "item_id:token\tmovie_title:token_seq\trelease_year:token\tclass:token_seq\tscore:float\temb:float_seq\n"
            + "10\tToy Story (1995)\t1995\tAnimation Children's Comedy\t4.5\t0.1 0.2\n"
            + "20\tGoldenEye\t1995\tAction Adventure\t\t\n"
            + "30\tCold Movie\t1990\tDrama\t1\t\n";
    private static final String USER = ""
            + "user_id:token\tage:token\tgender:token\toccupation:token\tzip_code:token\n"
            + "1\t24\tM\ttechnician\t85711\n"
            + "2\t53\tF\tother\t94043\n";

    private Path recbole(String name, String inter) {
        Path d = dir.resolve(name);
        Fixtures.write(d.resolve(name + ".inter"), inter);
        Fixtures.write(d.resolve(name + ".item"), ITEM);
        Fixtures.write(d.resolve(name + ".user"), USER);
        return d;
    }

    private Path workspace() {
        return dir.resolve("t.augur");
    }

    @Test
    void importsItemsUsersAndInteractionsOfAnAtomicFolder() {
        ImportReport r = Fixtures.importInto(workspace(), recbole("ml-100k", INTER), ImportOptions.defaults());
        assertThat(r.format()).isEqualTo("recbole");
        assertThat(r.dataset()).isEqualTo("ml-100k");
        assertThat(r.users()).isEqualTo(3);
        assertThat(r.items()).isEqualTo(4);
        assertThat(r.interactions()).isEqualTo(5);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(r.bareItems()).isEqualTo(1);
        assertThat(r.coldItems()).isEqualTo(1);
        try (Workspace ws = Workspace.open(workspace())) {
            WorkspaceStats s = ws.read().stats(Optional.empty());
            assertThat(s.interactions()).isEqualTo(5);
            ItemRecord toy = ws.read().items("10", Optional.empty()).get(0);
            assertThat(toy.title()).isEqualTo("Toy Story (1995)");
            assertThat(toy.categoriesJson()).isEqualTo("[\"Animation\",\"Children's\",\"Comedy\"]");
            assertThat(toy.attributesJson()).contains("\"release_year\":\"1995\"").contains("\"score\":4.5")
                    .contains("\"emb\":[0.1,0.2]").doesNotContain("movie_title").doesNotContain("class");
            assertThat(ws.read().items("20", Optional.empty()).get(0).attributesJson()).doesNotContain("score");
            ItemRecord bare = ws.read().items("99", Optional.empty()).get(0);
            assertThat(bare.title()).isNull();
            assertThat(ws.read().users("1", Optional.empty()).get(0).attributesJson())
                    .contains("\"age\":\"24\"").contains("\"occupation\":\"technician\"");
            assertThat(ws.read().users("3", Optional.empty()).get(0).attributesJson()).isEqualTo("{}");
        }
    }

    @Test
    void theInterFileStandsForItsSiblings() {
        Path d = recbole("ml-100k", INTER);
        ImportReport r = Fixtures.importInto(workspace(), d.resolve("ml-100k.inter"), ImportOptions.defaults());
        assertThat(r.format()).isEqualTo("recbole");
        assertThat(r.dataset()).isEqualTo("ml-100k");
        assertThat(r.items()).isEqualTo(4);
    }

    @Test
    void idColumnsAreFoundByNameWithoutValueOrTime() {
        Path d = dir.resolve("clicks");
        Fixtures.write(d.resolve("clicks.inter"), "the_user:token\tthe_item:token\tsession:float\nu1\ti1\t3\nu2\ti1\t4\n");
        ImportReport r = Fixtures.importInto(workspace(), d, ImportOptions.defaults());
        assertThat(r.users()).isEqualTo(2);
        assertThat(r.items()).isEqualTo(1);
        assertThat(r.interactions()).isEqualTo(2);
    }

    @Test
    void aHeaderWithoutTypesIsFatalOnLineOne() {
        Path d = recbole("ml-100k", "user_id\titem_id\n1\t10\n");
        ImportException e = assertThrows(ImportException.class,
                () -> Fixtures.importInto(workspace(), d, ImportOptions.defaults().withOnError(OnError.SKIP)));
        assertThat(e.getMessage()).contains("ml-100k.inter, line 1, field 'user_id'").contains("name:type");
        try (Workspace ws = Workspace.open(workspace())) {
            assertThat(ws.read().datasets()).isEmpty();
        }
    }

    @Test
    void aNonNumericFloatStopsTheImportNamingTheField() {
        Path d = recbole("ml-100k", INTER.replace("1\t20\t3\t", "1\t20\tthree\t"));
        ImportException e = assertThrows(ImportException.class,
                () -> Fixtures.importInto(workspace(), d, ImportOptions.defaults()));
        assertThat(e.getMessage()).contains("ml-100k.inter, line 3, field 'rating'").contains("three");
        try (Workspace ws = Workspace.open(workspace())) {
            assertThat(ws.read().datasets()).isEmpty();
        }
    }

    @Test
    void skippingABadRowKeepsTheRest() {
        Path d = recbole("ml-100k", INTER.replace("1\t20\t3\t", "1\t20\tthree\t"));
        ImportReport r = Fixtures.importInto(workspace(), d, ImportOptions.defaults().withOnError(OnError.SKIP));
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("ml-100k.inter");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.field()).isEqualTo("rating");
        });
        assertThat(r.interactions()).isEqualTo(4);
    }

    @Test
    void aBadItemFloatIsAProblemOfTheItemFile() {
        Path d = recbole("ml-100k", INTER);
        Fixtures.write(d.resolve("ml-100k.item"), ITEM.replace("\t4.5\t", "\tgood\t"));
        ImportException e = assertThrows(ImportException.class,
                () -> Fixtures.importInto(workspace(), d, ImportOptions.defaults()));
        assertThat(e.getMessage()).contains("ml-100k.item, line 2, field 'score'");
    }

    @Test
    void severalInterFilesArePickedByTheFolderNameOrListed() {
        Path d = recbole("ml-100k", INTER);
        Fixtures.write(d.resolve("ml-100k.train.inter"), INTER);
        assertThat(Fixtures.importInto(workspace(), d, ImportOptions.defaults()).interactions()).isEqualTo(5);

        Path other = dir.resolve("splits");
        Fixtures.write(other.resolve("a.inter"), INTER);
        Fixtures.write(other.resolve("b.inter"), INTER);
        ImportException e = assertThrows(ImportException.class,
                () -> Fixtures.importInto(dir.resolve("u.augur"), other, ImportOptions.defaults()));
        assertThat(e.getMessage()).contains("a.inter").contains("b.inter");
    }

    @Test
    void categoriesSplitOnSpacesOrCommas() {
        assertThat(RecBoleImporter.categories("Action Comedy", Type.TOKEN_SEQ)).containsExactly("Action", "Comedy");
        assertThat(RecBoleImporter.categories("'Books', 'Literature & Fiction'", Type.TOKEN_SEQ))
                .containsExactly("Books", "Literature & Fiction");
        assertThat(RecBoleImporter.categories("Science Fiction", Type.TOKEN)).containsExactly("Science Fiction");
        assertThat(RecBoleImporter.categories("", Type.TOKEN_SEQ)).isEmpty();
    }
}
