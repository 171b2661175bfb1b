package dev.augur.ui.profiles;

import dev.augur.app.LlmConfig;
import dev.augur.core.augment.PromptTemplate;
import dev.augur.core.augment.TemplateRegistry;
import dev.augur.core.llm.LlmClients;
import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.Generation;
import dev.augur.core.store.GenerationFilter;
import dev.augur.core.store.GenerationPage;
import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.UserRecord;
import dev.augur.core.store.Workspace;
import dev.augur.core.store.WorkspaceReader;
import dev.augur.core.task.Job;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.BackgroundJobs;
import dev.augur.ui.common.ItemSelection;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Profiles section: the workspace's LLM generations, filtered ({@link #filter()}) and paged, and for the one
 * selected its source data, output and provenance ({@link #detail()}), review commands, edits ({@link #editor()})
 * and a word diff against another generation of the same entity ({@link #compare()}). Every read and write runs as
 * a job on the app's executor; results land here on the JavaFX thread.
 */
public final class ProfilesViewModel {
    public static final int PAGE_SIZE = 100;

    /** One row of the list: the generation and its user's or item's external id. */
    public record Row(Generation generation, String entity) {
        public long id() {
            return generation.id();
        }
    }

    record Loaded(GenerationPage page, List<Row> rows, long everything, List<String> templates) {
    }

    private final BackgroundJobs jobs;
    private final GenerateViewModel generate;
    private final ItemSelection selection;
    private final Runnable onShowMap;
    private final ObjectProperty<Path> workspace = new SimpleObjectProperty<>();
    private final ProfilesFilter filter = new ProfilesFilter();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper offset = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper pageLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    private final GenerationDetail detail;
    private final GenerationComparison compare;
    private final GenerationEditor editor = new GenerationEditor();
    private long listing;

    /**
     * @param selection the shared item selection "Show on map" writes
     * @param onShowMap switches to the Embeddings section
     */
    public ProfilesViewModel(TaskExecutor tasks, ItemSelection selection, Runnable onShowMap) {
        this(tasks, selection, onShowMap, () -> LlmConfig.of(new dev.augur.app.Settings()));
    }

    /**
     * @param llm the LLM the settings name, for the Generate panel (read on the JavaFX thread)
     */
    public ProfilesViewModel(TaskExecutor tasks, ItemSelection selection, Runnable onShowMap,
                             Supplier<LlmConfig> llm) {
        this.jobs = new BackgroundJobs(tasks, error::set);
        this.detail = new GenerationDetail(jobs, workspace::get);
        this.compare = new GenerationComparison(detail.selectedProperty());
        this.generate = new GenerateViewModel(tasks, llm, runTarget -> {
            if (runTarget.equals(filter.targetProperty().get())) {
                refresh();
            } else {
                filter.targetProperty().set(runTarget); // the listener refreshes
            }
        });
        generate.workspaceProperty().bind(workspace);
        generate.datasetProperty().bind(filter.datasetProperty());
        this.selection = selection;
        this.onShowMap = onShowMap;
        filter.onChange(() -> {
            offset.set(0);
            refresh();
        });
    }

    /** Shows the generations of {@code file}, whose datasets are {@code datasetInfos}. */
    public void open(Path file, List<DatasetInfo> datasetInfos) {
        workspace.set(file);
        String next = filter.offerDatasets(datasetInfos);
        offset.set(0);
        clearSelection();
        if (Objects.equals(next, filter.datasetProperty().get())) {
            refresh();
        } else {
            filter.datasetProperty().set(next); // the listener refreshes
        }
    }

    /** Re-reads the current page in the background; the selection is kept when its row is still there. */
    public Job<Loaded> refresh() {
        Path file = workspace.get();
        if (file == null) {
            return null;
        }
        long gen = ++listing;
        GenerationFilter f = filter.storeFilter();
        long from = offset.get();
        return jobs.submit("Generations of " + file.getFileName(), () -> {
            try (Workspace ws = Workspace.open(file)) {
                GenerationPage page = ws.generations().list(f, from, PAGE_SIZE);
                WorkspaceReader r = ws.read();
                List<Row> out = new ArrayList<>();
                for (Generation g : page.rows()) {
                    out.add(new Row(g, externalId(r, g)));
                }
                long everything = ws.generations().counts(GenerationFilter.all()).total();
                Set<String> ids = new LinkedHashSet<>();
                new TemplateRegistry().all(ws).stream().map(PromptTemplate::id).forEach(ids::add);
                page.rows().forEach(g -> ids.add(g.templateId()));
                return new Loaded(page, out, everything, List.copyOf(ids));
            }
        }, loaded -> {
            if (gen != listing) {
                return;
            }
            empty.set(loaded.everything() == 0);
            total.set(loaded.page().total());
            rows.setAll(loaded.rows());
            filter.offerTemplates(loaded.templates());
            long first = loaded.rows().isEmpty() ? 0 : from + 1;
            pageLine.set(String.format(Locale.ROOT, "%,d–%,d of %,d", first, from + loaded.rows().size(),
                    loaded.page().total()));
            Row was = detail.selected();
            if (was != null) {
                loaded.rows().stream().filter(r -> r.id() == was.id()).findFirst().ifPresent(this::showRow);
            }
        });
    }

    private static String externalId(WorkspaceReader r, Generation g) {
        Optional<String> ext = "item".equals(g.entityKind()) ? r.item(g.entityId()).map(ItemRecord::externalId)
                : r.user(g.entityId()).map(UserRecord::externalId);
        return ext.orElse("#" + g.entityId());
    }

    public void nextPage() {
        if (offset.get() + PAGE_SIZE < total.get()) {
            offset.set(offset.get() + PAGE_SIZE);
            refresh();
        }
    }

    public void previousPage() {
        if (offset.get() > 0) {
            offset.set(Math.max(0, offset.get() - PAGE_SIZE));
            refresh();
        }
    }

    // ---- the selected generation -------------------------------------------------------------------------------

    /** Shows {@code row}: its output at once, its source data and history once read. Null clears the panes. */
    public Job<GenerationText.Detail> select(Row row) {
        if (row == null) {
            clearSelection();
            return null;
        }
        Row was = detail.selected();
        boolean sameEntity = was != null && sameEntity(was.generation(), row.generation());
        showRow(row);
        if (!sameEntity) {
            compare.unpick();
        } else {
            compare.update();
        }
        return detail.read(row, d -> compare.offer(d.history(), d.generationId()));
    }

    private void showRow(Row row) {
        detail.show(row);
        editor.close();
    }

    private static boolean sameEntity(Generation a, Generation b) {
        return a.datasetId() == b.datasetId() && a.entityKind().equals(b.entityKind()) && a.entityId() == b.entityId();
    }

    private void clearSelection() {
        detail.clear();
        compare.clear();
        editor.close();
    }

    // ---- commands on the selected generation ------------------------------------------------------------------

    public Optional<Job<?>> approve() {
        return review("approved");
    }

    public Optional<Job<?>> reject() {
        return review("rejected");
    }

    private Optional<Job<?>> review(String to) {
        Row row = detail.selected();
        Path file = workspace.get();
        if (row == null || file == null) {
            return Optional.empty();
        }
        long id = row.id();
        return Optional.of(jobs.submit("Mark generation " + id + " " + to, () -> {
            try (Workspace ws = Workspace.open(file)) {
                ws.generations().setReviewStatus(id, to);
                return ws.generations().get(id).orElseThrow();
            }
        }, g -> {
            Row now = new Row(g, row.entity());
            int at = indexOf(id);
            if (at >= 0) {
                rows.set(at, now);
            }
            if (detail.selected() != null && detail.selected().id() == id) {
                showRow(now);
            }
            refresh(); // the row may leave the filtered list
        }));
    }

    private int indexOf(long id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    /** Opens the editor on the selected generation's JSON (its raw output when it has none). */
    public void startEdit() {
        Row row = detail.selected();
        if (row != null) {
            editor.open(row.generation());
        }
    }

    /**
     * Saves the editor's text as a new version of the selected generation (the original stays); text that is not
     * valid JSON shows an error and saves nothing.
     */
    public Optional<Job<Generation>> saveEdit() {
        Row row = detail.selected();
        Path file = workspace.get();
        if (row == null || file == null || !editor.isEditing()) {
            return Optional.empty();
        }
        String text = editor.text();
        Optional<String> parsed = editor.validJson();
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        long parent = row.id();
        String author = System.getProperty("user.name", "analyst");
        return Optional.of(jobs.submit("Edit generation " + parent, () -> {
            try (Workspace ws = Workspace.open(file)) {
                return ws.generations().edit(parent, text, parsed.get(), author);
            }
        }, g -> {
            editor.close();
            select(new Row(g, row.entity()));
            refresh();
        }));
    }

    /** Selects the item in the shared selection and shows the map (items only). */
    public boolean showOnMap() {
        Row row = detail.selected();
        if (row == null || !"item".equals(row.generation().entityKind())) {
            return false;
        }
        String ds = detail.dataset().isEmpty() ? filter.datasetProperty().get() : detail.dataset();
        selection.replace(ds, new long[] {row.generation().entityId()});
        onShowMap.run();
        return true;
    }

    /** How to make generations, for the empty state. */
    public static String howToMake() {
        return "No generations in this workspace yet. Make them with Generate… here, or on the command line, for example\n\n"
                + "  augur augment --workspace FILE.augur --template kar-item-knowledge --target items --model NAME\n"
                + "  augur augment import outputs.jsonl --workspace FILE.augur --target items\n\n"
                + "(augur augment --list-templates lists the templates.)\n\n" + LlmClients.howToConnect();
    }

    // ---- properties ---------------------------------------------------------------------------------------------

    /** The Generate panel: preview, estimate and run a batch of generations. */
    public GenerateViewModel generate() {
        return generate;
    }

    /** The filters of the list. */
    public ProfilesFilter filter() {
        return filter;
    }

    /** The panes of the selected generation. */
    public GenerationDetail detail() {
        return detail;
    }

    /** The comparison of the selected generation with another of its entity. */
    public GenerationComparison compare() {
        return compare;
    }

    /** The editor on the selected generation. */
    public GenerationEditor editor() {
        return editor;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty offsetProperty() {
        return offset.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pageLineProperty() {
        return pageLine.getReadOnlyProperty();
    }

    /** True once read and the workspace has no generations at all. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** True while a read or write of this section runs. */
    public BooleanBinding busy() {
        return jobs.busy();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
