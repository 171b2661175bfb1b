package dev.augur.ui.settings;

import dev.augur.app.Settings;
import dev.augur.app.SettingsStore;
import dev.augur.core.encode.DeviceChoice;
import dev.augur.core.encode.ModelRegistry;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.settings.SettingsViewModel.EncoderRow;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.augur.ui.UiFixtures.fx;
import static dev.augur.ui.UiFixtures.waitFx;
import static org.assertj.core.api.Assertions.assertThat;

/** The Settings section's state without a stage: the encoder registry, persisted choices, the resolved device. */
class SettingsViewModelTest {
    @TempDir
    Path dir;

    private final TaskExecutor tasks = new TaskExecutor(2);

    @BeforeAll
    static void fxThread() throws Exception {
        dev.augur.ui.UiFixtures.startFx();
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    @Test
    void listsEveryRegisteredEncoderWithWhatAUserNeedsToKnow() {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        SettingsViewModel vm = new SettingsViewModel(tasks, store.load(), store);
        assertThat(vm.encoders()).hasSize(ModelRegistry.all().size()).hasSize(4);
        assertThat(vm.encoders()).extracting(EncoderRow::id).containsExactly("minilm", "minilm-q", "bge-small", "bge-small-q");
        EncoderRow q = vm.encoders().get(1);
        assertThat(q.name()).isEqualTo("all-MiniLM-L6-v2, int8");
        assertThat(q.dims()).isEqualTo(384);
        assertThat(q.pooling()).isEqualTo("mean");
        assertThat(q.weights()).isEqualTo("int8");
        assertThat(q.sizeMb()).isEqualTo("23");
        assertThat(q.licence()).isEqualTo("Apache-2.0");
        assertThat(q.origin()).contains("sentence-transformers/all-MiniLM-L6-v2");
        assertThat(q.bundled()).isEqualTo("yes");
        EncoderRow bge = vm.encoders().get(2);
        assertThat(bge.pooling()).isEqualTo("cls");
        assertThat(bge.weights()).isEqualTo("fp32");
        assertThat(bge.licence()).isEqualTo("MIT");
        assertThat(vm.defaultEncoderProperty().get()).isEqualTo("minilm-q");
        assertThat(vm.deviceProperty().get()).isEqualTo(DeviceChoice.AUTO);
    }

    @Test
    void theDefaultEncoderAndDeviceSurviveARestartAndOldFilesStillLoad() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"dark\":true,\"recentWorkspaces\":[\"/tmp/a.augur\"],\"lastWorkspace\":\"/tmp/a.augur\"}");
        SettingsStore store = new SettingsStore(file);
        Settings old = store.load();
        assertThat(old.dark).isTrue();
        assertThat(old.defaultEncoder).isEqualTo("minilm-q");
        assertThat(old.encodeDevice).isEqualTo("auto");

        SettingsViewModel vm = new SettingsViewModel(tasks, old, store);
        fx(() -> {
            vm.defaultEncoderProperty().set("bge-small-q");
            vm.deviceProperty().set(DeviceChoice.CPU);
        });
        assertThat(Files.readString(file)).contains("\"defaultEncoder\" : \"bge-small-q\"").contains("\"encodeDevice\" : \"cpu\"");

        Settings again = new SettingsStore(file).load();
        assertThat(again.dark).isTrue();
        assertThat(again.recentWorkspaces).containsExactly("/tmp/a.augur");
        SettingsViewModel restarted = new SettingsViewModel(tasks, again, store);
        assertThat(restarted.defaultEncoderProperty().get()).isEqualTo("bge-small-q");
        assertThat(restarted.deviceProperty().get()).isEqualTo(DeviceChoice.CPU);

        Files.writeString(file, "{\"defaultEncoder\":\"gone-model\",\"encodeDevice\":\"tpu\"}");
        SettingsViewModel odd = new SettingsViewModel(tasks, new SettingsStore(file).load(), store);
        assertThat(odd.defaultEncoderProperty().get()).isEqualTo("minilm-q");
        assertThat(odd.deviceProperty().get()).isEqualTo(DeviceChoice.AUTO);
    }

    @Test
    void theDeviceLineSaysWhereEncodersRunAndAMissingGpuIsAnErrorLineNotACrash() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        SettingsViewModel vm = new SettingsViewModel(tasks, store.load(), store);
        fx(() -> vm.deviceProperty().set(DeviceChoice.CPU)); // resolves in a background job
        waitFx(20, () -> vm.deviceLineProperty().get().startsWith("Encoders run"));
        assertThat(fx(() -> vm.deviceLineProperty().get())).isEqualTo("Encoders run on cpu (cpu requested)");
        assertThat(fx(() -> vm.deviceErrorProperty().get())).isFalse();

        fx(() -> vm.deviceProperty().set(DeviceChoice.GPU));
        waitFx(30, () -> !vm.deviceLineProperty().get().startsWith("Checking"));
        String line = fx(() -> vm.deviceLineProperty().get());
        if (fx(() -> vm.deviceErrorProperty().get())) {
            assertThat(line).startsWith("No GPU: ").contains("CUDA");
        } else {
            assertThat(line).startsWith("Encoders run on gpu:0");
        }

        fx(() -> vm.deviceProperty().set(DeviceChoice.AUTO));
        waitFx(30, () -> !vm.deviceLineProperty().get().startsWith("Checking"));
        assertThat(fx(() -> vm.deviceErrorProperty().get())).isFalse();
        assertThat(fx(() -> vm.deviceLineProperty().get())).startsWith("Encoders run on ").contains("auto → ");
        assertThat(tasks.jobs()).allMatch(j -> j.name().startsWith("Check encoder device"));
    }

    @Test
    void theLlmFieldsSurviveARestartAndNoKeyIsWritten() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"dark\":true}");
        SettingsStore store = new SettingsStore(file);
        Settings old = store.load();
        assertThat(old.llmProvider).isEqualTo(Settings.LLM_HTTP);
        assertThat(old.llmBaseUrl).isEqualTo("http://localhost:11434/v1");
        assertThat(old.llmModel).isEmpty();
        SettingsViewModel vm = new SettingsViewModel(tasks, old, store);
        assertThat(vm.keyLineProperty().get()).contains("AUGUR_LLM_API_KEY").contains("OPENAI_API_KEY").contains("keyring");
        fx(() -> {
            vm.llmBaseUrlProperty().set("http://127.0.0.1:9/v1");
            vm.llmModelProperty().set("qwen2.5:7b");
            vm.llmGgufProperty().set("/models/tiny.gguf");
            vm.llmProviderProperty().set(Settings.LLM_GGUF);
        });
        String json = Files.readString(file);
        assertThat(json).contains("\"llmModel\" : \"qwen2.5:7b\"").contains("\"llmProvider\" : \"gguf\"")
                .doesNotContainIgnoringCase("apikey").doesNotContainIgnoringCase("\"key\"");
        SettingsViewModel restarted = new SettingsViewModel(tasks, new SettingsStore(file).load(), store);
        assertThat(restarted.llmProviderProperty().get()).isEqualTo(Settings.LLM_GGUF);
        assertThat(restarted.llmBaseUrlProperty().get()).isEqualTo("http://127.0.0.1:9/v1");
        assertThat(restarted.llmModelProperty().get()).isEqualTo("qwen2.5:7b");
        assertThat(restarted.llmGgufProperty().get()).isEqualTo("/models/tiny.gguf");

        fx(() -> restarted.listModels()); // nothing listens on port 9: a message, not a crash
        waitFx(20, () -> !restarted.llmBusyProperty().get());
        assertThat(restarted.llmMessageProperty().get()).startsWith("Could not list the models");
        assertThat(restarted.llmErrorProperty().get()).isTrue();
        waitFx(20, () -> restarted.keyLineProperty().get().contains("found"));
    }
}
