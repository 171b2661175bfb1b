package dev.augur.ui.embeddings;

import dev.augur.core.encode.DeviceChoice;
import dev.augur.core.encode.EncodeReport;
import dev.augur.core.encode.EncodeRequest;
import dev.augur.core.encode.EncodeService;
import dev.augur.core.encode.EncodeTarget;
import dev.augur.core.encode.EncoderModel;
import dev.augur.core.encode.ItemTextTemplate;
import dev.augur.core.encode.ModelRegistry;
import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.VectorSetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.Job;
import dev.augur.core.task.JobSnapshot;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.JobBinding;
import dev.augur.ui.jobs.JobsViewModel;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Vectors page of the Embeddings section: the open workspace's vector sets, and a form that encodes a
 * dataset's items or reviews as a background job (progress, ETA and cancel also in the Jobs view). No Nodes here.
 */
public final class VectorsViewModel {
    private final TaskExecutor tasks;
    private final EncodeService encoder;
    private final ObservableList<VectorSetInfo> sets = FXCollections.observableArrayList();
    private final ObservableList<String> datasets = FXCollections.observableArrayList();
    private final ObservableList<EncodeTarget> targets = FXCollections.observableArrayList(EncodeTarget.values());
    private final ObservableList<String> models = FXCollections.observableArrayList(
            ModelRegistry.all().stream().map(EncoderModel::id).toList());
    private final ObservableList<DeviceChoice> devices = FXCollections.observableArrayList(DeviceChoice.values());
    private final ObjectProperty<String> dataset = new SimpleObjectProperty<>();
    private final ObjectProperty<EncodeTarget> target = new SimpleObjectProperty<>(EncodeTarget.ITEMS);
    private final StringProperty template = new SimpleStringProperty(ItemTextTemplate.DEFAULT);
    private final ObjectProperty<String> model = new SimpleObjectProperty<>();
    private final ObjectProperty<DeviceChoice> device = new SimpleObjectProperty<>(DeviceChoice.AUTO);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper jobLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No workspace open.");
    private final ObjectProperty<Path> workspace = new SimpleObjectProperty<>();
    private final BooleanBinding templateEnabled = target.isEqualTo(EncodeTarget.ITEMS);
    private final BooleanBinding canEncode;
    private Runnable onEncoded = () -> { };
    private Job<Encoded> current;
    private long refreshing;

    /** What an encode job hands back: its report and the sets as they are afterwards. */
    record Encoded(EncodeReport report, List<VectorSetInfo> sets) {
    }

    /**
     * @param defaultModel  the Settings' default encoder, the form's model until changed here
     * @param defaultDevice the Settings' device, the form's device until changed here
     */
    public VectorsViewModel(TaskExecutor tasks, EncodeService encoder, ObservableValue<String> defaultModel,
                            ObservableValue<DeviceChoice> defaultDevice) {
        this.tasks = tasks;
        this.encoder = encoder;
        model.set(defaultModel.getValue());
        device.set(defaultDevice.getValue());
        defaultModel.addListener((o, was, is) -> {
            if (is != null) {
                model.set(is);
            }
        });
        defaultDevice.addListener((o, was, is) -> {
            if (is != null) {
                device.set(is);
            }
        });
        canEncode = Bindings.createBooleanBinding(() -> !running.get() && workspace.get() != null
                && dataset.get() != null && model.get() != null && target.get() != null && device.get() != null,
                running, workspace, dataset, model, target, device);
    }

    /** Called after a successful encode (the detail pane refreshes its similar items). */
    public void setOnEncoded(Runnable onEncoded) {
        this.onEncoded = onEncoded;
    }

    /** Shows the vector sets of {@code file}, whose datasets are {@code datasetInfos}; reads them in the background. */
    public void open(Path file, List<DatasetInfo> datasetInfos) {
        workspace.set(file);
        List<String> names = datasetInfos.stream().map(DatasetInfo::name).toList();
        String keep = dataset.get();
        datasets.setAll(names);
        dataset.set(names.contains(keep) ? keep : names.isEmpty() ? null : names.get(0));
        refresh();
    }

    /** Re-reads the vector sets of the open workspace in the background. */
    public Job<List<VectorSetInfo>> refresh() {
        Path file = workspace.get();
        if (file == null) {
            return null;
        }
        long gen = ++refreshing;
        status.set("Reading vector sets…");
        Job<List<VectorSetInfo>> job = tasks.submit("Vector sets of " + file.getFileName(), m -> {
            try (Workspace ws = Workspace.open(file)) {
                return ws.vectors().sets();
            }
        });
        JobBinding.follow(job, s -> { }, list -> {
            if (gen == refreshing) {
                showSets(list);
            }
        }, e -> {
            if (gen == refreshing) {
                status.set("Could not read vector sets: " + message(e));
            }
        });
        return job;
    }

    private void showSets(List<VectorSetInfo> list) {
        sets.setAll(list);
        status.set(list.isEmpty() ? "No vectors yet: encode a dataset's items or reviews below."
                : String.format(Locale.ROOT, "%d vector set%s, %,d vectors", list.size(), list.size() == 1 ? "" : "s",
                list.stream().mapToLong(VectorSetInfo::count).sum()));
    }

    /** Starts an encode job with the form's choices; returns it, or empty when the form is incomplete or invalid. */
    public Optional<Job<?>> encode() {
        if (!canEncode.get()) {
            return Optional.empty();
        }
        EncodeTarget t = target.get();
        EncodeRequest request = EncodeRequest.of(t, model.get()).withDataset(dataset.get()).withDevice(device.get());
        if (t == EncodeTarget.ITEMS) {
            try {
                request = request.withTemplate(new ItemTextTemplate(template.get() == null ? "" : template.get().strip()).template());
            } catch (IllegalArgumentException e) {
                error.set(e.getMessage());
                return Optional.empty();
            }
        }
        EncodeRequest req = request;
        Path file = workspace.get();
        error.set("");
        report.set("");
        running.set(true);
        progress.set(-1);
        String name = "Encode " + t.id().replace('-', ' ') + " of " + dataset.get() + " with " + model.get();
        jobLine.set(name + " — queued");
        Job<Encoded> job = tasks.submit(name, m -> {
            try (Workspace ws = Workspace.open(file)) {
                EncodeReport r = encoder.run(ws, req, m);
                return new Encoded(r, ws.vectors().sets());
            }
        });
        current = job;
        JobBinding.follow(job, this::onProgress, done -> {
            finished(job);
            report.set(describe(done.report()));
            if (workspace.get() != null && workspace.get().equals(file)) {
                ++refreshing;
                showSets(done.sets());
            }
            onEncoded.run();
        }, e -> {
            finished(job);
            if (e instanceof TaskCancelledException) {
                report.set("Cancelled; the vectors encoded before the cancel are kept and a re-run skips them.");
                refresh();
            } else {
                error.set(message(e));
            }
        });
        return Optional.of(job);
    }

    private void finished(Job<Encoded> job) {
        if (current == job) {
            current = null;
            running.set(false);
        }
    }

    /** Asks the running encode job to stop at its next safe point. */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    private void onProgress(JobSnapshot s) {
        if (s.state().isFinished()) {
            progress.set(s.state() == dev.augur.core.task.JobState.SUCCEEDED ? 1 : Math.max(0, s.fraction()));
        } else {
            progress.set(s.fraction()); // -1 (indeterminate) while the encoder loads
        }
        jobLine.set(JobsViewModel.describe(s));
    }

    /** "encoded N, skipped M unchanged, T truncated, X texts/s on cpu (reason)". */
    public static String describe(EncodeReport r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "encoded %,d, skipped %,d unchanged, %,d truncated, %,.0f texts/s on %s (%s)", r.encoded(), r.skipped(),
                r.truncated(), r.perSecond(), r.device(), r.deviceReason()));
        if (r.empty() > 0) {
            sb.append(String.format(Locale.ROOT, "; %,d without text", r.empty()));
        }
        if (r.pooled() > 0) {
            sb.append(String.format(Locale.ROOT, "; %,d item and user vectors pooled from reviews", r.pooled()));
        }
        return sb.toString();
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    public ObservableList<VectorSetInfo> sets() {
        return sets;
    }

    public ObservableList<String> datasets() {
        return datasets;
    }

    public ObservableList<EncodeTarget> targets() {
        return targets;
    }

    public ObservableList<String> models() {
        return models;
    }

    public ObservableList<DeviceChoice> devices() {
        return devices;
    }

    public ObjectProperty<String> datasetProperty() {
        return dataset;
    }

    public ObjectProperty<EncodeTarget> targetProperty() {
        return target;
    }

    public StringProperty templateProperty() {
        return template;
    }

    public ObjectProperty<String> modelProperty() {
        return model;
    }

    public ObjectProperty<DeviceChoice> deviceProperty() {
        return device;
    }

    public BooleanBinding templateEnabled() {
        return templateEnabled;
    }

    public BooleanBinding canEncode() {
        return canEncode;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The running job as the Jobs view describes it: percentage, ETA, what it is doing. */
    public ReadOnlyStringProperty jobLineProperty() {
        return jobLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
