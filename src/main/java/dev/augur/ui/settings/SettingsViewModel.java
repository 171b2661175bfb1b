package dev.augur.ui.settings;

import dev.augur.app.Settings;
import dev.augur.app.SettingsStore;
import dev.augur.core.encode.DeviceChoice;
import dev.augur.core.encode.DeviceSelection;
import dev.augur.core.encode.Devices;
import dev.augur.core.encode.EncoderException;
import dev.augur.core.encode.EncoderModel;
import dev.augur.core.encode.ModelRegistry;
import dev.augur.core.llm.ApiKeys;
import dev.augur.core.llm.LlmException;
import dev.augur.core.llm.OpenAiCompatibleClient;
import dev.augur.core.task.Job;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.JobBinding;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Settings section: the bundled sentence encoders, the default encoder and device for new encode jobs (saved in
 * settings.json), and which device that choice resolves to on this machine, resolved in the background. No Nodes here.
 */
public final class SettingsViewModel {
    /** One row of the encoders table. */
    public record EncoderRow(String id, String name, int dims, String pooling, String weights, String sizeMb,
                             String licence, String origin, String bundled) {
        static EncoderRow of(EncoderModel m, boolean bundled) {
            return new EncoderRow(m.id(), m.name(), m.dims(), m.pooling().name().toLowerCase(Locale.ROOT),
                    m.quantized() ? "int8" : "fp32", String.format(Locale.ROOT, "%.0f", m.sizeBytes() / 1e6),
                    m.licence(), m.origin(), bundled ? "yes" : "no");
        }
    }

    private final TaskExecutor tasks;
    private final Settings settings;
    private final SettingsStore store;
    private final ObservableList<EncoderRow> encoders = FXCollections.observableArrayList();
    private final ObservableList<String> encoderIds = FXCollections.observableArrayList();
    private final ObservableList<DeviceChoice> devices = FXCollections.observableArrayList(DeviceChoice.values());
    private final ObjectProperty<String> defaultEncoder = new SimpleObjectProperty<>();
    private final ObjectProperty<DeviceChoice> device = new SimpleObjectProperty<>(DeviceChoice.AUTO);
    private final ReadOnlyStringWrapper deviceLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper deviceError = new ReadOnlyBooleanWrapper(false);
    private long resolving;
    private boolean resolvedOnce;

    private static final Duration LLM_TIMEOUT = Duration.ofSeconds(5);
    private final ObservableList<String> llmProviders = FXCollections.observableArrayList(Settings.LLM_HTTP, Settings.LLM_GGUF);
    private final ObjectProperty<String> llmProvider = new SimpleObjectProperty<>(Settings.LLM_HTTP);
    private final StringProperty llmBaseUrl = new SimpleStringProperty(Settings.DEFAULT_LLM_BASE_URL);
    private final ObservableList<String> llmModels = FXCollections.observableArrayList();
    private final ObjectProperty<String> llmModel = new SimpleObjectProperty<>("");
    private final StringProperty llmGguf = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper llmMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper llmError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper llmBusy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper keyLine = new ReadOnlyStringWrapper("");
    private long llmGen;
    private long keyGen;

    public SettingsViewModel(TaskExecutor tasks, Settings settings, SettingsStore store) {
        this.tasks = tasks;
        this.settings = settings;
        this.store = store;
        for (EncoderModel m : ModelRegistry.all()) {
            encoders.add(EncoderRow.of(m, ModelRegistry.bundled(m)));
            encoderIds.add(m.id());
        }
        defaultEncoder.set(ModelRegistry.find(settings.defaultEncoder)
                .or(() -> ModelRegistry.find(Settings.DEFAULT_ENCODER)).map(EncoderModel::id)
                .orElse(ModelRegistry.all().get(0).id()));
        device.set(parseDevice(settings.encodeDevice));
        llmProvider.set(Settings.LLM_GGUF.equals(settings.llmProvider) ? Settings.LLM_GGUF : Settings.LLM_HTTP);
        llmBaseUrl.set(settings.llmBaseUrl == null || settings.llmBaseUrl.isBlank() ? Settings.DEFAULT_LLM_BASE_URL
                : settings.llmBaseUrl);
        llmModel.set(settings.llmModel == null ? "" : settings.llmModel);
        if (!llmModel.get().isBlank()) {
            llmModels.add(llmModel.get());
        }
        llmGguf.set(settings.llmGguf == null ? "" : settings.llmGguf);
        keyLine.set(keySources() + ": not checked yet");
        llmProvider.addListener((o, was, is) -> {
            if (is != null && !is.equals(settings.llmProvider)) {
                settings.llmProvider = is;
                store.save(settings);
            }
        });
        llmBaseUrl.addListener((o, was, is) -> {
            String v = is == null ? "" : is.strip();
            if (!v.equals(settings.llmBaseUrl)) {
                settings.llmBaseUrl = v;
                store.save(settings);
            }
        });
        llmModel.addListener((o, was, is) -> {
            String v = is == null ? "" : is.strip();
            if (!v.equals(settings.llmModel)) {
                settings.llmModel = v;
                store.save(settings);
            }
        });
        llmGguf.addListener((o, was, is) -> {
            String v = is == null ? "" : is.strip();
            if (!v.equals(settings.llmGguf)) {
                settings.llmGguf = v;
                store.save(settings);
            }
        });
        defaultEncoder.addListener((o, was, is) -> {
            if (is != null && !is.equals(settings.defaultEncoder)) {
                settings.defaultEncoder = is;
                store.save(settings);
            }
        });
        device.addListener((o, was, is) -> {
            if (is == null) {
                return;
            }
            if (!is.id().equals(settings.encodeDevice)) {
                settings.encodeDevice = is.id();
                store.save(settings);
            }
            resolveDevice();
        });
    }

    private static DeviceChoice parseDevice(String s) {
        try {
            return DeviceChoice.parse(s);
        } catch (RuntimeException e) {
            return DeviceChoice.AUTO;
        }
    }

    /** Resolves the device once, the first time the section shows (loading ONNX Runtime costs a moment). */
    public void resolveDeviceOnce() {
        if (!resolvedOnce) {
            resolveDevice();
            checkKey();
            if (Settings.LLM_HTTP.equals(llmProvider.get()) && (llmModel.get() == null || llmModel.get().isBlank())) {
                detectOllama(); // no model chosen yet: a local Ollama, if running, fills in the URL and its models
            }
        }
    }

    /**
     * Asks ONNX Runtime, in a background job, which device the current choice gives and why; a GPU that was asked
     * for and is missing shows as an error line, never as a failure.
     */
    public Job<DeviceLine> resolveDevice() {
        resolvedOnce = true;
        long gen = ++resolving;
        DeviceChoice choice = device.get();
        deviceLine.set("Checking " + choice.id() + "…");
        deviceError.set(false);
        Job<DeviceLine> job = tasks.submit("Check encoder device (" + choice.id() + ")", m -> describe(choice));
        JobBinding.follow(job, s -> { }, line -> {
            if (gen == resolving) {
                deviceLine.set(line.text());
                deviceError.set(line.error());
            }
        }, e -> {
            if (gen == resolving) {
                deviceLine.set("Could not check the device: " + e.getMessage());
                deviceError.set(true);
            }
        });
        return job;
    }

    /** What {@code choice} resolves to here, as a line for the page. Runs ONNX Runtime: call it off the FX thread. */
    static DeviceLine describe(DeviceChoice choice) {
        try {
            DeviceSelection s = Devices.select(choice);
            return new DeviceLine("Encoders run on " + s.device() + " (" + s.reason() + ")", false);
        } catch (EncoderException e) {
            return new DeviceLine("No GPU: " + e.getMessage(), true);
        }
    }

    // ---- the LLM ----------------------------------------------------------------------------------------------

    private static String keySources() {
        return "API key from $" + ApiKeys.DEFAULT_ENV + ", $" + ApiKeys.OPENAI_ENV
                + " or the OS keyring (service augur, account = the server's host); never stored by Augur";
    }

    /** Looks for Ollama at its default address in the background; when it answers, uses it and lists its models. */
    public Job<Optional<URI>> detectOllama() {
        long gen = ++llmGen;
        llmBusy.set(true);
        llmMessage.set("Looking for Ollama…");
        llmError.set(false);
        Job<Optional<URI>> job = tasks.submit("Detect Ollama", m -> OpenAiCompatibleClient.detectOllama(LLM_TIMEOUT));
        JobBinding.follow(job, s -> { }, found -> {
            if (gen != llmGen) {
                return;
            }
            llmBusy.set(false);
            if (found.isPresent()) {
                llmBaseUrl.set(found.get().toString());
                listModels();
            } else {
                llmMessage.set("No Ollama answered at " + OpenAiCompatibleClient.OLLAMA_DEFAULT
                        + ". Start it (ollama serve) or give another server's base URL.");
                llmError.set(true);
            }
        }, e -> {
            if (gen == llmGen) {
                llmBusy.set(false);
                llmMessage.set("Could not look for Ollama: " + e.getMessage());
                llmError.set(true);
            }
        });
        return job;
    }

    /** Asks the server at the base URL for its models in the background; failures show as the message line. */
    public Job<List<String>> listModels() {
        long gen = ++llmGen;
        String url = llmBaseUrl.get() == null ? "" : llmBaseUrl.get().strip();
        llmBusy.set(true);
        llmMessage.set("Asking " + url + " for its models…");
        llmError.set(false);
        Job<List<String>> job = tasks.submit("List models at " + url, m -> {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a URL: " + url);
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) address: " + url);
            }
            try {
                return OpenAiCompatibleClient.listModels(uri, ApiKeys.resolve(ApiKeys.DEFAULT_ENV, uri), LLM_TIMEOUT);
            } catch (LlmException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        JobBinding.follow(job, s -> { }, models -> {
            if (gen != llmGen) {
                return;
            }
            llmBusy.set(false);
            String keep = llmModel.get();
            llmModels.setAll(models);
            if (keep != null && !keep.isBlank() && !models.contains(keep)) {
                llmModels.add(0, keep);
            }
            if ((keep == null || keep.isBlank()) && !models.isEmpty()) {
                llmModel.set(models.get(0));
            }
            llmMessage.set(models.isEmpty() ? "The server at " + url + " offers no models."
                    : models.size() + (models.size() == 1 ? " model" : " models") + " at " + url);
            llmError.set(models.isEmpty());
        }, e -> {
            if (gen == llmGen) {
                llmBusy.set(false);
                llmMessage.set("Could not list the models at " + url + ": " + e.getMessage());
                llmError.set(true);
            }
        });
        checkKey();
        return job;
    }

    /** Checks in the background whether an API key can be found for the base URL; says only found or not found. */
    public Job<Boolean> checkKey() {
        long gen = ++keyGen;
        String url = llmBaseUrl.get() == null ? "" : llmBaseUrl.get().strip();
        Job<Boolean> job = tasks.submit("Look for an LLM API key", m -> {
            try {
                URI uri = URI.create(url);
                return uri.getHost() == null ? ApiKeys.resolve(ApiKeys.DEFAULT_ENV).isPresent()
                        : ApiKeys.resolve(ApiKeys.DEFAULT_ENV, uri).isPresent();
            } catch (IllegalArgumentException e) {
                return ApiKeys.resolve(ApiKeys.DEFAULT_ENV).isPresent();
            }
        });
        JobBinding.follow(job, s -> { }, found -> {
            if (gen == keyGen) {
                keyLine.set(keySources() + ": " + (found ? "found" : "not found (local servers need none)"));
            }
        }, e -> {
            if (gen == keyGen) {
                keyLine.set(keySources() + ": not found");
            }
        });
        return job;
    }

    public ObservableList<String> llmProviders() {
        return llmProviders;
    }

    public ObjectProperty<String> llmProviderProperty() {
        return llmProvider;
    }

    public StringProperty llmBaseUrlProperty() {
        return llmBaseUrl;
    }

    public ObservableList<String> llmModels() {
        return llmModels;
    }

    public ObjectProperty<String> llmModelProperty() {
        return llmModel;
    }

    public StringProperty llmGgufProperty() {
        return llmGguf;
    }

    public ReadOnlyStringProperty llmMessageProperty() {
        return llmMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty llmErrorProperty() {
        return llmError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty llmBusyProperty() {
        return llmBusy.getReadOnlyProperty();
    }

    /** Where the API key comes from and whether one was found; never the key. */
    public ReadOnlyStringProperty keyLineProperty() {
        return keyLine.getReadOnlyProperty();
    }

    /** The resolved device as a sentence, and whether it is an error (a GPU asked for and not available). */
    public record DeviceLine(String text, boolean error) {
    }

    public ObservableList<EncoderRow> encoders() {
        return encoders;
    }

    public ObservableList<String> encoderIds() {
        return encoderIds;
    }

    public ObservableList<DeviceChoice> devices() {
        return devices;
    }

    public ObjectProperty<String> defaultEncoderProperty() {
        return defaultEncoder;
    }

    public ObjectProperty<DeviceChoice> deviceProperty() {
        return device;
    }

    public ReadOnlyStringProperty deviceLineProperty() {
        return deviceLine.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty deviceErrorProperty() {
        return deviceError.getReadOnlyProperty();
    }
}
