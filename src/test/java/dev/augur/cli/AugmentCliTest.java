package dev.augur.cli;

import dev.augur.core.bench.FixedCapacityLlmServer;
import dev.augur.core.dataset.Fixtures;
import dev.augur.core.llm.TinyGguf;
import dev.augur.core.store.Generation;
import dev.augur.core.store.GenerationFilter;
import dev.augur.core.store.Workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.augur.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

/** augment on the command line: an OpenAI-compatible server, then the cache; llama.cpp in process; imports. */
class AugmentCliTest {
    @TempDir
    Path dir;

    private Path shop() {
        Path file = dir.resolve("shop.augur");
        try (Workspace ws = Workspace.open(file)) {
            Fixtures.writeShop(ws);
        }
        return file;
    }

    @Test
    void listsTheBundledTemplates() throws Exception {
        JsonNode t = cli("augment", "--list-templates", "--json").json();
        assertThat(t.get("templates")).hasSize(6);
        for (JsonNode x : t.get("templates")) {
            assertThat(x.get("id").asText()).contains(x.get("target").asText().equals("items") ? "item" : "user");
        }
    }

    @Test
    void generatesThroughAnHttpServerAndASecondRunIsServedFromTheCache() throws Exception {
        Path ws = shop();
        try (FixedCapacityLlmServer server = new FixedCapacityLlmServer(4, Duration.ofMillis(5))) {
            String[] args = {"augment", "--workspace", ws.toString(), "--template", "kar-item-knowledge", "--target", "items",
                    "--base-url", server.baseUrl().toString(), "--model", "bench", "--json"};
            CliTest.Run first = cli(args);
            assertThat(first.exit()).as(first.err()).isZero();
            JsonNode r = first.json();
            assertThat(r.get("generated").asLong()).isEqualTo(7);
            assertThat(r.get("llm_calls").asLong()).isEqualTo(7);
            assertThat(r.get("cached").asLong()).isZero();
            assertThat(r.get("failed").asLong()).isZero();
            assertThat(r.has("seconds")).isTrue();

            JsonNode again = cli(args).json();
            assertThat(again.get("llm_calls").asLong()).isZero();
            assertThat(again.get("cached").asLong()).isEqualTo(7);
            assertThat(server.served()).isEqualTo(7);
        }
    }

    @Test
    void llamaCppInProcessWritesSchemaValidGenerationsWithProvenance() throws Exception {
        Path ws = shop();
        Path gguf = TinyGguf.write(dir.resolve("tiny.gguf"));
        CliTest.Run run = cli("augment", "--workspace", ws.toString(), "--template", "genre-item-summary", "--target", "items",
                "--ids", "k1,g1", "--gguf", gguf.toString(), "--concurrency", "1", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode r = run.json();
        assertThat(r.get("generated").asLong() + r.get("failed").asLong()).isEqualTo(2);
        assertThat(r.get("generated").asLong()).isEqualTo(2);
        try (Workspace w = Workspace.open(ws)) {
            var page = w.generations().list(GenerationFilter.all(), 0, 10);
            assertThat(page.rows()).hasSize(2).allSatisfy(g -> {
                assertThat(g.status()).isEqualTo("ok");
                assertThat(g.provenance()).isEqualTo("llm");
                assertThat(g.model()).contains("tiny");
                assertThat(g.templateId()).isEqualTo("genre-item-summary");
                assertThat(g.promptHash()).isNotBlank();
                JsonNode parsed = readJson(g.parsedJson());
                assertThat(parsed.has("summary")).isTrue();
                assertThat(parsed.get("topics").isArray()).isTrue();
            });
        }
    }

    @Test
    void importsGenerationsMadeElsewhereAndReportsBadLines() throws Exception {
        Path ws = shop();
        Path file = Fixtures.write(dir.resolve("gen.jsonl"), "{\"id\":\"k1\",\"text\":\"A kettle profile\",\"model\":\"gpt-x\"}\n"
                + "{not json}\n{\"id\":\"k2\",\"json\":{\"summary\":\"teapot\"}}\n");
        CliTest.Run run = cli("augment", "import", file.toString(), "--workspace", ws.toString(), "--target", "items", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode r = run.json();
        assertThat(r.get("imported").asLong()).isEqualTo(2);
        assertThat(r.get("rejected").asLong()).isEqualTo(1);
        assertThat(r.get("problems").get(0).asText()).contains("line 2");
    }

    @Test
    void anEditedTemplateIsSavedAsTheNextVersionAndTheOriginalStays() throws Exception {
        Path ws = shop();
        CliTest.Run shown = cli("augment", "--workspace", ws.toString(), "--show-template", "genre-item-summary");
        assertThat(shown.exit()).as(shown.err()).isZero();
        JsonNode t = readJson(shown.out());
        assertThat(t.get("version").asInt()).isEqualTo(1);
        String edited = shown.out().replace(t.get("task").asText(), "Summarise the item in one sentence.");
        Path file = Fixtures.write(dir.resolve("edited.json"), edited);
        JsonNode saved = cli("augment", "--workspace", ws.toString(), "--save-template", file.toString(), "--json").json();
        assertThat(saved.get("version").asInt()).isEqualTo(2);
        JsonNode list = cli("augment", "--workspace", ws.toString(), "--list-templates", "--json").json();
        assertThat(list.get("templates").findValuesAsText("id")).contains("genre-item-summary");
        JsonNode latest = readJson(cli("augment", "--workspace", ws.toString(), "--show-template", "genre-item-summary").out());
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("task").asText()).isEqualTo("Summarise the item in one sentence.");
    }

    @Test
    void withoutAnLlmItSaysHowToConnectOne() {
        Path ws = shop();
        CliTest.Run run = cli("augment", "--workspace", ws.toString(), "--template", "kar-item-knowledge", "--target", "items");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("--base-url").contains("--gguf");
    }

    private static JsonNode readJson(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }
}
