package dev.augur.core.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** llama.cpp in process on {@link TinyGguf}: random weights, so the text is gibberish; the shape must hold. */
class LlamaCppClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"summary\":{\"type\":\"string\"},"
            + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},\"required\":[\"summary\",\"tags\"]}";

    @TempDir
    static Path dir;
    private static LlamaCppClient client;

    @BeforeAll
    static void load() throws IOException {
        Path gguf = TinyGguf.write(dir.resolve("tiny.gguf"));
        client = new LlamaCppClient(gguf, new LlamaCppClient.Options(256, 2, 0));
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    private static LlmRequest request(Optional<String> schema, long seed, int maxTokens, Duration timeout) {
        return new LlmRequest("You summarise users as JSON.", "<data>likes the movie and the book</data>", schema,
                0.8, seed, maxTokens, timeout);
    }

    @Test
    void tinyModelLoadsAndDescribesItself() {
        assertThat(client.model()).isEqualTo("tiny");
        assertThat(client.describe()).isEqualTo("llama.cpp · tiny.gguf");
        assertThat(client.info().architecture()).contains("llama");
        assertThat(client.info().chatTemplate()).isEmpty();
        assertThat(client.contextSize()).isEqualTo(256);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void jsonSchemaGivesParseableJsonWithTheRequiredKeys(long seed) throws Exception {
        LlmResponse r = client.complete(request(Optional.of(SCHEMA), seed, 200, Duration.ofSeconds(30)));

        assertThat(r.finishReason()).as("output: %s", r.text()).isEqualTo("stop");
        JsonNode json = JSON.readTree(r.text());
        assertThat(json.path("summary").isTextual()).as(r.text()).isTrue();
        assertThat(json.path("tags").isArray()).as(r.text()).isTrue();
        json.path("tags").forEach(t -> assertThat(t.isTextual()).isTrue());
        assertThat(r.promptTokens()).isPositive();
        assertThat(r.completionTokens()).isPositive();
    }

    @Test
    void sameSeedSameText() {
        LlmResponse a = client.complete(request(Optional.of(SCHEMA), 7, 200, Duration.ofSeconds(30)));
        LlmResponse b = client.complete(request(Optional.of(SCHEMA), 7, 200, Duration.ofSeconds(30)));
        assertThat(b.text()).isEqualTo(a.text());
    }

    @Test
    void stopsAtMaxTokensWithFinishReasonLength() {
        LlmResponse r = client.complete(request(Optional.of(SCHEMA), 1, 4, Duration.ofSeconds(30)));
        assertThat(r.finishReason()).isEqualTo("length");
        assertThat(r.completionTokens()).isEqualTo(4);
    }

    @Test
    void generatesFreeTextWithoutSchema() {
        LlmResponse r = client.complete(request(Optional.empty(), 1, 20, Duration.ofSeconds(30)));
        assertThat(r.finishReason()).isIn("stop", "length");
        assertThat(r.latencyMillis()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void exceededTimeoutIsTimeout() {
        LlmException e = catchThrowableOfType(() -> client.complete(
                request(Optional.empty(), 1, 200, Duration.ofNanos(1))), LlmException.class);
        assertThat(e.kind()).isEqualTo(LlmException.Kind.TIMEOUT);
        // the model is still usable afterwards
        assertThat(client.complete(request(Optional.of(SCHEMA), 2, 200, Duration.ofSeconds(30))).text()).startsWith("{");
    }

    @Test
    void usesThePlainLayoutWithoutAChatTemplate() {
        String prompt = client.prompt(request(Optional.empty(), 1, 10, Duration.ofSeconds(1)));
        assertThat(prompt).startsWith("### System\nYou summarise users as JSON.\n\n### User\n<data>")
                .endsWith("### Assistant\n");
    }

    @Test
    void usesTheModelsChatTemplateWhenItHasOne() throws IOException {
        String template = "{% for m in messages %}<|{{ m.role }}|>{{ m.content }}\n{% endfor %}"
                + "{% if add_generation_prompt %}<|assistant|>{% endif %}";
        Path gguf = TinyGguf.write(dir.resolve("templated.gguf"), template);
        try (LlamaCppClient templated = new LlamaCppClient(gguf, new LlamaCppClient.Options(256, 2, 0))) {
            assertThat(templated.info().chatTemplate()).contains(template);
            String prompt = templated.prompt(request(Optional.empty(), 1, 10, Duration.ofSeconds(1)));
            assertThat(prompt).isEqualTo("<|system|>You summarise users as JSON.\n"
                    + "<|user|><data>likes the movie and the book</data>\n<|assistant|>");
            LlmResponse r = templated.complete(request(Optional.of(SCHEMA), 1, 200, Duration.ofSeconds(30)));
            assertThat(r.text()).startsWith("{");
        }
    }

    @Test
    void missingFileIsConfigurationNamingThePath() {
        Path missing = dir.resolve("nope/model-q4.gguf");
        LlmException e = catchThrowableOfType(() -> new LlamaCppClient(missing), LlmException.class);
        assertThat(e.kind()).isEqualTo(LlmException.Kind.CONFIGURATION);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains(missing.toString());
    }

    @Test
    void fileThatIsNotGgufIsConfiguration() throws IOException {
        Path notGguf = Files.writeString(dir.resolve("readme.gguf"), "this is not a model");
        LlmException e = catchThrowableOfType(() -> new LlamaCppClient(notGguf), LlmException.class);
        assertThat(e.kind()).isEqualTo(LlmException.Kind.CONFIGURATION);
        assertThat(e.getMessage()).contains("not a GGUF").contains(notGguf.toString());
    }
}
