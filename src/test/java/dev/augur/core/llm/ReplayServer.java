package dev.augur.core.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP server (ephemeral port, loopback) that answers each request with the next canned {@link Reply} from
 * its queue, and records what it was sent. With no reply queued it answers 599. Replies can wait before answering
 * or cut the connection after half the body.
 */
final class ReplayServer implements AutoCloseable {

    /** One canned answer. */
    record Reply(int status, Map<String, String> headers, byte[] body, Duration delay, boolean cutMidBody) {

        static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8),
                    Duration.ZERO, false);
        }

        /** A body from {@code src/test/resources/llm/<name>}. */
        static Reply resource(int status, String name) {
            String type = name.endsWith(".html") ? "text/html" : "application/json";
            return new Reply(status, Map.of("Content-Type", type), read(name), Duration.ZERO, false);
        }

        Reply header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body, delay, cutMidBody);
        }

        Reply delayed(Duration d) {
            return new Reply(status, headers, body, d, cutMidBody);
        }

        /** Promise the whole body (Content-Length), send half, then close the connection. */
        Reply cutOff() {
            return new Reply(status, headers, body, delay, true);
        }
    }

    /** One request as received. */
    record Recorded(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "replay-server");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    ReplayServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    ReplayServer enqueue(Reply... rs) {
        replies.addAll(List.of(rs));
        return this;
    }

    /** {@code http://127.0.0.1:<port>/v1}. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    Recorded lastRequest() {
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
        }
        Reply reply = replies.poll();
        if (reply == null) {
            reply = Reply.json(599, "{\"error\":\"no reply queued\"}");
        }
        try {
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] body = reply.body();
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            OutputStream out = exchange.getResponseBody();
            if (reply.cutMidBody()) {
                out.write(body, 0, body.length / 2);
                out.flush();
                exchange.close(); // fewer bytes than promised: the server drops the connection
                return;
            }
            out.write(body);
            out.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (timeout tests) or the cut-off above: expected
        } finally {
            exchange.close();
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = ReplayServer.class.getResourceAsStream("/llm/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /llm/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
