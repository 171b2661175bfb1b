package dev.augur.core.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

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
 */
public final class OpenAiCompatibleClient implements LlmClient {

    /** Ollama's OpenAI-compatible endpoint on its default port. */
    public static final URI OLLAMA_DEFAULT = URI.create("http://localhost:11434/v1");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_ERROR_TEXT = 500;

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
        this.baseUrl = normalise(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.model = Objects.requireNonNull(model, "model");
        this.apiKey = apiKey.filter(k -> !k.isBlank()).map(Redacted::of);
        this.http = newHttpClient(CONNECT_TIMEOUT);
    }

    @Override
    public LlmResponse complete(LlmRequest request) throws LlmException {
        byte[] body = requestBody(request);
        HttpRequest.Builder builder = HttpRequest.newBuilder(resolve(baseUrl, "chat/completions"))
                .timeout(request.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        apiKey.ifPresent(k -> builder.header("Authorization", "Bearer " + k.reveal()));
        long start = System.nanoTime();
        Exchange exchange = send(http, builder.build(), request.timeout(), secret());
        long latency = (System.nanoTime() - start) / 1_000_000;
        JsonNode root = parseOk(exchange, secret());
        JsonNode choice = root.path("choices").path(0);
        if (choice.isMissingNode()) {
            throw new LlmException(LlmException.Kind.BAD_RESPONSE,
                    "the server answered without choices: " + snippet(exchange.body, secret()));
        }
        JsonNode content = choice.path("message").path("content");
        if (!content.isTextual()) {
            String refusal = choice.path("message").path("refusal").asText("");
            throw new LlmException(LlmException.Kind.BAD_RESPONSE, refusal.isEmpty()
                    ? "the server's first choice has no text content"
                    : "the model refused: " + Redacted.scrub(refusal, secret()));
        }
        String text = content.asText();
        JsonNode usage = root.path("usage");
        int promptTokens = usage.path("prompt_tokens").isNumber() ? usage.path("prompt_tokens").asInt()
                : estimateTokens(request.system()) + estimateTokens(request.user());
        int completionTokens = usage.path("completion_tokens").isNumber()
                ? usage.path("completion_tokens").asInt() : estimateTokens(text);
        String finish = choice.path("finish_reason").isTextual() ? choice.path("finish_reason").asText() : "unknown";
        return new LlmResponse(text, promptTokens, completionTokens, latency, finish);
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public String describe() {
        return providerName(baseUrl) + " · " + model + " · " + displayUrl(baseUrl);
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
        URI base = normalise(baseUrl);
        HttpRequest.Builder builder = HttpRequest.newBuilder(resolve(base, "models")).timeout(timeout)
                .header("Accept", "application/json").GET();
        Optional<String> key = apiKey.filter(k -> !k.isBlank());
        key.ifPresent(k -> builder.header("Authorization", "Bearer " + k));
        String secret = key.orElse(null);
        Exchange exchange = send(newHttpClient(min(timeout, CONNECT_TIMEOUT)), builder.build(), timeout, secret);
        JsonNode root = parseOk(exchange, secret);
        List<String> ids = new ArrayList<>();
        for (JsonNode m : root.path("data")) {
            if (m.path("id").isTextual()) {
                ids.add(m.path("id").asText());
            }
        }
        for (JsonNode m : root.path("models")) {
            JsonNode name = m.has("name") ? m.path("name") : m.path("model");
            if (name.isTextual()) {
                ids.add(name.asText());
            }
        }
        if (ids.isEmpty() && !root.path("data").isArray() && !root.path("models").isArray()) {
            throw new LlmException(LlmException.Kind.BAD_RESPONSE,
                    "not a model list: " + snippet(exchange.body, secret));
        }
        return List.copyOf(ids);
    }

    /** Ollama's OpenAI endpoint ({@link #OLLAMA_DEFAULT}) when something answers there as Ollama would; never throws. */
    public static Optional<URI> detectOllama(Duration timeout) {
        return detectOllama(OLLAMA_DEFAULT, timeout);
    }

    /** As {@link #detectOllama(Duration)} for another address (a remote Ollama, or a test). */
    public static Optional<URI> detectOllama(URI baseUrl, Duration timeout) {
        try {
            listModels(baseUrl, Optional.empty(), timeout);
            return Optional.of(normalise(baseUrl));
        } catch (LlmException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    byte[] requestBody(LlmRequest request) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", model);
        ArrayNode messages = root.putArray("messages");
        if (request.system() != null && !request.system().isEmpty()) {
            messages.addObject().put("role", "system").put("content", request.system());
        }
        messages.addObject().put("role", "user").put("content", request.user());
        root.put("temperature", request.temperature());
        root.put("seed", request.seed());
        root.put("max_tokens", request.maxTokens());
        root.put("stream", false);
        if (request.jsonSchema().isPresent()) {
            JsonNode schema;
            try {
                schema = JSON.readTree(request.jsonSchema().get());
            } catch (JsonProcessingException e) {
                throw new LlmException(LlmException.Kind.CONFIGURATION,
                        "the request's JSON schema is not valid JSON: " + e.getOriginalMessage());
            }
            ObjectNode format = root.putObject("response_format");
            format.put("type", "json_schema");
            ObjectNode jsonSchema = format.putObject("json_schema");
            jsonSchema.put("name", "output");
            jsonSchema.set("schema", schema);
            jsonSchema.put("strict", true);
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String secret() {
        return apiKey.map(Redacted::reveal).orElse(null);
    }

    /** Status and raw body of one exchange that produced a complete response. */
    private record Exchange(int status, HttpResponse<byte[]> response, String body) {
    }

    private static Exchange send(HttpClient http, HttpRequest request, Duration timeout, String secret) {
        AtomicInteger status = new AtomicInteger(-1);
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            status.set(info.statusCode());
            return HttpResponse.BodySubscribers.ofByteArray();
        };
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, handler);
        HttpResponse<byte[]> response;
        try {
            response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timeout(request, timeout, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.TIMEOUT, "interrupted while waiting for " + where(request),
                    null, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            int code = status.get();
            if (cause instanceof HttpTimeoutException) {
                throw timeout(request, timeout, cause);
            }
            if (code >= 200 && code < 300) {
                throw new LlmException(LlmException.Kind.BAD_RESPONSE, "the response from " + where(request)
                        + " was cut off (HTTP " + code + "): " + Redacted.scrub(String.valueOf(cause.getMessage()), secret),
                        null, cause);
            }
            if (code >= 0) {
                throw statusError(code, Optional.empty(), "(the body was cut off)", where(request), secret);
            }
            if (cause instanceof ConnectException || cause instanceof IOException) {
                String msg = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
                throw new LlmException(LlmException.Kind.CONNECTION, "cannot reach " + where(request) + ": "
                        + Redacted.scrub(msg, secret), null, cause);
            }
            throw new LlmException(LlmException.Kind.CONNECTION, "request to " + where(request) + " failed: "
                    + cause, null, cause);
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        return new Exchange(response.statusCode(), response, body);
    }

    private static JsonNode parseOk(Exchange exchange, String secret) {
        int code = exchange.status;
        String where = where(exchange.response.request());
        if (code < 200 || code >= 300) {
            Optional<String> retryAfter = exchange.response.headers().firstValue("Retry-After");
            throw statusError(code, retryAfter, errorText(exchange.body), where, secret);
        }
        try {
            JsonNode root = JSON.readTree(exchange.body);
            if (root == null || !root.isObject()) {
                throw new LlmException(LlmException.Kind.BAD_RESPONSE, "the answer from " + where
                        + " is not a JSON object: " + snippet(exchange.body, secret));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new LlmException(LlmException.Kind.BAD_RESPONSE, "the answer from " + where
                    + " is not valid JSON (truncated or an HTML page?): " + snippet(exchange.body, secret), null, e);
        }
    }

    private static LlmException statusError(int code, Optional<String> retryAfter, String text, String where,
                                            String secret) {
        String message = "HTTP " + code + " from " + where + ": " + Redacted.scrub(text, secret);
        if (code == 429) {
            return new LlmException(LlmException.Kind.RATE_LIMITED, message,
                    retryAfter.flatMap(OpenAiCompatibleClient::parseRetryAfter).orElse(null), null);
        }
        if (code >= 500) {
            return new LlmException(LlmException.Kind.SERVER, message);
        }
        if (code >= 400) {
            return new LlmException(LlmException.Kind.CLIENT, message);
        }
        return new LlmException(LlmException.Kind.BAD_RESPONSE, message);
    }

    private static LlmException timeout(HttpRequest request, Duration timeout, Throwable cause) {
        return new LlmException(LlmException.Kind.TIMEOUT, "no answer from " + where(request) + " within "
                + timeout.toMillis() + " ms", null, cause);
    }

    /** Retry-After as delta-seconds or an HTTP date; empty when unreadable. */
    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.strip();
        try {
            return Optional.of(Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(v) * 1000))));
        } catch (NumberFormatException e) {
            // not seconds: try an HTTP date
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(Instant.now(), at.toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The server's own error message ({@code error.message}, {@code error}, {@code message, detail}) or the body. */
    private static String errorText(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null) {
                JsonNode error = root.path("error");
                if (error.path("message").isTextual()) {
                    return truncate(error.path("message").asText());
                }
                if (error.isTextual()) {
                    return truncate(error.asText());
                }
                for (String field : new String[]{"message", "detail"}) {
                    if (root.path(field).isTextual()) {
                        return truncate(root.path(field).asText());
                    }
                }
            }
        } catch (JsonProcessingException e) {
            // not JSON: fall through to the raw text
        }
        return truncate(body.strip());
    }

    private static String snippet(String body, String secret) {
        return Redacted.scrub(truncate(body.strip()), secret);
    }

    private static String truncate(String s) {
        return s.length() <= MAX_ERROR_TEXT ? s : s.substring(0, MAX_ERROR_TEXT) + "…";
    }

    static int estimateTokens(String text) {
        return text == null ? 0 : (text.length() + 3) / 4;
    }

    private static String where(HttpRequest request) {
        return displayUrl(request.uri());
    }

    private static HttpClient newHttpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // local servers speak HTTP/1.1 only; skip the h2c upgrade
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static URI normalise(URI uri) {
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        URI u = URI.create(s);
        if (u.getScheme() == null || u.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + displayUrl(u));
        }
        return u;
    }

    private static URI resolve(URI base, String path) {
        return URI.create(base + "/" + path);
    }

    /** The URL without user info, query or fragment (those can carry credentials). */
    static String displayUrl(URI uri) {
        if (uri.getHost() == null) {
            return "(invalid URL)";
        }
        String port = uri.getPort() >= 0 ? ":" + uri.getPort() : "";
        return uri.getScheme() + "://" + uri.getHost() + port + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    static String providerName(URI baseUrl) {
        String host = baseUrl.getHost() == null ? "" : baseUrl.getHost().toLowerCase(Locale.ROOT);
        if (baseUrl.getPort() == 11434 || host.contains("ollama")) {
            return "ollama";
        }
        if (host.endsWith("openai.com")) {
            return "openai";
        }
        if (baseUrl.getPort() == 1234) {
            return "lm studio";
        }
        return "openai-compatible";
    }
}
