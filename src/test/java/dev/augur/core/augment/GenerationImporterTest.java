package dev.augur.core.augment;

import dev.augur.core.store.Generation;
import dev.augur.core.store.GenerationFilter;
import dev.augur.core.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GenerationImporterTest {
    @TempDir
    Path dir;

    private final GenerationImporter importer = new GenerationImporter();

    @Test
    void importsJsonlAndReportsMalformedLinesByNumber() throws IOException {
        try (Workspace ws = AugmentFixtures.shop(dir.resolve("a.augur"), 0)) {
            Path f = Files.writeString(dir.resolve("profiles.jsonl"), String.join("\n",
                    "{\"id\":\"k1\",\"text\":\"A whistling kettle.\",\"model\":\"spark-llm\"}",
                    "{\"id\":\"k2\",\"json\":{\"summary\":\"A teapot.\"}}",
                    "{\"id\":\"k3\", broken",
                    "",
                    "{\"id\":\"zz\",\"text\":\"unknown item\"}",
                    "{\"item_id\":\"g1\",\"summary\":\"Shoes.\",\"topics\":[\"running\"]}",
                    "{\"id\":\"x1\"}"));
            GenerationImporter.Result r = importer.importFile(ws, f, GenerationImporter.Spec.of(AugmentTarget.ITEMS, "spark-summary"));
            assertThat(r.imported()).isEqualTo(3);
            assertThat(r.rejected()).isEqualTo(3);
            assertThat(r.problems()).containsExactly("line 3: not valid JSON", "line 5: no item 'zz' in the dataset",
                    "line 7: no content (text, json or other fields)");
            List<Generation> rows = ws.generations().list(GenerationFilter.all(), 0, 10).rows().stream()
                    .sorted(Comparator.comparingLong(Generation::sourceLine)).toList();
            assertThat(rows).extracting(Generation::sourceLine).containsExactly(1L, 2L, 6L);
            assertThat(rows).allMatch(g -> g.provenance().equals("imported") && g.sourceFile().endsWith("profiles.jsonl")
                    && g.templateId().equals("spark-summary"));
            assertThat(rows.get(0).model()).isEqualTo("spark-llm");
            assertThat(rows.get(0).parsedJson()).isEqualTo("{\"text\":\"A whistling kettle.\"}");
            assertThat(rows.get(1).parsedJson()).isEqualTo("{\"summary\":\"A teapot.\"}");
            assertThat(rows.get(2).parsedJson()).isEqualTo("{\"summary\":\"Shoes.\",\"topics\":[\"running\"]}");
        }
    }

    @Test
    void importsCsvWithQuotedMultiLineFields() throws IOException {
        try (Workspace ws = AugmentFixtures.shop(dir.resolve("b.augur"), 0)) {
            Path f = Files.writeString(dir.resolve("users.csv"), String.join("\n",
                    "user_id,text",
                    "u1,\"Likes tea, \"\"good\"\" kettles\nand trails\"",
                    "u2,Runs a lot,extra",
                    "nobody,Hmm",
                    "u2,Trail runner"));
            GenerationImporter.Result r = importer.importFile(ws, f, GenerationImporter.Spec.of(AugmentTarget.USERS, "csv-profiles"));
            assertThat(r.imported()).isEqualTo(2);
            assertThat(r.problems()).containsExactly("line 4: 3 fields, the header has 2",
                    "line 5: no user 'nobody' in the dataset");
            List<Generation> rows = ws.generations().list(GenerationFilter.all(), 0, 10).rows();
            assertThat(rows).extracting(Generation::sourceLine).containsExactlyInAnyOrder(2L, 6L);
            assertThat(rows).anyMatch(g -> g.rawOutput().equals("Likes tea, \"good\" kettles\nand trails"));
        }
    }
}
