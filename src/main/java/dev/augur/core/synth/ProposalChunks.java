package dev.augur.core.synth;

import dev.augur.core.rank.Interactions;
import dev.augur.core.store.SyntheticProposal;
import dev.augur.core.store.SyntheticStore;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Committing proposals: asks the jobs {@value #CHUNK} at a time on {@code concurrency} daemon threads and stores each
 * chunk's proposals together, so an interrupted run keeps what it made. A pair proposed before (in any status, even
 * rejected) is neither asked again nor stored twice.
 */
final class ProposalChunks {
    /** Prompts whose proposals are committed together. */
    static final int CHUNK = 16;

    private final SynthAnswerer answerer;
    private final SyntheticStore synthetic;
    private final long datasetId;
    private final Interactions interactions;
    private final SynthTally tally;
    private final TaskMonitor monitor;

    /** @param interactions the observed data whose dense users and items the jobs' picks refer to */
    ProposalChunks(SynthAnswerer answerer, SyntheticStore synthetic, long datasetId, Interactions interactions,
                   SynthTally tally, TaskMonitor monitor) {
        this.answerer = answerer;
        this.synthetic = synthetic;
        this.datasetId = datasetId;
        this.interactions = interactions;
        this.tally = tally;
        this.monitor = monitor;
    }

    /**
     * Asks every job not yet proposed, committing chunk by chunk; throws {@link TaskCancelledException} when cancelled.
     *
     * @param threads    worker threads, each with one question in flight
     * @param modelShown the model as people know it ({@code LlmClient.describe()}), for the progress message
     */
    void ask(List<SynthJob> jobs, ProposedPairs proposed, int threads, String modelShown) {
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "synth-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        monitor.message("Asking " + modelShown + " about " + jobs.size() + (jobs.isEmpty() || jobs.get(0)
                .pair() ? " pairs" : " users"));
        long done = 0;
        try {
            for (int from = 0; from < jobs.size() && !monitor.isCancelled(); from += CHUNK) {
                List<Future<List<SyntheticProposal>>> futures = new ArrayList<>();
                for (SynthJob job : jobs.subList(from, Math.min(jobs.size(), from + CHUNK))) {
                    CandidatePicker.Pick first = job.picks().get(0);
                    if (job.pair() && proposed.contains(interactions.userIds()[first.user()],
                            interactions.itemIds()[first.item()])) {
                        tally.duplicates.incrementAndGet(); // asked before: the store has its proposal
                        continue;
                    }
                    futures.add(pool.submit(() -> answerer.answer(job)));
                }
                List<SyntheticProposal> chunk = new ArrayList<>();
                for (Future<List<SyntheticProposal>> f : futures) {
                    chunk.addAll(get(f));
                }
                commit(chunk, proposed);
                done = Math.min(jobs.size(), from + CHUNK);
                monitor.progress(done, jobs.size());
                monitor.message(String.format(java.util.Locale.ROOT,
                        "%d/%d asked · %d created · %d cached · %d failed · %d invalid", done, jobs.size(),
                        tally.created.get(), tally.cached.get(), tally.failed.get(), tally.invalid.get()));
            }
        } finally {
            pool.shutdownNow();
        }
        if (monitor.isCancelled()) {
            throw new TaskCancelledException();
        }
    }

    private static List<SyntheticProposal> get(Future<List<SyntheticProposal>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskCancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stores a chunk's proposals, dropping pairs proposed before (in any status, even rejected). */
    private void commit(List<SyntheticProposal> chunk, ProposedPairs proposed) {
        List<SyntheticProposal> fresh = new ArrayList<>();
        for (SyntheticProposal p : chunk) {
            if (proposed.add(p.userId(), p.itemId())) {
                fresh.add(p);
            } else {
                tally.duplicates.incrementAndGet();
            }
        }
        if (!fresh.isEmpty()) {
            SyntheticStore.Added added = synthetic.add(datasetId, fresh);
            tally.created.addAndGet(added.created());
            tally.duplicates.addAndGet(added.duplicates());
        }
    }
}
