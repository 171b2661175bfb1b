package dev.augur.cli;

import dev.augur.core.dataset.Fixtures;
import dev.augur.core.llm.TinyGguf;
import dev.augur.core.rank.RankingFixtures;
import dev.augur.core.store.Generation;
import dev.augur.core.store.SyntheticFilter;
import dev.augur.core.store.SyntheticRow;
import dev.augur.core.store.Workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.augur.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

/** synth with llama.cpp in process on a tiny random-weight model, synth import, and the errors people meet. */
class SynthCliTest {
    @TempDir
    Path dir;
    Path ws;

    @BeforeEach
    void importData() {
        Path data = RankingFixtures.movieLens(dir.resolve("ml"), 40, 300, 10, 5);
        ws = dir.resolve("w.augur");
        CliTest.Run imp = cli("import", data.toString(), "--workspace", ws.toString());
        assertThat(imp.exit()).as(imp.err()).isZero();
    }

    @Test
    void llamaCppProposesPendingInteractionsForColdItemsAndARerunMakesNoCall() throws Exception {
        Path gguf = TinyGguf.write(dir.resolve("tiny.gguf"));
        CliTest.Run run = cli("synth", "--workspace", ws.toString(), "--target", "cold-items", "--limit", "2",
                "--candidates", "2", "--gguf", gguf.toString(), "--json");
        assertThat(run.exit()).as(run.err() + run.out()).isZero();
        JsonNode r = run.json();
        assertThat(r.get("targets").asInt()).isEqualTo(2);
        assertThat(r.get("prompts").asInt()).isEqualTo(4);
        assertThat(r.get("content").asText()).isEqualTo("categories");
        // random weights: the grammar keeps every answer schema-valid, so each pair becomes a proposal
        assertThat(r.get("created").asInt()).as(r.toString()).isEqualTo(4);
        assertThat(r.get("failed").asInt() + r.get("invalid").asInt()).isZero();
        assertThat(r.get("llm_calls").asInt()).isGreaterThanOrEqualTo(4);
        for (String key : new String[] {"duplicates", "cached", "seconds", "model"}) {
            assertThat(r.has(key)).as(key).isTrue();
        }
        try (Workspace w = Workspace.open(ws)) {
            long ds = w.read().datasets().get(0).id();
            List<SyntheticRow> rows = w.synthetic().list(SyntheticFilter.all(ds), 0, 10);
            assertThat(rows).hasSize(4).allSatisfy(row -> {
                assertThat(row.status()).isEqualTo("pending");
                assertThat(row.origin()).isEqualTo("llm");
                assertThat(row.target()).isEqualTo("cold-items");
                assertThat(row.model()).isEqualTo("tiny");
                assertThat(row.confidence()).isBetween(0.0, 1.0);
                assertThat(row.value()).isIn(0.0, 1.0, 2.0, 3.0, 4.0, 5.0);
                assertThat(row.contentScore()).isNotNaN();
                Generation g = w.generations().get(row.generationId()).orElseThrow();
                assertThat(g.ok()).isTrue();
                assertThat(g.model()).isEqualTo("tiny");
                assertThat(new ObjectMapper().readTree(g.parsedJson()).has("interact")).isTrue();
            });
        }
        JsonNode stats = cli("stats", "--workspace", ws.toString(), "--json").json();
        assertThat(stats.get("synthetic").get("pending").asInt()).isEqualTo(4);
        assertThat(stats.get("interactions").asInt()).isEqualTo(40 * 10);

        JsonNode again = cli("synth", "--workspace", ws.toString(), "--target", "cold-items", "--limit", "2",
                "--candidates", "2", "--gguf", gguf.toString(), "--json").json();
        assertThat(again.get("llm_calls").asInt()).isZero();
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(4);
    }

    @Test
    void importReportsBadRowsByLineAndStoresNothingUnlessToldToSkip() throws Exception {
        String unseen;
        try (Workspace w = Workspace.open(ws)) {
            long ds = w.read().datasets().get(0).id();
            long user = w.read().entityId(ds, "user", "1").orElseThrow();
            List<String> seen = w.read().userHistory(user, 100).stream().map(h -> h.itemExternalId()).toList();
            unseen = java.util.stream.IntStream.rangeClosed(1, 300).mapToObj(Integer::toString)
                    .filter(m -> !seen.contains(m)).findFirst().orElseThrow();
        }
        Path file = Fixtures.write(dir.resolve("proposals.csv"), "user_id,item_id,rating,confidence,rationale,model\n"
                + "1," + unseen + ",4,0.8,likes action,other-llm\n"
                + "1,999,4,0.8,no such movie,other-llm\n");
        CliTest.Run abort = cli("synth", "import", file.toString(), "--workspace", ws.toString(), "--json");
        assertThat(abort.exit()).isEqualTo(1);
        JsonNode a = abort.json();
        assertThat(a.get("created").asInt()).isZero();
        assertThat(a.get("rejected").asInt()).isEqualTo(1);
        assertThat(a.get("problems").get(0).asText()).isEqualTo("proposals.csv line 3: no item '999' in dataset ml");
        assertThat(cli("stats", "-w", ws.toString(), "--json").json().get("synthetic").get("pending").asInt()).isZero();

        CliTest.Run skip = cli("synth", "import", file.toString(), "--workspace", ws.toString(), "--on-error", "skip");
        assertThat(skip.exit()).as(skip.err()).isZero();
        assertThat(skip.out()).contains("imported 1 pending proposals");
        assertThat(cli("stats", "-w", ws.toString(), "--json").json().get("synthetic").get("pending").asInt())
                .isEqualTo(1);
    }

    @Test
    void missingOptionsAndBadValuesAreExplained() {
        CliTest.Run noLlm = cli("synth", "--workspace", ws.toString(), "--target", "cold-items", "--limit", "3");
        assertThat(noLlm.exit()).isEqualTo(1);
        assertThat(noLlm.err()).contains("--base-url").contains("--gguf");
        CliTest.Run target = cli("synth", "--workspace", ws.toString(), "--target", "hot-items", "--limit", "3",
                "--gguf", dir.resolve("x.gguf").toString());
        assertThat(target.err()).contains("cold-items, tail-items or short-users");
        CliTest.Run noLimit = cli("synth", "--workspace", ws.toString(), "--target", "cold-items");
        assertThat(noLimit.err()).contains("--limit");
        CliTest.Run noWs = cli("synth", "--workspace", dir.resolve("none.augur").toString(), "--target",
                "cold-items", "--limit", "1", "--base-url", "http://localhost:1/v1", "--model", "m");
        assertThat(noWs.err()).contains("no workspace at");
        CliTest.Run onError = cli("synth", "import", "x.csv", "--workspace", ws.toString(), "--on-error", "maybe");
        assertThat(onError.err()).contains("--on-error must be abort or skip");
    }
}
