package dev.augur.core.augment;

import dev.augur.core.llm.LlmClient;
import dev.augur.core.llm.LlmException;
import dev.augur.core.llm.LlmRequest;
import dev.augur.core.llm.LlmResponse;
import dev.augur.core.store.EntityRef;
import dev.augur.core.store.Generation;
import dev.augur.core.store.GenerationStore;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskMonitor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one template over a list of entities: render, look up the cache key, call the model (rate-limited, retried
 * with exponential backoff and jitter, honouring retry-after), validate and repair, and store each finished item at
 * once, ok or failed (a writer thread commits rows as they come, several per transaction under load). A fixed pool of {@code concurrency} daemon threads does the work; at
 * most twice that many items are queued. Cancelling stops new calls; items in flight finish and are stored.
 */
final class BatchRunner {
    private final Workspace ws;
    private final PromptTemplate template;
    private final long datasetId;
    private final LlmClient client;
    private final AugmentRequest request;
    private final TaskMonitor monitor;
    private final PromptRenderer renderer;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final GenerationStore store;
    private final TokenBucket bucket;
    private final String params;
    private final double temperature;
    private final long seed;
    private final String schemaJson;

    final AtomicLong generated = new AtomicLong();
    final AtomicLong cached = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong llmCalls = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong reasks = new AtomicLong();
    final AtomicLong promptTokens = new AtomicLong();
    final AtomicLong completionTokens = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicReference<Throwable> crash = new AtomicReference<>();
    private long startNanos;
    private volatile long lastMessageNanos;

    BatchRunner(Workspace ws, PromptTemplate template, long datasetId, LlmClient client, AugmentRequest request,
                TaskMonitor monitor, PromptRenderer renderer, Duration baseDelay, Duration maxDelay) {
        this.ws = ws;
        this.template = template;
        this.datasetId = datasetId;
        this.client = client;
        this.request = request;
        this.monitor = monitor;
        this.renderer = renderer;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.store = ws.generations();
        this.bucket = new TokenBucket(request.requestsPerSecond());
        this.temperature = request.temperature().orElse(template.temperature());
        this.seed = request.seed().orElse(AugmentRequest.DEFAULT_SEED);
        this.params = canonicalParams(temperature, seed, template.maxTokens());
        this.schemaJson = template.schemaJson();
    }

    /** Processes every entity; throws {@link TaskCancelledException} when cancelled, or rethrows a crash. */
    void run(List<EntityRef> entities) {
        startNanos = System.nanoTime();
        int n = request.concurrency();
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "augment-" + template.id() + "-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Semaphore slots = new Semaphore(2 * n);
        Writer writer = new Writer();
        writer.start();
        try {
            for (EntityRef e : entities) {
                if (monitor.isCancelled() || crash.get() != null) {
                    break;
                }
                Prepared prepared;
                try {
                    prepared = prepare(e); // reads and renders here, so the workers only wait for the model
                } catch (RuntimeException t) {
                    crash.compareAndSet(null, t);
                    break;
                }
                if (prepared == null) {
                    continue; // cached
                }
                slots.acquire();
                pool.execute(() -> {
                    try {
                        if (!monitor.isCancelled() && crash.get() == null) {
                            writer.add(complete(prepared));
                        }
                    } catch (Cancelled c) {
                        // stopped before its call; nothing stored, the next run does it
                    } catch (Throwable t) {
                        crash.compareAndSet(null, t);
                    } finally {
                        slots.release();
                    }
                });
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            crash.compareAndSet(null, new TaskCancelledException());
        } finally {
            pool.shutdown();
            try {
                while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    report(true);
                }
            } catch (InterruptedException ie) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
            writer.finish(); // every finished item is committed before run returns or throws
        }
        Throwable t = crash.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
        if (monitor.isCancelled()) {
            throw new TaskCancelledException();
        }
        report(true);
    }

    private record Prepared(EntityRef ref, RenderedPrompt prompt, String key) {
    }

    /** Renders one entity's prompt; null (and counted) when its cache key already has an ok generation. */
    private Prepared prepare(EntityRef ref) {
        EntityData data = renderer.load(ws, datasetId, template.target(), ref.id());
        RenderedPrompt prompt = renderer.render(template, data);
        String key = cacheKey(template, prompt, client.model(), params);
        if (store.findOkByCacheKey(key).isPresent()) {
            cached.incrementAndGet();
            finished();
            return null;
        }
        return new Prepared(ref, prompt, key);
    }

    /** Calls the model (with retries and one re-ask) and returns the row to store, ok or failed. */
    private Generation complete(Prepared p) {
        EntityRef ref = p.ref();
        RenderedPrompt prompt = p.prompt();
        String key = p.key();
        String promptJson = promptJson(prompt);
        String promptHash = sha256(prompt.system() + "\u0000" + prompt.user());
        long latency = 0;
        int inTokens = 0;
        int outTokens = 0;
        Generation row;
        try {
            LlmResponse first = call(prompt.system(), prompt.user());
            long[] acc = {first.latencyMillis(), first.promptTokens(), first.completionTokens()};
            OutputValidator validator = new OutputValidator(template.schema());
            OutputValidator.Outcome outcome = validator.validateOrRepair(first.text(), (previous, errors) -> {
                reasks.incrementAndGet();
                LlmResponse again = call(prompt.system(), reask(prompt.user(), previous, errors));
                acc[0] += again.latencyMillis();
                acc[1] += again.promptTokens();
                acc[2] += again.completionTokens();
                return again.text();
            });
            latency = acc[0];
            inTokens = (int) acc[1];
            outTokens = (int) acc[2];
            row = Generation.llm(datasetId, template.target().kind(), ref.id(), template.id(), template.version(), key,
                    client.model(), params, promptHash, promptJson, latency, inTokens, outTokens, outcome.raw(),
                    outcome.json(), outcome.valid() ? Generation.OK : Generation.FAILED,
                    outcome.valid() ? "" : "invalid output: " + outcome.reason());
        } catch (LlmException e) {
            row = Generation.llm(datasetId, template.target().kind(), ref.id(), template.id(), template.version(), key,
                    client.model(), params, promptHash, promptJson, latency, inTokens, outTokens, "", "",
                    Generation.FAILED, e.kind() + ": " + e.getMessage());
        }
        return row;
    }

    /**
     * Commits finished rows as soon as it can, several per transaction when they arrive together (group commit), so
     * the workers never wait for SQLite. An item counts as finished once its row is committed: a killed run repeats
     * at most the rows still in this queue, never a committed one.
     */
    private final class Writer extends Thread {
        private final BlockingQueue<Generation> queue = new LinkedBlockingQueue<>();
        private volatile boolean closing;

        Writer() {
            super("augment-writer-" + template.id());
            setDaemon(true);
        }

        void add(Generation row) {
            queue.add(row);
        }

        @Override
        public void run() {
            List<Generation> batch = new ArrayList<>();
            while (true) {
                Generation first;
                try {
                    first = queue.poll(20, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.clear();
                batch.add(first);
                queue.drainTo(batch, 255);
                try {
                    store.put(batch);
                } catch (RuntimeException e) {
                    crash.compareAndSet(null, e);
                    return;
                }
                for (Generation row : batch) {
                    promptTokens.addAndGet(row.promptTokens());
                    completionTokens.addAndGet(row.completionTokens());
                    (row.ok() ? generated : failed).incrementAndGet();
                    finished();
                }
            }
        }

        void finish() {
            closing = true;
            try {
                join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One completion with rate limit and retries; throws the last error when retries are exhausted. */
    private LlmResponse call(String system, String user) {
        LlmRequest req = new LlmRequest(system, user, Optional.of(schemaJson), temperature, seed, template.maxTokens(),
                request.timeout());
        int attempt = 0;
        int badResponses = 0;
        while (true) {
            if (monitor.isCancelled()) {
                throw new Cancelled();
            }
            try {
                bucket.acquire();
                llmCalls.incrementAndGet();
                return client.complete(req);
            } catch (LlmException e) {
                if (e.kind() == LlmException.Kind.BAD_RESPONSE && ++badResponses > 1) {
                    throw e; // retryable once
                }
                if (!e.retryable() || attempt >= request.maxRetries()) {
                    throw e;
                }
                attempt++;
                retries.incrementAndGet();
                sleep(backoff(attempt, e.retryAfter()));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new Cancelled();
            }
        }
    }

    /** retry-after when the server said; else base·2^(attempt-1), capped, with jitter in [½, 1]. */
    Duration backoff(int attempt, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            return retryAfter.get();
        }
        long base = baseDelay.toMillis() << Math.min(20, attempt - 1);
        long capped = Math.min(base, maxDelay.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
    }

    static String reask(String user, String previous, List<String> errors) {
        StringBuilder b = new StringBuilder(user);
        b.append("\n\nYour previous answer (in the data block below) does not match the required JSON schema:\n");
        for (String e : errors) {
            b.append("- ").append(e).append('\n');
        }
        b.append(PromptRenderer.dataBlock("previous-answer", previous));
        b.append("\nAnswer again with only the corrected JSON object.");
        return b.toString();
    }

    private void finished() {
        done.incrementAndGet();
        report(false);
    }

    /** Progress on every item; the message line at most five times a second unless forced. */
    private void report(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastMessageNanos < 200_000_000L && done.get() < expected) {
            monitor.progress(done.get(), expected);
            return;
        }
        lastMessageNanos = now;
        long d = done.get();
        double secs = Math.max(1e-3, (now - startNanos) / 1e9);
        double itemsPerSec = d / secs;
        double tokPerSec = completionTokens.get() / secs;
        long left = Math.max(0, expected - d);
        String eta = itemsPerSec > 0 ? duration((long) (left / itemsPerSec)) : "?";
        monitor.progress(d, expected);
        monitor.message(String.format(java.util.Locale.ROOT,
                "%s v%d on %s: %d/%d · %.1f items/s · %.0f tokens/s · ETA %s · %d cached · %d failed",
                template.id(), template.version(), template.target().id(), d, expected, itemsPerSec, tokPerSec, eta,
                cached.get(), failed.get()));
    }

    private volatile long expected;

    void expect(long total) {
        this.expected = total;
    }

    private static String duration(long s) {
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    // ---- keys ------------------------------------------------------------------------------------------------

    static String canonicalParams(double temperature, long seed, int maxTokens) {
        Map<String, Object> m = new TreeMap<>();
        m.put("maxTokens", maxTokens);
        m.put("seed", seed);
        m.put("temperature", temperature);
        try {
            return PromptTemplate.JSON.writeValueAsString(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 (hex) over template id + version, the rendered system and user messages, model and parameters. */
    static String cacheKey(PromptTemplate t, RenderedPrompt p, String model, String canonicalParams) {
        return sha256(t.id() + "@" + t.version() + "\u0000" + p.system() + "\u0000" + p.user() + "\u0000" + model
                + "\u0000" + canonicalParams);
    }

    static String promptJson(RenderedPrompt p) {
        Map<String, String> m = new TreeMap<>();
        m.put("system", p.system());
        m.put("user", p.user());
        try {
            return PromptTemplate.JSON.writeValueAsString(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Thrown inside a worker when the run was cancelled before a call. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
