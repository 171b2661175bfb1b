package dev.augur.core.projection;

import dev.augur.core.store.StoredProjection;
import dev.augur.core.store.VectorMatrix;
import dev.augur.core.store.VectorSetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 2-D layouts of vector sets for the embedding map, computed once and kept in the workspace
 * ({@link Workspace#projections()}). A stored layout is reused while its vector set is unchanged: the same number of
 * vectors and the same latest write as when it was computed; otherwise it is computed again and replaces the old one.
 * PCA takes the first two principal components; UMAP runs {@link Umap} with the given parameters. Both are
 * deterministic, so a recomputation of an unchanged set gives the same layout.
 */
public final class ProjectionService {
    private static final String PCA_PARAMS = "components=2";

    private final int threads;
    private final AtomicLong computed = new AtomicLong();

    /** A service using every core for the PCA and neighbour phases. */
    public ProjectionService() {
        this(Parallel.defaultThreads());
    }

    public ProjectionService(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, not " + threads);
        }
        this.threads = threads;
    }

    /** The canonical parameter string of a layout (the cache key): UMAP's {@link UmapParams#canonical()}, PCA's fixed. */
    public static String params(ProjectionMethod method, UmapParams params) {
        return method == ProjectionMethod.UMAP ? params.canonical() : PCA_PARAMS;
    }

    /**
     * The stored layout of {@code set} by {@code method} (and {@code params} for UMAP), computing and storing it when
     * there is none or the set has changed since.
     * @throws IllegalArgumentException when the workspace holds no such vector set (any more)
     * @throws dev.augur.core.task.TaskCancelledException when the monitor is cancelled; nothing is stored then
     */
    public Projection project(Workspace ws, VectorSetInfo set, ProjectionMethod method, UmapParams params,
                              TaskMonitor monitor) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(params, "params");
        VectorSetInfo current = current(ws, set).orElseThrow(() -> new IllegalArgumentException("the workspace holds no"
                + " vectors of " + describe(set) + " (any more)"));
        Optional<Projection> hit = stored(ws, current, method, params);
        if (hit.isPresent()) {
            monitor.message("Using the stored " + method.id() + " layout of " + describe(set));
            monitor.progress(1, 1);
            return hit.get();
        }
        long start = System.nanoTime();
        monitor.message("Loading " + current.count() + " vectors of " + describe(set));
        VectorMatrix m = ws.vectors().load(set.datasetId(), set.kind(), set.field(), set.encoder());
        monitor.checkCancelled();
        float[] xy = compute(m, method, params, monitor);
        double seconds = (System.nanoTime() - start) / 1e9;
        computed.incrementAndGet();
        Projection p = new Projection(set.datasetId(), set.kind(), set.field(), set.encoder(), method,
                params(method, params), m.entityIds(), xy, seconds, Instant.now().toString());
        ws.projections().put(new StoredProjection(p.datasetId(), p.kind(), p.field(), p.encoder(), method.id(),
                p.params(), current.count(), current.updatedAt(), p.entityIds(), p.xy(), p.seconds(), p.createdAt()));
        return p;
    }

    /** The stored layout, when there is one and the set is unchanged since it was computed. */
    public Optional<Projection> cached(Workspace ws, VectorSetInfo set, ProjectionMethod method, UmapParams params) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(params, "params");
        return current(ws, set).flatMap(c -> stored(ws, c, method, params));
    }

    /** Layouts computed (not found stored) by this service so far. */
    long computations() {
        return computed.get();
    }

    private float[] compute(VectorMatrix m, ProjectionMethod method, UmapParams params, TaskMonitor monitor) {
        int n = m.size();
        int d = m.dims();
        if (n == 0) {
            return new float[0];
        }
        if (method == ProjectionMethod.UMAP) {
            return Umap.embed(m.data(), n, d, params, threads, monitor);
        }
        monitor.message("PCA of " + n + " vectors");
        int c = Math.min(2, d);
        Pca pca = Pca.fit(m.data(), n, d, c, threads, new SubMonitor(monitor, 0, 90, 100));
        float[] reduced = pca.transform(m.data(), n, threads, new SubMonitor(monitor, 90, 10, 100));
        if (c == 2) {
            return reduced;
        }
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = reduced[i];
        }
        return xy;
    }

    private static Optional<Projection> stored(Workspace ws, VectorSetInfo current, ProjectionMethod method,
                                               UmapParams params) {
        return ws.projections().find(current.datasetId(), current.kind(), current.field(), current.encoder(),
                        method.id(), params(method, params))
                .filter(s -> s.setCount() == current.count() && s.setUpdatedAt().equals(current.updatedAt()))
                .map(s -> new Projection(s.datasetId(), s.kind(), s.field(), s.encoder(), method, s.params(),
                        s.entityIds(), s.xy(), s.seconds(), s.createdAt()));
    }

    private static Optional<VectorSetInfo> current(Workspace ws, VectorSetInfo set) {
        return ws.vectors().set(set.datasetId(), set.kind(), set.field(), set.encoder());
    }

    private static String describe(VectorSetInfo set) {
        return set.kind() + " vectors (" + set.field() + ", " + set.encoder() + ")";
    }
}
