package dev.augur.core.llm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link LlmClient} for any server that speaks the OpenAI chat-completions API: OpenAI, vLLM, the llama.cpp
 * server, LM Studio, Ollama ({@code http://localhost:11434/v1}). One {@code POST {baseUrl}/chat/completions} per
 * request with the system and user messages, temperature, seed and {@code max_tokens}; a JSON schema goes as
 * {@code response_format: {type: json_schema, json_schema: {name: output, schema, strict: true}}}.
 *
 * <p>Failures become {@link LlmException}s by kind: no answer within the request's timeout → TIMEOUT; 429 →
 * RATE_LIMITED (with Retry-After, seconds or HTTP date); 5xx → SERVER; refused/reset connection → CONNECTION; other
 * 4xx → CLIENT (with the server's error text, the key scrubbed); a 2xx whose body is cut off, not JSON or without
 * choices → BAD_RESPONSE. Thread-safe. The API key is sent as a Bearer token only; it never appears in
 * {@link #describe()}, {@link #toString()} or an exception message.
 *
 * <p>This class sends and times the requests; {@link ChatRequestBody} writes their JSON, {@link HttpExchange} and
 * {@link HttpErrors} map transport and status failures, {@link OpenAiAnswers} reads the answers.
 */
public final class OpenAiCompatibleClient implements LlmClient {

    /** Ollama's OpenAI-compatible endpoint on its default port. */
    public static final URI OLLAMA_DEFAULT = URI.create("http://localhost:11434/v1");

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final URI baseUrl;
    private final String model;
    private final Optional<Redacted> apiKey;
    private final HttpClient http;

    /**
     * @param baseUrl the API root, e.g. {@code http://localhost:11434/v1} or {@code https://api.openai.com/v1}
     * @param model   the model name as the server knows it
     * @param apiKey  sent as {@code Authorization: Bearer ...} when present (see {@link ApiKeys})
     */
    public OpenAiCompatibleClient(URI baseUrl, String model, Optional<String> apiKey) {
        this.baseUrl = ServerUrls.normalise(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.model = Objects.requireNonNull(model, "model");
        this.apiKey = apiKey.filter(k -> !k.isBlank()).map(Redacted::of);
        this.http = HttpExchange.newHttpClient(CONNECT_TIMEOUT);
    }

    @Override
    public LlmResponse complete(LlmRequest request) throws LlmException {
        byte[] body = ChatRequestBody.of(model, request);
        HttpRequest.Builder builder = HttpRequest.newBuilder(ServerUrls.resolve(baseUrl, "chat/completions"))
                .timeout(request.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        apiKey.ifPresent(k -> builder.header("Authorization", "Bearer " + k.reveal()));
        long start = System.nanoTime();
        HttpExchange exchange = HttpExchange.send(http, builder.build(), request.timeout(), secret());
        long latency = (System.nanoTime() - start) / 1_000_000;
        return OpenAiAnswers.chatCompletion(exchange.okJson(secret()), exchange.body(), request, latency, secret());
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public String describe() {
        return ServerUrls.providerName(baseUrl) + " · " + model + " · " + ServerUrls.display(baseUrl);
    }

    @Override
    public String toString() {
        return "OpenAiCompatibleClient[" + describe() + (apiKey.isPresent() ? ", key " + apiKey.get() : "") + "]";
    }

    @Override
    public void close() {
        // java.net.http.HttpClient (Java 17) holds no resources that need closing; its threads are daemons.
    }

    /** The model ids a server offers ({@code GET {baseUrl}/models}, OpenAI's {@code data[].id}; Ollama's native
     * {@code models[].name} is understood too). */
    public static List<String> listModels(URI baseUrl, Optional<String> apiKey, Duration timeout) throws LlmException {
        URI base = ServerUrls.normalise(baseUrl);
        HttpRequest.Builder builder = HttpRequest.newBuilder(ServerUrls.resolve(base, "models")).timeout(timeout)
                .header("Accept", "application/json").GET();
        Optional<String> key = apiKey.filter(k -> !k.isBlank());
        key.ifPresent(k -> builder.header("Authorization", "Bearer " + k));
        String secret = key.orElse(null);
        HttpExchange exchange = HttpExchange.send(HttpExchange.newHttpClient(min(timeout, CONNECT_TIMEOUT)),
                builder.build(), timeout, secret);
        return OpenAiAnswers.modelIds(exchange.okJson(secret), exchange.body(), secret);
    }

    /** Ollama's OpenAI endpoint ({@link #OLLAMA_DEFAULT}) when something answers there as Ollama would; never throws. */
    public static Optional<URI> detectOllama(Duration timeout) {
        return detectOllama(OLLAMA_DEFAULT, timeout);
    }

    /** As {@link #detectOllama(Duration)} for another address (a remote Ollama, or a test). */
    public static Optional<URI> detectOllama(URI baseUrl, Duration timeout) {
        try {
            listModels(baseUrl, Optional.empty(), timeout);
            return Optional.of(ServerUrls.normalise(baseUrl));
        } catch (LlmException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Retry-After as delta-seconds or an HTTP date; empty when unreadable (see {@link HttpErrors}). */
    static Optional<Duration> parseRetryAfter(String value) {
        return HttpErrors.parseRetryAfter(value);
    }

    private String secret() {
        return apiKey.map(Redacted::reveal).orElse(null);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
