package dev.augur.core.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The one executor for background jobs in the app: named daemon threads, every job listed (running and
 * finished) so the Jobs view and the status bar can show them, and uncaught failures logged, never lost.
 */
public final class TaskExecutor implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TaskExecutor.class.getName());

    private final ExecutorService pool;
    private final AtomicLong ids = new AtomicLong();
    private final List<Job<?>> jobs = new CopyOnWriteArrayList<>();
    private final List<Consumer<Job<?>>> submitListeners = new CopyOnWriteArrayList<>();

    public TaskExecutor(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "augur-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    public <T> Job<T> submit(String name, BackgroundTask<T> task) {
        Job<T> job = new Job<>(ids.incrementAndGet(), name);
        jobs.add(job);
        submitListeners.forEach(l -> l.accept(job));
        pool.execute(() -> {
            job.run(task);
            job.result().whenComplete((v, e) -> {
                if (e != null && !(e instanceof TaskCancelledException)) {
                    LOG.log(System.Logger.Level.WARNING, "job '" + name + "' failed", e);
                }
            });
        });
        return job;
    }

    /** Every job submitted since start, oldest first. */
    public List<Job<?>> jobs() {
        return new ArrayList<>(jobs);
    }

    public void onSubmit(Consumer<Job<?>> listener) {
        submitListeners.add(listener);
    }

    @Override
    public void close() {
        jobs.forEach(Job::cancel);
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
