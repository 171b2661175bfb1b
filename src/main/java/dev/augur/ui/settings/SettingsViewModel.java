package dev.augur.ui.settings;

import dev.augur.app.Settings;
import dev.augur.app.SettingsStore;
import dev.augur.core.encode.DeviceChoice;
import dev.augur.core.encode.DeviceSelection;
import dev.augur.core.encode.Devices;
import dev.augur.core.encode.EncoderException;
import dev.augur.core.encode.EncoderModel;
import dev.augur.core.encode.ModelRegistry;
import dev.augur.core.task.Job;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.JobBinding;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Locale;

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
