package dev.augur.ui.map;

import dev.augur.core.dataset.ImportOptions;
import dev.augur.core.dataset.ImportService;
import dev.augur.core.dataset.Importers;
import dev.augur.core.dataset.sample.SampleDataGenerator;
import dev.augur.core.dataset.sample.SampleSpec;
import dev.augur.core.encode.DeviceChoice;
import dev.augur.core.encode.EncodeRequest;
import dev.augur.core.encode.EncodeService;
import dev.augur.core.encode.EncodeTarget;
import dev.augur.core.projection.ProjectionService;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The map's points from a real workspace: encoded items, a cached UMAP layout, attributes for colouring. */
class WorkspaceMapDataTest {
    @TempDir
    Path dir;

    @Test
    void itemVectorSetsBecomeMapsWithTheItemsAttributesAndLayoutsAreCached() throws Exception {
        Path data = dir.resolve("data");
        SampleDataGenerator.write(data, new SampleSpec(7, 60, 10, 100, 3, 0.1));
        Path file = dir.resolve("w.augur");
        try (Workspace ws = Workspace.open(file); EncodeService encode = new EncodeService()) {
            new ImportService(Importers.standard()).run(ws, data, ImportOptions.defaults(), TaskMonitor.NONE);
            EncodeRequest items = EncodeRequest.of(EncodeTarget.ITEMS, "minilm-q").withDevice(DeviceChoice.CPU);
            encode.run(ws, items, TaskMonitor.NONE);
            encode.run(ws, items.withTemplate("{title}"), TaskMonitor.NONE);
        }
        ProjectionService projections = new ProjectionService(1);
        WorkspaceMapData source = new WorkspaceMapData(file, projections);

        List<MapSpace> spaces = source.spaces();
        assertThat(spaces).hasSize(4); // 2 vector sets × (UMAP, PCA), UMAP first
        assertThat(spaces.get(0).label()).contains("minilm-q").endsWith("UMAP (60)");
        assertThat(spaces.get(3).label()).contains("PCA");

        MapSpace umap = spaces.get(0);
        long t0 = System.nanoTime();
        MapPoints p = source.load(umap, TaskMonitor.NONE);
        long first = System.nanoTime() - t0;
        assertThat(p.ids()).hasSize(60);
        assertThat(p.xy()).hasSize(120);
        assertThat(p.category()).allSatisfy(c -> assertThat(c).isNotBlank());
        long cold = 0;
        for (int i = 0; i < 60; i++) {
            assertThat(p.cold()[i]).isEqualTo(p.popularity()[i] == 0);
            cold += p.cold()[i] ? 1 : 0;
        }
        assertThat(cold).isEqualTo(6); // 10% of the catalogue is cold
        assertThat(java.util.Arrays.stream(p.cluster()).min().orElse(-1)).isZero();
        assertThat(java.util.Arrays.stream(p.cluster()).max().orElse(-1)).isEqualTo(WorkspaceMapData.CLUSTERS - 1);

        t0 = System.nanoTime();
        MapPoints again = source.load(umap, TaskMonitor.NONE);
        assertThat(again.xy()).containsExactly(p.xy()); // the stored layout, not a new one
        assertThat(System.nanoTime() - t0).isLessThan(first);

        float[] change = source.neighbourhoodChange(spaces.get(0), spaces.get(1), TaskMonitor.NONE);
        assertThat(change).hasSize(60);
        double mean = 0;
        for (float c : change) {
            assertThat(c).isBetween(0f, 1f);
            mean += c / 60.0;
        }
        assertThat(mean).isPositive(); // titles alone move some neighbourhoods
        assertThat(source.neighbourhoodChange(spaces.get(0), spaces.get(2), TaskMonitor.NONE))
                .containsOnly(0f); // same vectors under another layout: same neighbours
    }
}
