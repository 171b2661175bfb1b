package dev.augur.ui.profiles;

import dev.augur.app.LlmConfig;
import dev.augur.core.augment.AugmentReport;
import dev.augur.core.augment.AugmentRequest;
import dev.augur.core.augment.AugmentService;
import dev.augur.core.augment.AugmentTarget;
import dev.augur.core.augment.Estimate;
import dev.augur.core.augment.PromptTemplate;
import dev.augur.core.augment.TemplateRegistry;
import dev.augur.core.llm.LlmClient;
import dev.augur.core.llm.LlmClients;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.Job;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.BackgroundJobs;
import dev.augur.ui.common.JobBinding;
import dev.augur.ui.common.JobProgress;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Profiles section's "Generate" panel: pick a template, target and entities, preview the prompt, estimate the
 * cost, and run a batch against the LLM of the settings as a job (progress and cancel here and in the Jobs view).
 * Every read and every LLM call runs on the task executor. No Nodes here; never sees an API key.
 */
public final class GenerateViewModel {
    /** Output tokens per second assumed for an estimate until a run here has measured one. */
    public static final double ASSUMED_TOKENS_PER_SECOND = 20;

    private final TaskExecutor tasks;
    private final BackgroundJobs jobs;
    private final Supplier<LlmConfig> llm;
    private final Consumer<String> onGenerated;
    private final ObjectProperty<Path> workspace = new SimpleObjectProperty<>();
    private final ObjectProperty<String> dataset = new SimpleObjectProperty<>();
    private final ObservableList<String> targets = FXCollections.observableArrayList("items", "users");
    private final ObjectProperty<String> target = new SimpleObjectProperty<>("items");
    private final ObservableList<String> templates = FXCollections.observableArrayList();
    private final ObjectProperty<String> template = new SimpleObjectProperty<>();
    private final StringProperty ids = new SimpleStringProperty("");
    private final IntegerProperty limit = new SimpleIntegerProperty(0);
    private final IntegerProperty concurrency = new SimpleIntegerProperty(4);
    private final ReadOnlyStringWrapper previewTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper previewSystem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper previewUser = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper estimateLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reportLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final JobProgress runProgress = new JobProgress();
    private final ReadOnlyBooleanWrapper llmConfigured = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper llmLine = new ReadOnlyStringWrapper("");
    private long loadingTemplates;
    private double measuredTokensPerSecond;
    private Job<AugmentReport> current;

    /**
     * @param llm         the LLM of the settings, read on the JavaFX thread when the panel opens and when a run starts
     * @param onGenerated called on the JavaFX thread after a run, with its target ("items" or "users")
     */
    public GenerateViewModel(TaskExecutor tasks, Supplier<LlmConfig> llm, Consumer<String> onGenerated) {
        this.tasks = tasks;
        this.jobs = BackgroundJobs.clearingErrorOnSubmit(tasks, error::set);
        this.llm = llm;
        this.onGenerated = onGenerated;
        workspace.addListener((o, was, is) -> loadTemplates());
        target.addListener((o, was, is) -> loadTemplates());
        refreshLlm();
    }

    /** Re-reads the LLM settings (call when the panel shows). */
    public void refreshLlm() {
        LlmConfig c = llm.get();
        boolean ok = c != null && c.configured();
        llmConfigured.set(ok);
        llmLine.set(ok ? "Runs with " + c.describe() : (c == null ? "" : "The LLM settings are incomplete ("
                + c.problem().orElse("") + "). ") + LlmClients.howToConnect() + " Set it in Settings → LLM.");
    }

    private AugmentTarget augmentTarget() {
        return AugmentTarget.parse(target.get() == null ? "items" : target.get());
    }

    /** Lists the templates for the chosen target in the background. */
    public Job<List<String>> loadTemplates() {
        Path file = workspace.get();
        if (file == null) {
            return null;
        }
        long gen = ++loadingTemplates;
        AugmentTarget t = augmentTarget();
        return jobs.submit("Templates for " + t.id(), () -> {
            try (Workspace ws = Workspace.open(file)) {
                Set<String> out = new LinkedHashSet<>();
                new TemplateRegistry().all(ws).stream().filter(p -> p.target() == t).map(PromptTemplate::id)
                        .forEach(out::add);
                return List.copyOf(out);
            }
        }, list -> {
            if (gen != loadingTemplates) {
                return;
            }
            String keep = template.get();
            templates.setAll(list);
            template.set(keep != null && list.contains(keep) ? keep : list.isEmpty() ? null : list.get(0));
        });
    }

    /** The request the panel describes, or empty with the reason on the error line when it is incomplete. */
    private Optional<AugmentRequest> validRequest() {
        try {
            return Optional.of(request());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return Optional.empty();
        }
    }

    /** The request the panel describes; throws IllegalArgumentException with a readable message when incomplete. */
    AugmentRequest request() {
        if (workspace.get() == null) {
            throw new IllegalArgumentException("Open a workspace first.");
        }
        if (template.get() == null || template.get().isBlank()) {
            throw new IllegalArgumentException("Pick a template.");
        }
        AugmentRequest r = AugmentRequest.of(template.get(), augmentTarget())
                .withConcurrency(Math.max(1, concurrency.get()));
        if (dataset.get() != null) {
            r = r.withDataset(dataset.get());
        }
        List<String> list = idList();
        if (!list.isEmpty()) {
            r = r.withIds(list);
        } else if (limit.get() > 0) {
            r = r.withLimit(limit.get());
        }
        return r;
    }

    private List<String> idList() {
        String s = ids.get() == null ? "" : ids.get();
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).distinct().toList();
    }

    /** Renders the prompt for the first id (or the first entity) and shows its system and user text. */
    public Optional<Job<PromptPreview>> preview() {
        Optional<AugmentRequest> valid = validRequest();
        if (valid.isEmpty()) {
            return Optional.empty();
        }
        AugmentRequest r = valid.get();
        Path file = workspace.get();
        List<String> list = idList();
        String first = list.isEmpty() ? null : list.get(0);
        return Optional.of(jobs.submit("Preview " + r.templateId(), () -> {
            try (Workspace ws = Workspace.open(file)) {
                return PromptPreview.render(ws, r, first);
            }
        }, p -> {
            previewTitle.set(p.title());
            previewSystem.set(p.system());
            previewUser.set(p.user());
        }));
    }

    /** Estimates prompt tokens, output tokens and time of the batch the panel describes. */
    public Optional<Job<Estimate>> estimate() {
        Optional<AugmentRequest> valid = validRequest();
        if (valid.isEmpty()) {
            return Optional.empty();
        }
        AugmentRequest r = valid.get();
        Path file = workspace.get();
        boolean measured = measuredTokensPerSecond > 0;
        double rate = measured ? measuredTokensPerSecond : ASSUMED_TOKENS_PER_SECOND;
        return Optional.of(jobs.submit("Estimate " + r.templateId(), () -> {
            try (Workspace ws = Workspace.open(file)) {
                return Estimate.of(ws, new AugmentService(new TemplateRegistry()), r, rate, 0);
            }
        }, e -> estimateLine.set(GenerateText.describe(e, rate, measured))));
    }

    /** Runs the batch as a job with the LLM of the settings; empty (nothing started) when one is missing. */
    public Optional<Job<AugmentReport>> run() {
        refreshLlm();
        if (!llmConfigured.get() || current != null) {
            return Optional.empty();
        }
        Optional<AugmentRequest> valid = validRequest();
        if (valid.isEmpty()) {
            return Optional.empty();
        }
        AugmentRequest r = valid.get();
        LlmConfig config = llm.get();
        Path file = workspace.get();
        String runTarget = r.target().id();
        error.set("");
        reportLine.set("");
        String name = "Generate " + r.templateId() + " for " + runTarget + " with " + config.describe();
        runProgress.queued(name);
        Job<AugmentReport> job = tasks.submit(name, m -> {
            try (Workspace ws = Workspace.open(file); LlmClient client = config.open()) {
                return new AugmentService(new TemplateRegistry()).run(ws, r, client, m);
            }
        });
        current = job;
        JobBinding.follow(job, runProgress::update, report -> {
            finished(job);
            if (report.completionTokens() > 0 && report.seconds() > 0 && report.llmCalls() > 0) {
                measuredTokensPerSecond = report.completionTokens() / report.seconds();
            }
            reportLine.set(GenerateText.describe(report));
            onGenerated.accept(runTarget);
        }, e -> {
            finished(job);
            if (e instanceof TaskCancelledException) {
                reportLine.set("Cancelled; what was generated before the cancel is kept and a re-run reuses it.");
                onGenerated.accept(runTarget);
            } else {
                error.set(BackgroundJobs.message(e));
            }
        });
        return Optional.of(job);
    }

    private void finished(Job<AugmentReport> job) {
        if (current == job) {
            current = null;
            runProgress.stopped();
        }
    }

    /** Asks the running batch to stop: no new calls; calls in flight finish and are stored. */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    // ---- properties ---------------------------------------------------------------------------------------------

    public ObjectProperty<Path> workspaceProperty() {
        return workspace;
    }

    public ObjectProperty<String> datasetProperty() {
        return dataset;
    }

    public ObservableList<String> targets() {
        return targets;
    }

    public ObjectProperty<String> targetProperty() {
        return target;
    }

    public ObservableList<String> templates() {
        return templates;
    }

    public ObjectProperty<String> templateProperty() {
        return template;
    }

    /** Comma-separated external ids; blank: the first {@link #limitProperty()} entities (0 = all). */
    public StringProperty idsProperty() {
        return ids;
    }

    public IntegerProperty limitProperty() {
        return limit;
    }

    public IntegerProperty concurrencyProperty() {
        return concurrency;
    }

    public ReadOnlyStringProperty previewTitleProperty() {
        return previewTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewSystemProperty() {
        return previewSystem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewUserProperty() {
        return previewUser.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty estimateLineProperty() {
        return estimateLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reportLineProperty() {
        return reportLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty jobLineProperty() {
        return runProgress.lineProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return runProgress.runningProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return runProgress.progressProperty();
    }

    public ReadOnlyBooleanProperty llmConfiguredProperty() {
        return llmConfigured.getReadOnlyProperty();
    }

    /** The LLM a run uses, or how to connect one. */
    public ReadOnlyStringProperty llmLineProperty() {
        return llmLine.getReadOnlyProperty();
    }

    /** True while a template list, preview or estimate is being read. */
    public BooleanBinding busy() {
        return jobs.busy();
    }
}
