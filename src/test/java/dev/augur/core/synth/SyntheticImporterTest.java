package dev.augur.core.synth;

import dev.augur.core.dataset.Fixtures;
import dev.augur.core.dataset.OnError;
import dev.augur.core.store.SyntheticFilter;
import dev.augur.core.store.SyntheticRow;
import dev.augur.core.store.Workspace;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Proposals made by another pipeline, from CSV and JSONL, into the pending queue: all or nothing unless told. */
class SyntheticImporterTest {
    @TempDir
    Path dir;
    private Workspace ws;
    private long ds;
    private final SyntheticImporter importer = new SyntheticImporter();

    @BeforeEach
    void data() {
        ws = Workspace.open(dir.resolve("w.augur"));
        ds = SynthFixtures.tastes(ws, 8, 4, 1, 0, false);
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        ws.close();
    }

    private List<SyntheticRow> rows() {
        return ws.synthetic().list(SyntheticFilter.all(ds), 0, 100);
    }

    @Test
    void csvRowsBecomePendingProposalsWithTheirFileAndLine() {
        Path f = Fixtures.write(dir.resolve("p.csv"), "user_id,item_id,rating,confidence,rationale,model\n"
                + "u1,cold-1-0,4,0.9,\"Likes comedies, often\",spark-llm\n"
                + "u2,cold-2-0,2,,,spark-llm\n");

        SyntheticImporter.Result r = importer.importFile(ws, f, Optional.empty(), OnError.ABORT);

        assertThat(r.stored()).isTrue();
        assertThat(r.created()).isEqualTo(2);
        assertThat(r.rejected()).isZero();
        List<SyntheticRow> rows = rows();
        assertThat(rows).extracting(SyntheticRow::userExternalId).containsExactly("u1", "u2");
        SyntheticRow first = rows.get(0);
        assertThat(first.status()).isEqualTo("pending");
        assertThat(first.origin()).isEqualTo("imported");
        assertThat(first.target()).isEqualTo("imported");
        assertThat(first.model()).isEqualTo("spark-llm");
        assertThat(first.value()).isEqualTo(4);
        assertThat(first.confidence()).isEqualTo(0.9);
        assertThat(first.rationale()).isEqualTo("Likes comedies, often");
        assertThat(first.sourceFile()).endsWith("p.csv");
        assertThat(first.sourceLine()).isEqualTo(2);
        assertThat(rows.get(1).confidence()).isNaN();
        assertThat(rows.get(1).sourceLine()).isEqualTo(3);
        assertThat(first.generationId()).isZero();
    }

    @Test
    void jsonlTakesLabelsAndDropsPairsAlreadyProposed() {
        Path f = Fixtures.write(dir.resolve("p.jsonl"), "{\"user_id\":\"u1\",\"item_id\":\"cold-0-0\",\"label\":true,"
                + "\"confidence\":0.5,\"model\":\"m\"}\n\n{\"user_id\":\"u3\",\"item_id\":\"cold-3-0\",\"label\":0}\n"
                + "{\"user_id\":\"u1\",\"item_id\":\"cold-0-0\",\"label\":1}\n");

        SyntheticImporter.Result r = importer.importFile(ws, f, Optional.empty(), OnError.ABORT);

        assertThat(r.rows()).isEqualTo(3);
        assertThat(r.created()).isEqualTo(2);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(rows()).extracting(SyntheticRow::value).containsExactly(1.0, 0.0);
        assertThat(rows().get(1).sourceLine()).isEqualTo(3);

        SyntheticImporter.Result again = importer.importFile(ws, f, Optional.empty(), OnError.ABORT);
        assertThat(again.created()).isZero();
        assertThat(again.duplicates()).isEqualTo(3);
    }

    @Test
    void unknownIdsAndBadNumbersAreReportedByLineAndNothingIsStored() {
        Path f = Fixtures.write(dir.resolve("bad.csv"), "user_id,item_id,label,confidence\n"
                + "u1,cold-0-0,1,0.5\n"
                + "u1,x,1,0.5\n"
                + "nobody,cold-0-0,1,0.5\n"
                + "u2,cold-0-0,maybe,0.5\n"
                + "u3,cold-0-0,1,1.5\n");

        SyntheticImporter.Result r = importer.importFile(ws, f, Optional.empty(), OnError.ABORT);

        assertThat(r.stored()).isFalse();
        assertThat(r.created()).isZero();
        assertThat(r.rejected()).isEqualTo(4);
        assertThat(r.problems()).containsExactly(
                "bad.csv line 3: no item 'x' in dataset tastes",
                "bad.csv line 4: no user 'nobody' in dataset tastes",
                "bad.csv line 5: label 'maybe' is not 0 or 1 (or true or false)",
                "bad.csv line 6: confidence '1.5' is not a number between 0 and 1");
        assertThat(rows()).isEmpty();

        SyntheticImporter.Result skipped = importer.importFile(ws, f, Optional.empty(), OnError.SKIP);
        assertThat(skipped.stored()).isTrue();
        assertThat(skipped.created()).isEqualTo(1);
        assertThat(skipped.rejected()).isEqualTo(4);
        assertThat(rows()).singleElement().satisfies(row -> assertThat(row.sourceLine()).isEqualTo(2));
    }

    @Test
    void aFileWithoutTheNeededColumnsOrOfAnotherKindIsExplained() {
        Path noItem = Fixtures.write(dir.resolve("a.csv"), "user,item_id,rating\nu1,cold-0-0,3\n");
        assertThatThrownBy(() -> importer.importFile(ws, noItem, Optional.empty(), OnError.ABORT))
                .hasMessageContaining("no user_id column");
        Path noValue = Fixtures.write(dir.resolve("b.csv"), "user_id,item_id,score\nu1,cold-0-0,3\n");
        assertThatThrownBy(() -> importer.importFile(ws, noValue, Optional.empty(), OnError.ABORT))
                .hasMessageContaining("neither a label nor a rating column");
        Path txt = Fixtures.write(dir.resolve("c.txt"), "u1 cold-0-0 1\n");
        assertThatThrownBy(() -> importer.importFile(ws, txt, Optional.empty(), OnError.ABORT))
                .hasMessageContaining(".csv or .jsonl");
        Path jsonl = Fixtures.write(dir.resolve("d.jsonl"), "{\"user_id\":\"u1\",\"item_id\":\"cold-0-0\","
                + "\"rating\":\"five\"}\n[1,2]\n{oops\n");
        SyntheticImporter.Result r = importer.importFile(ws, jsonl, Optional.empty(), OnError.ABORT);
        assertThat(r.problems()).containsExactly("d.jsonl line 1: rating 'five' is not a number",
                "d.jsonl line 2: not a JSON object", "d.jsonl line 3: not valid JSON");
        assertThatThrownBy(() -> importer.importFile(ws, noItem, Optional.of("other"), OnError.ABORT))
                .hasMessageContaining("no dataset 'other'");
    }
}
