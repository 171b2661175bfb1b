package dev.augur.ui.importer;

import dev.augur.core.dataset.ColumnMapping;
import dev.augur.core.dataset.Detection;
import dev.augur.core.dataset.ImportOptions;
import dev.augur.core.dataset.ImportReport;
import dev.augur.core.dataset.ImportService;
import dev.augur.core.dataset.OnError;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.Job;
import dev.augur.core.task.JobSnapshot;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.JobBinding;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * The import wizard: a source is detected in the background and its first lines previewed; options (name,
 * error policy, CSV column mapping) are edited; the import runs as a job with progress, rate, ETA and cancel.
 * A failure keeps the message with file and line; the workspace is unchanged.
 */
public final class ImportWizardViewModel {
    private static final int PREVIEW_LINES = 8;
    /** Sources up to this size get a dry run (into a scratch workspace) so the preview shows parsed rows and problems. */
    private static final long DRY_RUN_BYTES = 32L * 1024 * 1024;
    /** Marks a preview line that reports a problem; the view highlights it. */
    public static final String PROBLEM = "⚠ ";

    private final TaskExecutor tasks;
    private final ImportService imports;
    private final Path workspace;
    private final Consumer<ImportReport> onImported;
    private final ObjectProperty<Path> source = new SimpleObjectProperty<>();
    private final StringProperty detected = new SimpleStringProperty("Choose a file or a folder.");
    private final ObservableList<String> preview = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<OnError> onError = new SimpleObjectProperty<>(OnError.ABORT);
    private final StringProperty columns = new SimpleStringProperty("");
    private final BooleanProperty csv = new SimpleBooleanProperty(false);
    private final BooleanProperty canImport = new SimpleBooleanProperty(false);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private Job<ImportReport> job;

    public ImportWizardViewModel(TaskExecutor tasks, ImportService imports, Path workspace, Consumer<ImportReport> onImported) {
        this.tasks = tasks;
        this.imports = imports;
        this.workspace = workspace;
        this.onImported = onImported;
    }

    /** Detects the format of {@code path} and reads the first lines of its main file, in the background. */
    public void choose(Path path) {
        source.set(path);
        canImport.set(false);
        error.set("");
        detected.set("Detecting the format of " + path.getFileName() + "…");
        Job<Preview> detect = tasks.submit("Detect " + path.getFileName(), m -> preview(path));
        JobBinding.follow(detect, s -> { }, p -> {
            detected.set(p.detection().description() + " — " + p.detection().importer().id());
            preview.setAll(p.lines());
            name.set(p.detection().suggestedName());
            csv.set(p.detection().importer().family().equals("csv"));
            canImport.set(true);
        }, e -> {
            detected.set("Not importable");
            error.set(e.getMessage());
        });
    }

    private record Preview(Detection detection, List<String> lines) {
    }

    private Preview preview(Path path) throws Exception {
        Detection d = imports.detect(path, "auto");
        List<String> lines = new ArrayList<>();
        long bytes = 0;
        for (Path f : d.files()) {
            bytes += Files.isRegularFile(f) ? Files.size(f) : 0;
        }
        if (bytes <= DRY_RUN_BYTES) {
            lines.addAll(dryRun(path)); // parsed rows and problems first: that is what the analyst checks
        } else {
            lines.add("(larger than 32 MB: rows are checked during the import)");
        }
        Path main = d.files().isEmpty() ? path : d.files().get(d.files().size() - 1);
        if (Files.isRegularFile(main)) {
            lines.add("── first lines of " + main.getFileName() + " ──");
            int raw = 0;
            try (InputStream rawIn = Files.newInputStream(main);
                 InputStream in = main.toString().endsWith(".gz") ? new GZIPInputStream(rawIn) : rawIn;
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String s; raw++ < PREVIEW_LINES && (s = r.readLine()) != null; ) {
                    lines.add(s.length() > 200 ? s.substring(0, 200) + "…" : s);
                }
            }
        }
        return new Preview(d, lines);
    }

    /** Imports into a scratch workspace with the skip policy: the first rows as parsed, then every problem. */
    private List<String> dryRun(Path path) throws Exception {
        List<String> out = new ArrayList<>();
        Path scratch = Files.createTempFile("augur-preview", ".augur");
        Files.delete(scratch);
        try (Workspace ws = Workspace.open(scratch)) {
            ImportReport r = imports.run(ws, path, ImportOptions.defaults().withOnError(OnError.SKIP),
                    dev.augur.core.task.TaskMonitor.NONE);
            out.add(String.format(Locale.ROOT, "── as parsed: %,d users, %,d items, %,d interactions, %,d reviews ──",
                    r.users(), r.items(), r.interactions(), r.reviews()));
            dev.augur.core.store.TableKind kind = r.interactions() > 0 ? dev.augur.core.store.TableKind.INTERACTIONS
                    : dev.augur.core.store.TableKind.ITEMS;
            var page = ws.read().page(dev.augur.core.store.PageRequest.of(r.dataset(), kind, 0, PREVIEW_LINES));
            List<String> labels = kind.columns().stream().map(dev.augur.core.store.TableColumnSpec::label).toList();
            out.add(String.join(" · ", labels));
            for (List<Object> row : page.rows()) {
                out.add(String.join(" · ", row.stream().map(v -> v == null ? "" : String.valueOf(v)).toList()));
            }
            r.warnings().forEach(w -> out.add(PROBLEM + w));
            if (r.skipped() > 0) {
                out.add(String.format(Locale.ROOT, "%s%,d bad lines (the import stops at the first unless you choose SKIP):",
                        PROBLEM, r.skipped()));
                r.problems().forEach(p -> out.add(PROBLEM + p));
            }
        } catch (dev.augur.core.dataset.ImportException e) {
            out.add(PROBLEM + e.getMessage());
        } finally {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(scratch + suffix));
            }
        }
        return out;
    }

    /** Starts the import job; progress, rate and ETA show in {@link #statusProperty()}. */
    public void start() {
        Path path = source.get();
        if (path == null || running.get()) {
            return;
        }
        ImportOptions options = ImportOptions.defaults().withOnError(onError.get());
        if (!name.get().isBlank()) {
            options = options.withName(name.get().strip());
        }
        if (csv.get() && !columns.get().isBlank()) {
            try {
                options = options.withMapping(ColumnMapping.parse(columns.get()));
            } catch (IllegalArgumentException e) {
                error.set(e.getMessage());
                return;
            }
        }
        ImportOptions chosen = options;
        error.set("");
        running.set(true);
        job = tasks.submit("Import " + path.getFileName(), m -> {
            try (Workspace ws = Workspace.open(workspace)) {
                return imports.run(ws, path, chosen, m);
            }
        });
        JobBinding.follow(job, this::onProgress, r -> {
            running.set(false);
            progress.set(1);
            status.set(String.format(Locale.ROOT, "Imported '%s': %,d users, %,d items, %,d interactions, %,d reviews in %.1f s%s",
                    r.dataset(), r.users(), r.items(), r.interactions(), r.reviews(), r.seconds(),
                    r.skipped() > 0 ? String.format(Locale.ROOT, "; %,d bad lines skipped", r.skipped()) : ""));
            onImported.accept(r);
        }, e -> {
            running.set(false);
            status.set(e instanceof dev.augur.core.task.TaskCancelledException ? "Cancelled; the workspace is unchanged."
                    : "Import failed; the workspace is unchanged.");
            if (!(e instanceof dev.augur.core.task.TaskCancelledException)) {
                error.set(e.getMessage());
            }
        });
    }

    public void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    private void onProgress(JobSnapshot s) {
        progress.set(s.fraction() < 0 ? -1 : s.fraction());
        if (running.get()) {
            status.set(String.format(Locale.ROOT, "%s · %.1f MB/s%s", s.message(), s.ratePerSecond() / 1e6,
                    s.eta().map(d -> " · ETA " + d.toSeconds() + " s").orElse("")));
        }
    }

    public ObjectProperty<Path> sourceProperty() { return source; }
    public StringProperty detectedProperty() { return detected; }
    public ObservableList<String> preview() { return preview; }
    public StringProperty nameProperty() { return name; }
    public ObjectProperty<OnError> onErrorProperty() { return onError; }
    public StringProperty columnsProperty() { return columns; }
    public BooleanProperty csvProperty() { return csv; }
    public BooleanProperty canImportProperty() { return canImport; }
    public BooleanProperty runningProperty() { return running; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty statusProperty() { return status; }
    public StringProperty errorProperty() { return error; }
}
