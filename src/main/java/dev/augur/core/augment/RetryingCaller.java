package dev.augur.core.augment;

import dev.augur.core.llm.LlmClient;
import dev.augur.core.llm.LlmException;
import dev.augur.core.llm.LlmRequest;
import dev.augur.core.llm.LlmResponse;
import dev.augur.core.task.TaskMonitor;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One completion with retries, for the pipelines that put many prompts to a model (augment, synth): waits for the
 * rate limit, retries a retryable failure up to {@code maxRetries} times after the server's retry-after or else the
 * backoff, a bad response only once, and makes no call once the run is cancelled. Counts calls and retries.
 */
public final class RetryingCaller {
    /** The wait before retry number {@code attempt} (from 1) when the server named none. */
    @FunctionalInterface
    public interface Backoff {
        Duration before(int attempt);

        /** base·2^(attempt-1), capped at {@code max}, with jitter in [½, 1]. */
        static Backoff jittered(Duration base, Duration max) {
            return attempt -> {
                long doubled = base.toMillis() << Math.min(20, attempt - 1);
                long capped = Math.min(doubled, max.toMillis());
                return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
            };
        }
    }

    /** Thrown instead of a call when the run was cancelled (or the thread interrupted while it waited). */
    public static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    private final LlmClient client;
    private final TaskMonitor monitor;
    private final TokenBucket bucket;
    private final int maxRetries;
    private final Backoff backoff;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    /** Without a rate limit. */
    public RetryingCaller(LlmClient client, TaskMonitor monitor, int maxRetries, Backoff backoff) {
        this(client, monitor, new TokenBucket(0), maxRetries, backoff);
    }

    RetryingCaller(LlmClient client, TaskMonitor monitor, TokenBucket bucket, int maxRetries, Backoff backoff) {
        this.client = client;
        this.monitor = monitor;
        this.bucket = bucket;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
    }

    /**
     * The model's answer to {@code req}; throws the last {@link LlmException} when it is not retryable or the retries
     * are used up, and {@link Cancelled} when the run was cancelled before a call.
     */
    public LlmResponse complete(LlmRequest req) {
        int attempt = 0;
        int badResponses = 0;
        while (true) {
            if (monitor.isCancelled()) {
                throw new Cancelled();
            }
            try {
                bucket.acquire();
                calls.incrementAndGet();
                return client.complete(req);
            } catch (LlmException e) {
                if (e.kind() == LlmException.Kind.BAD_RESPONSE && ++badResponses > 1) {
                    throw e; // retryable once
                }
                if (!e.retryable() || attempt >= maxRetries) {
                    throw e;
                }
                attempt++;
                retries.incrementAndGet();
                int retry = attempt;
                sleep(e.retryAfter().orElseGet(() -> backoff.before(retry)));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new Cancelled();
            }
        }
    }

    /** Calls made, retries included. */
    public long calls() {
        return calls.get();
    }

    /** Calls repeated after a retryable failure. */
    public long retries() {
        return retries.get();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
    }
}
