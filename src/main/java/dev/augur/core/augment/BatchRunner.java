package dev.augur.core.augment;

import dev.augur.core.llm.LlmClient;
import dev.augur.core.store.EntityRef;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskMonitor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one template over a list of entities: render, look up the cache key, call the model (rate-limited, retried
 * with exponential backoff and jitter, honouring retry-after), validate and repair, and store each finished item at
 * once, ok or failed (a writer thread commits rows as they come, several per transaction under load). A fixed pool of
 * {@code concurrency} daemon threads does the work; at most twice that many items are queued. Cancelling stops new
 * calls; items in flight finish and are stored. The pieces: {@link ItemGenerator} (one item), {@link RetryingCaller}
 * (one call), {@link GenerationWriter} (commits), {@link BatchTally} (counts and progress).
 */
final class BatchRunner {
    private final PromptTemplate template;
    private final AugmentRequest request;
    private final TaskMonitor monitor;
    private final Workspace ws;
    private final RetryingCaller caller;
    private final BatchTally tally;
    private final ItemGenerator generator;
    private final AtomicReference<Throwable> crash = new AtomicReference<>();

    BatchRunner(Workspace ws, PromptTemplate template, long datasetId, LlmClient client, AugmentRequest request,
                TaskMonitor monitor, PromptRenderer renderer, Duration baseDelay, Duration maxDelay) {
        this.ws = ws;
        this.template = template;
        this.request = request;
        this.monitor = monitor;
        this.caller = new RetryingCaller(client, monitor, new TokenBucket(request.requestsPerSecond()),
                request.maxRetries(), RetryingCaller.Backoff.jittered(baseDelay, maxDelay));
        this.tally = new BatchTally(template, monitor);
        this.generator = new ItemGenerator(ws, template, datasetId, client, request, renderer, caller, tally);
    }

    void expect(long total) {
        tally.expect(total);
    }

    /** The counts so far (model calls and retries are {@link #llmCalls()} and {@link #retries()}). */
    BatchTally tally() {
        return tally;
    }

    long llmCalls() {
        return caller.calls();
    }

    long retries() {
        return caller.retries();
    }

    /** Processes every entity; throws {@link TaskCancelledException} when cancelled, or rethrows a crash. */
    void run(List<EntityRef> entities) {
        tally.start();
        int n = request.concurrency();
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "augment-" + template.id() + "-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Semaphore slots = new Semaphore(2 * n);
        GenerationWriter writer = new GenerationWriter(template.id(), ws.generations(), crash, tally::committed);
        writer.start();
        try {
            for (EntityRef e : entities) {
                if (monitor.isCancelled() || crash.get() != null) {
                    break;
                }
                Optional<ItemGenerator.Prepared> prepared;
                try {
                    prepared = generator.prepare(e); // reads and renders here, so the workers only wait for the model
                } catch (RuntimeException t) {
                    crash.compareAndSet(null, t);
                    break;
                }
                if (prepared.isEmpty()) {
                    continue; // cached
                }
                slots.acquire();
                pool.execute(() -> {
                    try {
                        if (!monitor.isCancelled() && crash.get() == null) {
                            writer.add(generator.complete(prepared.get()));
                        }
                    } catch (RetryingCaller.Cancelled c) {
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
                    tally.report(true);
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
        tally.report(true);
    }
}
