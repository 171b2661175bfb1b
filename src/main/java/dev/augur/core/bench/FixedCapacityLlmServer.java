package dev.augur.core.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peer of {@code bench augment}: a local OpenAI-compatible server that answers each chat completion after a
 * fixed delay and serves at most {@code capacity} requests at once (more wait in line), so its throughput is exactly
 * {@code capacity / delay}. Answers are the smallest JSON value that satisfies the request's {@code response_format}
 * schema, so the runner's validation passes.
 */
public final class FixedCapacityLlmServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm and delayed ACKs each answer
        // would wait ~40 ms on loopback, which would measure TCP, not the runner.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService pool;
    private final Semaphore slots;
    private final Duration delay;
    private final int capacity;
    private final AtomicLong served = new AtomicLong();

    public FixedCapacityLlmServer(int capacity, Duration delay) throws IOException {
        this.capacity = capacity;
        this.delay = delay;
        this.slots = new Semaphore(capacity, true);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        this.pool = Executors.newFixedThreadPool(Math.max(8, capacity * 4), r -> {
            Thread t = new Thread(r, "bench-llm-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/v1/chat/completions", this::complete);
        server.createContext("/v1/models", ex -> send(ex, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"bench\",\"object\":\"model\"}]}"));
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** Requests per second the server can answer at most. */
    public double capacityPerSecond() {
        return capacity / (delay.toNanos() / 1e9);
    }

    public long served() {
        return served.get();
    }

    private void complete(HttpExchange ex) throws IOException {
        JsonNode body = JSON.readTree(ex.getRequestBody());
        JsonNode schema = body.path("response_format").path("json_schema").path("schema");
        String content = schema.isMissingNode() ? "ok" : JSON.writeValueAsString(example(schema));
        try {
            slots.acquire();
            try {
                Thread.sleep(delay.toMillis(), (int) (delay.toNanos() % 1_000_000));
            } finally {
                slots.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(ex, 503, "{\"error\":{\"message\":\"shutting down\"}}");
            return;
        }
        served.incrementAndGet();
        ObjectNode out = JSON.createObjectNode();
        out.put("id", "bench-" + served.get());
        out.put("object", "chat.completion");
        out.put("model", body.path("model").asText("bench"));
        ObjectNode choice = out.putArray("choices").addObject();
        choice.put("index", 0);
        choice.put("finish_reason", "stop");
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        ObjectNode usage = out.putObject("usage");
        int prompt = body.toString().length() / 4;
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", content.length() / 4 + 1);
        usage.put("total_tokens", prompt + content.length() / 4 + 1);
        send(ex, 200, out.toString());
    }

    /** The smallest value that satisfies {@code schema} (objects get their required properties, arrays minItems). */
    static JsonNode example(JsonNode schema) {
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("string");
        switch (type) {
            case "object" -> {
                ObjectNode o = JSON.createObjectNode();
                JsonNode props = schema.path("properties");
                for (JsonNode req : schema.path("required")) {
                    o.set(req.asText(), example(props.path(req.asText())));
                }
                Iterator<Map.Entry<String, JsonNode>> it = props.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!o.has(e.getKey())) {
                        o.set(e.getKey(), example(e.getValue()));
                    }
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = JSON.createArrayNode();
                int min = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < min; i++) {
                    a.add(example(schema.path("items")));
                }
                return a;
            }
            case "integer", "number" -> {
                return JSON.getNodeFactory().numberNode(Math.max(0, schema.path("minimum").asInt(1)));
            }
            case "boolean" -> {
                return JSON.getNodeFactory().booleanNode(true);
            }
            default -> {
                int min = schema.path("minLength").asInt(0);
                return JSON.getNodeFactory().textNode(min > 8 ? "x".repeat(min) : "synthetic");
            }
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
