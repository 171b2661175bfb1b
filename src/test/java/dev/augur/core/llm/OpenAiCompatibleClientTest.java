package dev.augur.core.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.augur.core.llm.ReplayServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OpenAiCompatibleClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"summary\":{\"type\":\"string\"},"
            + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},\"required\":[\"summary\",\"tags\"]}";
    private static final String KEY = "sk-test-0123456789abcdefSECRET";

    private ReplayServer server;

    @BeforeEach
    void start() throws IOException {
        server = new ReplayServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static LlmRequest request(Optional<String> schema, Duration timeout) {
        return new LlmRequest("You summarise users.", "<data>likes Alien, Heat</data>", schema, 0.2, 42, 256, timeout);
    }

    private OpenAiCompatibleClient client(Optional<String> key) {
        return new OpenAiCompatibleClient(server.baseUrl(), "gpt-4o-mini", key);
    }

    private LlmException failure(OpenAiCompatibleClient client, Duration timeout) {
        return catchThrowableOfType(() -> client.complete(request(Optional.empty(), timeout)), LlmException.class);
    }

    @Test
    void parsesTextUsageAndFinishReasonAndSendsTheWholeRequest() throws Exception {
        server.enqueue(Reply.resource(200, "openai-chat-completion.json"));
        try (OpenAiCompatibleClient client = client(Optional.of(KEY))) {
            LlmResponse r = client.complete(request(Optional.of(SCHEMA), Duration.ofSeconds(5)));

            assertThat(JSON.readTree(r.text()).path("tags")).hasSize(3);
            assertThat(r.promptTokens()).isEqualTo(187);
            assertThat(r.completionTokens()).isEqualTo(29);
            assertThat(r.finishReason()).isEqualTo("stop");
            assertThat(r.latencyMillis()).isGreaterThanOrEqualTo(0);
        }
        ReplayServer.Recorded sent = server.lastRequest();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = JSON.readTree(sent.body());
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(1).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").get(1).path("content").asText()).contains("likes Alien");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("seed").asLong()).isEqualTo(42);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(256);
        JsonNode format = body.path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("name").asText()).isEqualTo("output");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        assertThat(format.path("json_schema").path("schema")).isEqualTo(JSON.readTree(SCHEMA));
    }

    @Test
    void ollamaAnswerWithoutKeySendsNoAuthorizationAndNoResponseFormat() throws Exception {
        server.enqueue(Reply.resource(200, "ollama-chat-completion.json"));
        try (OpenAiCompatibleClient client = new OpenAiCompatibleClient(server.baseUrl(), "llama3.1:8b",
                Optional.empty())) {
            LlmResponse r = client.complete(request(Optional.empty(), Duration.ofSeconds(5)));
            assertThat(JSON.readTree(r.text()).path("summary").asText()).startsWith("Watches");
            assertThat(r.promptTokens()).isEqualTo(164);
            assertThat(r.completionTokens()).isEqualTo(24);
        }
        ReplayServer.Recorded sent = server.lastRequest();
        assertThat(sent.header("Authorization")).isNull();
        assertThat(JSON.readTree(sent.body()).has("response_format")).isFalse();
    }

    @Test
    void estimatesTokensWhenTheServerReportsNoUsage() {
        server.enqueue(Reply.json(200, "{\"choices\":[{\"message\":{\"content\":\"12345678\"},\"finish_reason\":\"length\"}]}"));
        try (OpenAiCompatibleClient client = client(Optional.empty())) {
            LlmResponse r = client.complete(request(Optional.empty(), Duration.ofSeconds(5)));
            assertThat(r.completionTokens()).isEqualTo(2);
            assertThat(r.promptTokens()).isPositive();
            assertThat(r.finishReason()).isEqualTo("length");
        }
    }

    @Test
    void rateLimitCarriesRetryAfterInSeconds() {
        server.enqueue(Reply.resource(429, "error-429.json").header("Retry-After", "7"));
        LlmException e = failure(client(Optional.of(KEY)), Duration.ofSeconds(5));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.RATE_LIMITED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.getMessage()).contains("Rate limit reached");
    }

    @Test
    void rateLimitCarriesRetryAfterAsHttpDate() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
        server.enqueue(Reply.resource(429, "error-429.json").header("Retry-After", date));
        LlmException e = failure(client(Optional.empty()), Duration.ofSeconds(5));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).hasValueSatisfying(d ->
                assertThat(d).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(31)));
    }

    @Test
    void serverErrorIsServer() {
        server.enqueue(Reply.resource(500, "error-500.json"));
        LlmException e = failure(client(Optional.empty()), Duration.ofSeconds(5));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.SERVER);
        assertThat(e.getMessage()).contains("500").contains("The server had an error");
    }

    @Test
    void slowServerIsTimeout() {
        server.enqueue(Reply.resource(200, "openai-chat-completion.json").delayed(Duration.ofSeconds(3)));
        long start = System.nanoTime();
        LlmException e = failure(client(Optional.empty()), Duration.ofMillis(300));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void truncatedJsonIsBadResponse() {
        server.enqueue(Reply.resource(200, "truncated-chat-completion.json"));
        LlmException e = failure(client(Optional.empty()), Duration.ofSeconds(5));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_RESPONSE);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void connectionClosedMidBodyIsBadResponse() {
        server.enqueue(Reply.resource(200, "openai-chat-completion.json").cutOff());
        LlmException e = failure(client(Optional.empty()), Duration.ofSeconds(5));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_RESPONSE);
    }

    @Test
    void htmlPageIsBadResponse() {
        server.enqueue(Reply.resource(200, "error-html.html"));
        LlmException e = failure(client(Optional.empty()), Duration.ofSeconds(5));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("not valid JSON");
    }

    @Test
    void missingChoicesIsBadResponse() {
        server.enqueue(Reply.json(200, "{\"id\":\"x\",\"object\":\"chat.completion\"}"));
        LlmException e = failure(client(Optional.empty()), Duration.ofSeconds(5));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_RESPONSE);
    }

    @Test
    void unauthorizedIsClientErrorAndNeverShowsTheKey() {
        server.enqueue(Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
                + ". You can find your API key at https://platform.openai.com/account/api-keys.\","
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));
        OpenAiCompatibleClient client = client(Optional.of(KEY));
        LlmException e = failure(client, Duration.ofSeconds(5));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.CLIENT);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("401").contains("Incorrect API key provided").doesNotContain(KEY);
        assertThat(client.describe()).doesNotContain(KEY).contains("gpt-4o-mini");
        assertThat(client.toString()).doesNotContain(KEY);
    }

    @Test
    void unknownModelIsClientError() {
        server.enqueue(Reply.json(404, "{\"error\":{\"message\":\"model \\\"llama9\\\" not found, try pulling it first\","
                + "\"type\":\"api_error\",\"param\":null,\"code\":null}}"));
        LlmException e = failure(client(Optional.empty()), Duration.ofSeconds(5));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.CLIENT);
        assertThat(e.getMessage()).contains("not found, try pulling it first");
    }

    @Test
    void refusedConnectionIsConnection() throws IOException {
        OpenAiCompatibleClient client = new OpenAiCompatibleClient(closedPortUrl(), "m", Optional.empty());
        LlmException e = failure(client, Duration.ofSeconds(5));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.CONNECTION);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void listsModelsInOpenAiAndOllamaShapes() {
        server.enqueue(Reply.resource(200, "openai-models.json"), Reply.resource(200, "ollama-models.json"),
                Reply.resource(200, "ollama-tags.json"));
        assertThat(OpenAiCompatibleClient.listModels(server.baseUrl(), Optional.of(KEY), Duration.ofSeconds(5)))
                .containsExactly("gpt-4o-mini", "gpt-4o", "text-embedding-3-small");
        assertThat(server.lastRequest().path()).isEqualTo("/v1/models");
        assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(OpenAiCompatibleClient.listModels(server.baseUrl(), Optional.empty(), Duration.ofSeconds(5)))
                .containsExactly("llama3.1:8b", "qwen2.5:7b-instruct");
        assertThat(server.lastRequest().header("Authorization")).isNull();
        assertThat(OpenAiCompatibleClient.listModels(server.baseUrl(), Optional.empty(), Duration.ofSeconds(5)))
                .containsExactly("llama3.1:8b");
    }

    @Test
    void detectsOllamaWhereItAnswersAndNothingWhereNothingListens() throws IOException {
        server.enqueue(Reply.resource(200, "ollama-models.json"));
        assertThat(OpenAiCompatibleClient.detectOllama(server.baseUrl(), Duration.ofSeconds(2)))
                .contains(server.baseUrl());
        assertThat(OpenAiCompatibleClient.detectOllama(closedPortUrl(), Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void describeNamesProviderModelAndUrlWithoutCredentials() {
        OpenAiCompatibleClient ollama = new OpenAiCompatibleClient(URI.create("http://localhost:11434/v1/"),
                "llama3.1:8b", Optional.empty());
        assertThat(ollama.describe()).isEqualTo("ollama · llama3.1:8b · http://localhost:11434/v1");
        OpenAiCompatibleClient withUserInfo = new OpenAiCompatibleClient(
                URI.create("https://user:pw@vllm.example.org/v1?token=abc"), "qwen", Optional.of(KEY));
        assertThat(withUserInfo.describe()).isEqualTo("openai-compatible · qwen · https://vllm.example.org/v1")
                .doesNotContain("pw").doesNotContain("abc").doesNotContain(KEY);
    }

    @Test
    void parsesRetryAfterForms() {
        assertThat(OpenAiCompatibleClient.parseRetryAfter("120")).contains(Duration.ofSeconds(120));
        assertThat(OpenAiCompatibleClient.parseRetryAfter("0.5")).contains(Duration.ofMillis(500));
        assertThat(OpenAiCompatibleClient.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        assertThat(OpenAiCompatibleClient.parseRetryAfter("soon")).isEmpty();
    }

    /** A URL on a port that was free a moment ago, so nothing listens there. */
    private static URI closedPortUrl() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + "/v1");
    }
}
