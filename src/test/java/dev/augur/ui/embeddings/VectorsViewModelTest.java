package dev.augur.ui.embeddings;

import dev.augur.core.encode.DeviceChoice;
import dev.augur.core.encode.EncodeService;
import dev.augur.core.encode.EncodeTarget;
import dev.augur.core.encode.ItemTextTemplate;
import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.VectorSetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.Job;
import dev.augur.core.task.JobState;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.UiFixtures;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.augur.ui.UiFixtures.fx;
import static dev.augur.ui.UiFixtures.waitFx;
import static org.assertj.core.api.Assertions.assertThat;

/** The Vectors page without a stage: encode a real workspace with the bundled int8 MiniLM through the job executor. */
class VectorsViewModelTest {
    private static EncodeService encoder;

    @TempDir
    Path dir;

    private final TaskExecutor tasks = new TaskExecutor(2);
    private final SimpleObjectProperty<String> defaultModel = new SimpleObjectProperty<>("minilm-q");
    private final SimpleObjectProperty<DeviceChoice> defaultDevice = new SimpleObjectProperty<>(DeviceChoice.CPU);

    @BeforeAll
    static void start() throws Exception {
        UiFixtures.startFx();
        encoder = new EncodeService();
    }

    @AfterAll
    static void closeEncoder() {
        encoder.close();
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    private VectorsViewModel open(Path file) throws Exception {
        List<DatasetInfo> datasets;
        try (Workspace ws = Workspace.open(file)) {
            datasets = ws.read().datasets();
        }
        VectorsViewModel vm = fx(() -> new VectorsViewModel(tasks, encoder, defaultModel, defaultDevice));
        fx(() -> vm.open(file, datasets));
        waitFx(20, () -> !vm.statusProperty().get().startsWith("Reading"));
        return vm;
    }

    private static void encodeAndWait(VectorsViewModel vm) throws Exception {
        // a job that fails at once may already have finished when the next FX call runs: no assertion on "running"
        assertThat(fx(() -> vm.encode().isPresent())).isTrue();
        waitFx(60, () -> !vm.runningProperty().get());
    }

    @Test
    void encodesItemsAsAJobThenListsTheSetAndAReRunSkipsEverything() throws Exception {
        Path file = UiFixtures.shopWorkspace(dir.resolve("shop.augur"));
        VectorsViewModel vm = open(file);
        assertThat(vm.sets()).isEmpty();
        assertThat(fx(() -> vm.statusProperty().get())).startsWith("No vectors yet");
        assertThat(vm.datasets()).containsExactly(UiFixtures.DATASET);
        assertThat(vm.datasetProperty().get()).isEqualTo(UiFixtures.DATASET);
        assertThat(vm.modelProperty().get()).isEqualTo("minilm-q");
        assertThat(vm.deviceProperty().get()).isEqualTo(DeviceChoice.CPU);
        assertThat(vm.templateProperty().get()).isEqualTo(ItemTextTemplate.DEFAULT);
        assertThat(fx(() -> vm.templateEnabled().get())).isTrue();
        assertThat(fx(() -> vm.canEncode().get())).isTrue();

        encodeAndWait(vm);
        assertThat(fx(() -> vm.errorProperty().get())).isEmpty();
        assertThat(fx(() -> vm.reportProperty().get()))
                .matches("encoded 6, skipped 0 unchanged, 0 truncated, [\\d,]+ texts/s on cpu \\(cpu requested\\); 1 without text");
        assertThat(fx(() -> vm.progressProperty().get())).isEqualTo(1.0);
        assertThat(fx(() -> vm.jobLineProperty().get())).startsWith("Encode items of shop with minilm-q — done");
        List<VectorSetInfo> sets = fx(() -> List.copyOf(vm.sets()));
        assertThat(sets).hasSize(1);
        VectorSetInfo set = sets.get(0);
        assertThat(set.dataset()).isEqualTo(UiFixtures.DATASET);
        assertThat(set.kind()).isEqualTo("item");
        assertThat(set.encoder()).isEqualTo("minilm-q");
        assertThat(set.field()).isEqualTo(ItemTextTemplate.DEFAULT);
        assertThat(set.count()).isEqualTo(6);
        assertThat(set.dims()).isEqualTo(384);
        assertThat(tasks.jobs()).anyMatch(j -> j.name().equals("Encode items of shop with minilm-q")
                && j.state() == JobState.SUCCEEDED);

        encodeAndWait(vm);
        assertThat(fx(() -> vm.reportProperty().get())).startsWith("encoded 0, skipped 6 unchanged, 0 truncated, 0 texts/s on cpu");
        assertThat(fx(() -> vm.sets().size())).isEqualTo(1);

        // the sets table follows a fresh open of the workspace too
        VectorsViewModel reopened = open(file);
        assertThat(fx(() -> List.copyOf(reopened.sets()))).extracting(VectorSetInfo::count).containsExactly(6L);
    }

    @Test
    void errorsShowOnThePageAndInTheJobs() throws Exception {
        Path file = UiFixtures.shopWorkspace(dir.resolve("errors.augur"));
        VectorsViewModel vm = open(file);

        fx(() -> vm.templateProperty().set("{title} {price}"));
        assertThat(fx(() -> vm.encode().isPresent())).isFalse();
        assertThat(fx(() -> vm.errorProperty().get())).contains("unknown field {price}");

        fx(() -> vm.targetProperty().set(EncodeTarget.ITEM_PROFILES));
        assertThat(fx(() -> vm.templateEnabled().get())).isFalse();
        encodeAndWait(vm);
        assertThat(fx(() -> vm.errorProperty().get())).contains("no generated item profiles yet");
        assertThat(fx(() -> vm.reportProperty().get())).isEmpty();
        Job<?> failed = tasks.jobs().stream().filter(j -> j.name().startsWith("Encode item profiles")).findFirst().orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(fx(() -> vm.canEncode().get())).isTrue();
    }
}
