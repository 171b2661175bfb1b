package dev.augur.core.projection;

import dev.augur.core.store.DatasetWriter;
import dev.augur.core.store.StoredVector;
import dev.augur.core.store.VectorSetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectionServiceTest {
    private static final String FIELD = "{title}";
    private static final int N = 400;
    private static final int D = 24;
    private static final UmapParams FAST = UmapParams.DEFAULTS.withEpochs(60);

    @TempDir
    Path dir;

    @Test
    void aProjectionIsComputedOnceAndReusedWhileTheSetIsUnchanged() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            VectorSetInfo set = vectors(ws, N);
            ProjectionService service = new ProjectionService(2);
            assertThat(service.cached(ws, set, ProjectionMethod.UMAP, FAST)).isEmpty();

            Projection first = service.project(ws, set, ProjectionMethod.UMAP, FAST, TaskMonitor.NONE);
            assertThat(service.computations()).isEqualTo(1);
            assertThat(first.size()).isEqualTo(N);
            assertThat(first.entityIds()).isSorted().startsWith(100, 102);
            assertThat(first.method()).isEqualTo(ProjectionMethod.UMAP);
            assertThat(first.params()).isEqualTo(FAST.canonical());
            assertThat(first.seconds()).isPositive();
            assertThat(first.x(0)).isEqualTo(first.xy()[0]);

            List<String> messages = new ArrayList<>();
            Projection again = service.project(ws, set, ProjectionMethod.UMAP, FAST, monitor(messages));
            assertThat(service.computations()).isEqualTo(1);
            assertThat(again.createdAt()).isEqualTo(first.createdAt());
            assertThat(again.seconds()).isEqualTo(first.seconds());
            assertThat(again.xy()).containsExactly(first.xy());
            assertThat(again.entityIds()).containsExactly(first.entityIds());
            assertThat(messages).anyMatch(m -> m.contains("stored"));
            assertThat(service.cached(ws, set, ProjectionMethod.UMAP, FAST)).isPresent();
            // another service (the app restarted) finds it too
            ProjectionService restarted = new ProjectionService();
            restarted.project(ws, set, ProjectionMethod.UMAP, FAST, TaskMonitor.NONE);
            assertThat(restarted.computations()).isZero();

            // other parameters and the other method are other projections
            assertThat(service.cached(ws, set, ProjectionMethod.UMAP, FAST.withSeed(7))).isEmpty();
            Projection pca = service.project(ws, set, ProjectionMethod.PCA, FAST, TaskMonitor.NONE);
            assertThat(service.computations()).isEqualTo(2);
            assertThat(pca.params()).isEqualTo("components=2");
            service.project(ws, set, ProjectionMethod.PCA, UmapParams.DEFAULTS, TaskMonitor.NONE);
            assertThat(service.computations()).isEqualTo(2); // PCA ignores the UMAP parameters
        }
    }

    @Test
    void aChangedSetIsProjectedAgain() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            VectorSetInfo set = vectors(ws, N);
            ProjectionService service = new ProjectionService(2);
            Projection before = service.project(ws, set, ProjectionMethod.PCA, FAST, TaskMonitor.NONE);

            // one more vector: the count changes
            ws.vectors().put(set.datasetId(), "item", FIELD, "minilm",
                    List.of(new StoredVector(5_000, new byte[16], vector(1, 99))));
            assertThat(service.cached(ws, set, ProjectionMethod.PCA, FAST)).isEmpty();
            Projection grown = service.project(ws, set, ProjectionMethod.PCA, FAST, TaskMonitor.NONE);
            assertThat(service.computations()).isEqualTo(2);
            assertThat(grown.size()).isEqualTo(before.size() + 1);

            // a re-encoded vector: same count, later write
            Thread.sleep(5);
            ws.vectors().put(set.datasetId(), "item", FIELD, "minilm",
                    List.of(new StoredVector(100, new byte[16], vector(2, 98))));
            assertThat(service.cached(ws, set, ProjectionMethod.PCA, FAST)).isEmpty();
            service.project(ws, set, ProjectionMethod.PCA, FAST, TaskMonitor.NONE);
            assertThat(service.computations()).isEqualTo(3);
            assertThat(service.cached(ws, set, ProjectionMethod.PCA, FAST)).isPresent();

            // the stale row was replaced, not kept beside the new one
            assertThat(ws.projections().find(set.datasetId(), "item", FIELD, "minilm", "pca", "components=2")
                    .orElseThrow().setCount()).isEqualTo(N + 1);
        }
    }

    @Test
    void aMissingSetIsRefusedAndACancelledRunStoresNothing() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            VectorSetInfo set = vectors(ws, N);
            ProjectionService service = new ProjectionService(1);
            VectorSetInfo other = new VectorSetInfo(set.datasetId(), set.dataset(), "item", FIELD, "bge-small", D, 5, "t");
            assertThatThrownBy(() -> service.project(ws, other, ProjectionMethod.PCA, FAST, TaskMonitor.NONE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bge-small");
            assertThat(service.cached(ws, other, ProjectionMethod.PCA, FAST)).isEmpty();

            TaskMonitor cancelled = new TaskMonitor() {
                @Override public void progress(long done, long total) { }
                @Override public void message(String message) { }
                @Override public boolean isCancelled() { return true; }
            };
            assertThatThrownBy(() -> service.project(ws, set, ProjectionMethod.UMAP, FAST, cancelled))
                    .isInstanceOf(TaskCancelledException.class);
            assertThat(service.cached(ws, set, ProjectionMethod.UMAP, FAST)).isEmpty();
        }
    }

    @Test
    void methodIdsRoundTrip() {
        for (ProjectionMethod m : ProjectionMethod.values()) {
            assertThat(ProjectionMethod.fromId(m.id())).isEqualTo(m);
        }
        assertThat(ProjectionMethod.UMAP.id()).isEqualTo("umap");
        assertThatThrownBy(() -> ProjectionMethod.fromId("tsne")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A dataset with n items and a vector set of 4 clusters over entity ids 100, 102, 104, ... */
    private static VectorSetInfo vectors(Workspace ws, int n) {
        long ds;
        try (DatasetWriter w = ws.newDataset("d", "test", null)) {
            w.putItem("i", "Item", null, "[]", "{}");
            w.commit(x -> "{}");
            ds = w.datasetId();
        }
        float[] x = Synthetic.normalise(Synthetic.clusters(n, D, 4, 1, 0.3, 17), D);
        List<StoredVector> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] v = new float[D];
            System.arraycopy(x, i * D, v, 0, D);
            rows.add(new StoredVector(100 + 2L * i, new byte[16], v));
        }
        ws.vectors().put(ds, "item", FIELD, "minilm", rows);
        return ws.vectors().sets().get(0);
    }

    private static float[] vector(int hot, int seed) {
        float[] v = Synthetic.normalise(Synthetic.uniform(1, D, seed), D);
        v[hot] += 1;
        return v;
    }

    private static TaskMonitor monitor(List<String> messages) {
        return new TaskMonitor() {
            @Override public void progress(long done, long total) { }
            @Override public void message(String message) { messages.add(message); }
            @Override public boolean isCancelled() { return false; }
        };
    }
}
