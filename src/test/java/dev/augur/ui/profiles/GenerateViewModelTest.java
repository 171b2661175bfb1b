package dev.augur.ui.profiles;

import dev.augur.app.LlmConfig;
import dev.augur.app.Settings;
import dev.augur.core.bench.FixedCapacityLlmServer;
import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.UiFixtures;
import dev.augur.ui.common.ItemSelection;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static dev.augur.ui.UiFixtures.fx;
import static dev.augur.ui.UiFixtures.waitFx;
import static org.assertj.core.api.Assertions.assertThat;

/** The Generate panel without a stage: preview, estimate and runs against a local OpenAI-compatible test server. */
class GenerateViewModelTest {
    @TempDir
    Path dir;

    private final TaskExecutor tasks = new TaskExecutor(4);
    private final AtomicReference<LlmConfig> llm = new AtomicReference<>(LlmConfig.of(new Settings()));

    @BeforeAll
    static void start() throws Exception {
        UiFixtures.startFx();
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    private ProfilesViewModel open() throws Exception {
        Path file = dir.resolve("shop.augur");
        try (Workspace ws = Workspace.open(file)) {
            dev.augur.core.dataset.Fixtures.writeShop(ws);
        }
        List<DatasetInfo> datasets;
        try (Workspace ws = Workspace.open(file)) {
            datasets = ws.read().datasets();
        }
        ProfilesViewModel vm = fx(() -> new ProfilesViewModel(tasks, new ItemSelection(), () -> { }, llm::get));
        fx(() -> vm.open(file, datasets));
        waitFx(30, () -> !vm.busy().get() && !vm.generate().busy().get()
                && vm.generate().templateProperty().get() != null);
        return vm;
    }

    private static void idle(GenerateViewModel g) throws Exception {
        waitFx(30, () -> !g.busy().get() && !g.runningProperty().get());
    }

    @Test
    void previewShowsTheFirstItemInsideTheDataBlockAndTheEstimateCountsTokens() throws Exception {
        ProfilesViewModel vm = open();
        GenerateViewModel g = vm.generate();
        assertThat(g.templates()).isNotEmpty().contains("kar-item-knowledge");
        fx(() -> g.templateProperty().set("kar-item-knowledge"));
        fx(() -> g.preview());
        idle(g);
        assertThat(g.errorProperty().get()).isEmpty();
        String user = g.previewUserProperty().get();
        assertThat(user).contains("<data");
        assertThat(user.substring(user.indexOf("<data"))).contains("Copper Tea Kettle");
        assertThat(g.previewSystemProperty().get()).isNotBlank();

        fx(() -> g.idsProperty().set("g1"));
        fx(() -> g.preview());
        idle(g);
        assertThat(g.previewUserProperty().get()).contains("Trail Running Shoes");
        assertThat(g.previewTitleProperty().get()).contains("item g1");

        fx(() -> g.idsProperty().set(""));
        var job = fx(() -> g.estimate().orElseThrow());
        idle(g);
        assertThat(job.result().get().promptTokens()).isPositive();
        assertThat(job.result().get().items()).isEqualTo(7);
        assertThat(g.estimateLineProperty().get()).contains("7 entities").contains("20 output tokens/s")
                .contains("assumed");
    }

    @Test
    void aFailedPreviewSaysWhyAndTheNextActionClearsTheMessage() throws Exception {
        ProfilesViewModel vm = open();
        GenerateViewModel g = vm.generate();
        fx(() -> g.templateProperty().set("kar-item-knowledge"));
        fx(() -> g.idsProperty().set("no-such-item"));
        fx(() -> g.preview());
        idle(g);
        assertThat(g.errorProperty().get()).contains("no-such-item");

        fx(() -> g.idsProperty().set("g1"));
        fx(() -> g.preview());
        idle(g);
        assertThat(g.errorProperty().get()).isEmpty();
        assertThat(g.previewTitleProperty().get()).contains("item g1");
        // the form of the Profiles list keeps its own error line: the panel's failure does not show there
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void withoutAnLlmRunIsRefusedAndThePanelSaysHowToConnect() throws Exception {
        ProfilesViewModel vm = open();
        GenerateViewModel g = vm.generate();
        assertThat(g.llmConfiguredProperty().get()).isFalse();
        assertThat(g.llmLineProperty().get()).contains("No LLM is configured");
        assertThat(fx(g::run)).isEmpty();
    }

    @Test
    void aRunGeneratesEveryItemListsThemAndASecondRunIsCached() throws Exception {
        try (FixedCapacityLlmServer server = new FixedCapacityLlmServer(4, Duration.ofMillis(5))) {
            llm.set(new LlmConfig(Settings.LLM_HTTP, server.baseUrl().toString(), "bench", ""));
            ProfilesViewModel vm = open();
            GenerateViewModel g = vm.generate();
            fx(g::refreshLlm);
            assertThat(g.llmConfiguredProperty().get()).isTrue();
            assertThat(g.llmLineProperty().get()).contains("model bench at " + server.baseUrl());
            fx(() -> g.templateProperty().set("kar-item-knowledge"));
            var first = fx(() -> g.run().orElseThrow());
            assertThat(first.result().get().generated()).isEqualTo(7);
            idle(g);
            waitFx(30, () -> !vm.busy().get() && vm.rows().size() == 7);
            assertThat(g.reportLineProperty().get()).startsWith("generated 7, cached 0, failed 0 · 7 LLM calls");
            assertThat(vm.rows()).extracting(ProfilesViewModel.Row::entity)
                    .containsExactlyInAnyOrder("k1", "k2", "k3", "g1", "g2", "g3", "c1");
            assertThat(vm.emptyProperty().get()).isFalse();

            var second = fx(() -> g.run().orElseThrow());
            assertThat(second.result().get().cached()).isEqualTo(7);
            idle(g);
            assertThat(g.reportLineProperty().get()).startsWith("generated 0, cached 7, failed 0 · 0 LLM calls");
        }
    }
}
