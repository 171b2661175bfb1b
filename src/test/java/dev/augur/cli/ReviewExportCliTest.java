package dev.augur.cli;

import dev.augur.core.rank.RankingFixtures;
import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.ReviewStore;
import dev.augur.core.store.SyntheticProposal;
import dev.augur.core.store.Workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.augur.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * review export: observed plus accepted synthetic interactions leave as RecBole files that import back with the
 * same count, as CSV and JSONL with a source column, and the review itself as an audit trail.
 */
class ReviewExportCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OBSERVED = 40 * 10;

    @TempDir
    Path dir;
    Path ws;
    /** Proposal index → (user, movie) external ids. */
    final List<String[]> pairs = new ArrayList<>();

    /**
     * Seven proposals for users 1..7: 0 accepted, 1 rejected, 2 edited to 2 (accepted), 3 rejected, 4 accepted then
     * undone (pending again), 5 accepted, 6 never touched.
     */
    @BeforeEach
    void data() {
        Path data = RankingFixtures.movieLens(dir.resolve("ml"), 40, 300, 10, 5);
        ws = dir.resolve("w.augur");
        CliTest.Run imp = cli("import", data.toString(), "--workspace", ws.toString());
        assertThat(imp.exit()).as(imp.err()).isZero();
        double[] values = {4, 0, 5, 3, 4, 2, 1};
        try (Workspace w = Workspace.open(ws)) {
            long ds = w.read().datasets().get(0).id();
            List<SyntheticProposal> proposals = new ArrayList<>();
            for (int p = 0; p < values.length; p++) {
                String user = Integer.toString(p + 1);
                long userId = w.read().entityId(ds, "user", user).orElseThrow();
                List<String> seen = w.read().userHistory(userId, 100).stream().map(h -> h.itemExternalId()).toList();
                String movie = Stream.iterate(300, m -> m - 1).map(Object::toString).filter(m -> !seen.contains(m))
                        .findFirst().orElseThrow();
                pairs.add(new String[] {user, movie});
                long itemId = w.read().entityId(ds, "item", movie).orElseThrow();
                proposals.add(new SyntheticProposal(userId, itemId, values[p], "llm", "cold-items", "llama-3",
                        0.5 + p / 20.0, "reason " + p, 0.7, Double.NaN, 0, "", 0));
            }
            List<Long> ids = w.synthetic().add(ds, proposals).ids();
            ReviewStore review = w.annotations();
            review.setAnnotator("ana");
            review.accept(ids.get(0), "ana");
            review.reject(ids.get(1), "ana");
            review.edit(ids.get(2), "ana", 2);
            review.reject(ids.get(3), "ana");
            review.accept(ids.get(4), "ana");
            review.undoLast("ana", ds);
            review.accept(ids.get(5), "ana");
        }
    }

    @Test
    void recboleExportImportsBackWithObservedPlusAcceptedSynthetic() throws Exception {
        JsonNode before = cli("stats", "--workspace", ws.toString(), "--json").json();
        assertThat(before.get("interactions").asInt()).isEqualTo(OBSERVED);
        assertThat(before.get("synthetic").get("pending").asInt()).isEqualTo(2);
        assertThat(before.get("synthetic").get("accepted").asInt()).isEqualTo(3);
        assertThat(before.get("synthetic").get("rejected").asInt()).isEqualTo(2);

        Path out = dir.resolve("export");
        CliTest.Run export = cli("review", "export", "--workspace", ws.toString(), "--format", "recbole", "--out",
                out.toString(), "--json");
        assertThat(export.exit()).as(export.err()).isZero();
        JsonNode e = export.json();
        assertThat(e.get("observed").asInt()).isEqualTo(OBSERVED);
        assertThat(e.get("synthetic").asInt()).isEqualTo(3);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ml.inter", "ml.item");
        }
        List<String> inter = Files.readAllLines(out.resolve("ml.inter"));
        assertThat(inter.get(0)).isEqualTo("user_id:token\titem_id:token\trating:float\ttimestamp:float\tsource:token");
        assertThat(inter).hasSize(1 + OBSERVED + 3);
        assertThat(inter.stream().filter(l -> l.endsWith("\tsynthetic")).map(l -> l.split("\t"))
                .map(f -> f[0] + "/" + f[1] + "=" + f[2])).containsExactlyInAnyOrder(
                pair(0) + "=4", pair(2) + "=2", pair(5) + "=2");

        Path again = dir.resolve("again.augur");
        CliTest.Run imp = cli("import", out.toString(), "--format", "recbole", "--workspace", again.toString(),
                "--json");
        assertThat(imp.exit()).as(imp.err()).isZero();
        JsonNode after = cli("stats", "--workspace", again.toString(), "--json").json();
        assertThat(after.get("interactions").asInt()).isEqualTo(OBSERVED + 3);
        assertThat(after.get("items").asInt()).isEqualTo(before.get("items").asInt());
        assertThat(after.get("users").asInt()).isEqualTo(before.get("users").asInt());
        try (Workspace w = Workspace.open(ws); Workspace a = Workspace.open(again)) {
            ItemRecord original = w.read().items(pairs.get(0)[1], Optional.empty()).get(0);
            ItemRecord back = a.read().items(pairs.get(0)[1], Optional.empty()).get(0);
            assertThat(back.title()).isEqualTo(original.title());
            assertThat(JSON.readTree(back.categoriesJson())).isEqualTo(JSON.readTree(original.categoriesJson()));
        }
    }

    @Test
    void csvAndJsonlCarryTheSameRowsWithTheirSource() throws Exception {
        Path out = dir.resolve("tables");
        assertThat(cli("review", "export", "-w", ws.toString(), "--format", "csv", "--out", out.toString()).exit())
                .isZero();
        CliTest.Run jsonl = cli("review", "export", "-w", ws.toString(), "--format", "jsonl", "--out", out.toString());
        assertThat(jsonl.exit()).as(jsonl.err()).isZero();
        assertThat(jsonl.out()).contains("exported 403 interactions of ml: 400 observed, 3 accepted synthetic");

        List<String> csv = Files.readAllLines(out.resolve("ml.csv"));
        assertThat(csv.get(0)).isEqualTo("user_id,item_id,rating,timestamp,source");
        assertThat(csv).hasSize(1 + OBSERVED + 3);
        Map<String, String> synthetic = new HashMap<>();
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",");
            assertThat(f[4]).isIn("observed", "synthetic");
            assertThat(f[3]).matches("\\d+");
            if (f[4].equals("synthetic")) {
                synthetic.put(f[0] + "/" + f[1], f[2]);
            }
        }
        assertThat(synthetic).containsOnly(Map.entry(pair(0), "4"), Map.entry(pair(2), "2"), Map.entry(pair(5), "2"));

        List<String> lines = Files.readAllLines(out.resolve("ml.jsonl"));
        assertThat(lines).hasSize(OBSERVED + 3);
        long observed = 0;
        Map<String, Double> fromJson = new HashMap<>();
        for (String l : lines) {
            JsonNode o = JSON.readTree(l);
            if (o.get("source").asText().equals("observed")) {
                observed++;
            } else {
                fromJson.put(o.get("user_id").asText() + "/" + o.get("item_id").asText(), o.get("rating").asDouble());
            }
            assertThat(o.get("timestamp").isIntegralNumber()).isTrue();
        }
        assertThat(observed).isEqualTo(OBSERVED);
        assertThat(fromJson).containsOnly(Map.entry(pair(0), 4.0), Map.entry(pair(2), 2.0), Map.entry(pair(5), 2.0));
    }

    @Test
    void theAuditHoldsEverySyntheticInteractionWithProvenanceAndDecisions() throws Exception {
        Path out = dir.resolve("audit");
        CliTest.Run run = cli("review", "export", "-w", ws.toString(), "--format", "audit", "--out", out.toString(),
                "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.json().get("annotations").asInt()).isEqualTo(7);
        assertThat(run.json().get("decisions").asInt()).isEqualTo(7);
        List<String> lines = Files.readAllLines(out.resolve("ml.annotations.jsonl"));
        assertThat(lines).hasSize(7);
        List<JsonNode> rows = new ArrayList<>();
        for (String l : lines) {
            rows.add(JSON.readTree(l));
        }
        assertThat(rows).extracting(r -> r.get("status").asText()).containsExactly("accepted", "rejected", "accepted",
                "rejected", "pending", "accepted", "pending");
        JsonNode edited = rows.get(2);
        assertThat(edited.get("user_id").asText() + "/" + edited.get("item_id").asText()).isEqualTo(pair(2));
        assertThat(edited.get("origin").asText()).isEqualTo("llm");
        assertThat(edited.get("model").asText()).isEqualTo("llama-3");
        assertThat(edited.get("rationale").asText()).isEqualTo("reason 2");
        assertThat(edited.get("confidence").asDouble()).isEqualTo(0.6);
        assertThat(edited.get("content_score").asDouble()).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(edited.get("collab_score").isNull()).isTrue();
        assertThat(edited.get("proposed_value").asDouble()).isEqualTo(5);
        assertThat(edited.get("value").asDouble()).isEqualTo(2);
        JsonNode edit = edited.get("decisions").get(0);
        assertThat(edit.get("annotator").asText()).isEqualTo("ana");
        assertThat(edit.get("action").asText()).isEqualTo("edit");
        assertThat(edit.get("before").get("status").asText()).isEqualTo("pending");
        assertThat(edit.get("before").get("value").asDouble()).isEqualTo(5);
        assertThat(edit.get("after").get("status").asText()).isEqualTo("accepted");
        assertThat(edit.get("after").get("value").asDouble()).isEqualTo(2);
        assertThat(edit.get("at").asText()).isNotBlank();
        JsonNode undone = rows.get(4).get("decisions");
        assertThat(undone).extracting(d -> d.get("action").asText()).containsExactly("accept", "undo");
        assertThat(undone.get(1).get("undoes").asLong()).isEqualTo(undone.get(0).get("id").asLong());
        assertThat(undone.get(1).get("after").get("status").asText()).isEqualTo("pending");
        assertThat(rows.get(6).get("decisions")).isEmpty();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ml.annotations.jsonl");
        }
    }

    @Test
    void badFormatsAndDatasetsAreExplainedAndWriteNothing() throws Exception {
        Path out = dir.resolve("none");
        CliTest.Run format = cli("review", "export", "-w", ws.toString(), "--format", "parquet", "--out",
                out.toString());
        assertThat(format.exit()).isNotZero();
        assertThat(format.err()).contains("recbole, csv, jsonl or audit");
        CliTest.Run dataset = cli("review", "export", "-w", ws.toString(), "--format", "csv", "--out", out.toString(),
                "--dataset", "nope");
        assertThat(dataset.err()).contains("no dataset 'nope'");
        assertThat(!Files.exists(out) || Files.list(out).findAny().isEmpty()).isTrue();
    }

    private String pair(int p) {
        return pairs.get(p)[0] + "/" + pairs.get(p)[1];
    }
}
