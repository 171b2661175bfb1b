package dev.augur.cli;

import dev.augur.core.dataset.Fixtures;
import dev.augur.core.vectors.NpyWriter;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.augur.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

/** encode → similar → vectors export, as an analyst runs them, with the real bundled int8 MiniLM. */
class EncodeCliTest {
    @TempDir
    Path dir;

    private Path workspace() {
        Path d = dir.resolve("ml");
        Fixtures.write(d.resolve("movies.csv"), "movieId,title,genres\n"
                + "1,Toy Story (1995),Adventure|Animation|Children|Comedy\n"
                + "2,Toy Story 2 (1999),Adventure|Animation|Children|Comedy\n"
                + "3,Heat (1995),Action|Crime|Thriller\n"
                + "4,\"American President, The (1995)\",Comedy|Drama|Romance\n"
                + "5,Casino (1995),Crime|Drama\n");
        Fixtures.write(d.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,4.5,964981247\n");
        Path ws = dir.resolve("w.augur");
        CliTest.Run imp = cli("import", d.toString(), "--workspace", ws.toString());
        assertThat(imp.exit()).as(imp.err()).isZero();
        return ws;
    }

    @Test
    void encodeReportsWhatItDidAndARerunSkipsEverything() throws Exception {
        Path ws = workspace();
        CliTest.Run first = cli("encode", "--workspace", ws.toString(), "--target", "items", "--model", "minilm-q",
                "--device", "cpu", "--json");
        assertThat(first.exit()).as(first.err()).isZero();
        JsonNode r = first.json();
        assertThat(r.get("encoded").asLong()).isEqualTo(5);
        assertThat(r.get("skipped").asLong()).isZero();
        assertThat(r.get("model").asText()).isEqualTo("minilm-q");
        assertThat(r.get("device").asText()).isEqualTo("cpu");
        assertThat(r.get("per_second").asDouble()).isPositive();
        assertThat(r.has("seconds")).isTrue();

        JsonNode again = cli("encode", "--workspace", ws.toString(), "--target", "items", "--model", "minilm-q", "--json").json();
        assertThat(again.get("encoded").asLong()).isZero();
        assertThat(again.get("skipped").asLong()).isEqualTo(5);
        assertThat(again.get("device_reason").asText()).contains("auto");
    }

    @Test
    void similarListsIdsTitlesAndCosinesBestFirst() throws Exception {
        Path ws = workspace();
        assertThat(cli("encode", "-w", ws.toString(), "--target", "items", "--model", "minilm-q").exit()).isZero();
        CliTest.Run sim = cli("similar", "--workspace", ws.toString(), "--item", "1", "--k", "3", "--json");
        assertThat(sim.exit()).as(sim.err()).isZero();
        JsonNode s = sim.json();
        assertThat(s.get("similar")).hasSize(3);
        assertThat(s.get("similar").get(0).get("id").asText()).isEqualTo("2");
        assertThat(s.get("similar").get(0).get("title").asText()).isEqualTo("Toy Story 2 (1999)");
        double c0 = s.get("similar").get(0).get("cosine").asDouble();
        double c2 = s.get("similar").get(2).get("cosine").asDouble();
        assertThat(c0).isGreaterThanOrEqualTo(c2).isLessThanOrEqualTo(1.0);

        CliTest.Run text = cli("similar", "--workspace", ws.toString(), "--item", "1", "--k", "2");
        assertThat(text.out()).contains("Toy Story 2 (1999)");
    }

    @Test
    void similarWithoutVectorsSaysWhichCommandMakesThem() {
        Path ws = workspace();
        CliTest.Run sim = cli("similar", "--workspace", ws.toString(), "--item", "1");
        assertThat(sim.exit()).isEqualTo(1);
        assertThat(sim.err()).contains("augur encode");
    }

    @Test
    void vectorsExportAsNpyAndIdCsv() throws Exception {
        Path ws = workspace();
        assertThat(cli("encode", "-w", ws.toString(), "--target", "items", "--model", "minilm-q").exit()).isZero();
        Path out = dir.resolve("export/items");
        CliTest.Run ex = cli("vectors", "export", "--workspace", ws.toString(), "--model", "minilm-q", "--out", out.toString(), "--json");
        assertThat(ex.exit()).as(ex.err()).isZero();
        int[] shape = new int[2];
        float[] data = NpyWriter.read(Path.of(out + ".npy"), shape);
        assertThat(shape).containsExactly(5, 384);
        assertThat(data).hasSize(5 * 384);
        List<String> ids = Files.readAllLines(Path.of(out + ".ids.csv"));
        assertThat(ids.get(0)).isEqualTo("row,entity_id,item_id,title");
        assertThat(ids).hasSize(6).anyMatch(l -> l.contains("\"American President, The (1995)\""));

        JsonNode list = cli("vectors", "list", "--workspace", ws.toString(), "--json").json();
        assertThat(list.get("sets").get(0).get("count").asLong()).isEqualTo(5);
    }

    @Test
    void unknownModelAndGpuOnACpuBuildFailWithAUsefulMessage() {
        Path ws = workspace();
        CliTest.Run bad = cli("encode", "-w", ws.toString(), "--target", "items", "--model", "gpt-9");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("minilm, minilm-q, bge-small, bge-small-q");
        CliTest.Run gpu = cli("encode", "-w", ws.toString(), "--target", "items", "--model", "minilm-q", "--device", "gpu");
        assertThat(gpu.exit()).isEqualTo(1);
        assertThat(gpu.err()).contains("-Pgpu");
    }
}
