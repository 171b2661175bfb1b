package dev.augur.ui.profiles;

import dev.augur.app.LlmConfig;
import dev.augur.core.augment.PromptTemplate;
import dev.augur.core.augment.TemplateRegistry;
import dev.augur.core.llm.LlmClients;
import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.EntityReview;
import dev.augur.core.store.Generation;
import dev.augur.core.store.GenerationFilter;
import dev.augur.core.store.GenerationPage;
import dev.augur.core.store.HistoryEntry;
import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.UserRecord;
import dev.augur.core.store.Workspace;
import dev.augur.core.store.WorkspaceReader;
import dev.augur.core.task.Job;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.BackgroundJobs;
import dev.augur.ui.common.ItemSelection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Profiles section: the workspace's LLM generations, filtered and paged, and for the one selected its source
 * data, its output and provenance, review commands, edits and a word diff against another generation of the same
 * entity. Every read and write runs as a job on the app's executor; results land here on the JavaFX thread.
 */
public final class ProfilesViewModel {
    public static final String ALL = "all";
    public static final int PAGE_SIZE = 100;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** One row of the list: the generation and its user's or item's external id. */
    public record Row(Generation generation, String entity) {
        public long id() {
            return generation.id();
        }
    }

    /** What a selection loads in the background: the source data and the entity's other generations. */
    record Detail(long generationId, String sourceTitle, String sourceText, String dataset, String externalId,
                  List<Generation> history) {
    }

    record Loaded(GenerationPage page, List<Row> rows, long everything, List<String> templates) {
    }

    private final BackgroundJobs jobs;
    private final GenerateViewModel generate;
    private final ItemSelection selection;
    private final Runnable onShowMap;
    private final ObjectProperty<Path> workspace = new SimpleObjectProperty<>();
    private final Map<String, Long> datasetIds = new LinkedHashMap<>();
    private final ObservableList<String> datasets = FXCollections.observableArrayList();
    private final ObservableList<String> targets = FXCollections.observableArrayList("items", "users");
    private final ObservableList<String> statuses = FXCollections.observableArrayList(ALL, Generation.OK, Generation.FAILED);
    private final ObservableList<String> reviewStatuses = FXCollections.observableArrayList(ALL, "pending", "approved", "rejected");
    private final ObservableList<String> templates = FXCollections.observableArrayList(ALL);
    private final ObjectProperty<String> dataset = new SimpleObjectProperty<>();
    private final ObjectProperty<String> target = new SimpleObjectProperty<>("items");
    private final ObjectProperty<String> status = new SimpleObjectProperty<>(ALL);
    private final ObjectProperty<String> reviewStatus = new SimpleObjectProperty<>(ALL);
    private final ObjectProperty<String> template = new SimpleObjectProperty<>(ALL);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper offset = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper pageLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    private final ReadOnlyObjectWrapper<Row> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper sourceTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sourceText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper output = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper provenanceLine = new ReadOnlyStringWrapper("");
    private final ObservableList<Generation> history = FXCollections.observableArrayList();
    private final ObjectProperty<Generation> compareWith = new SimpleObjectProperty<>();
    private final ObservableList<WordDiff.Token> diffLeft = FXCollections.observableArrayList();
    private final ObservableList<WordDiff.Token> diffRight = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper diffLabel = new ReadOnlyStringWrapper("");
    private final BooleanProperty editing = new SimpleBooleanProperty(false);
    private final StringProperty editText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper editError = new ReadOnlyStringWrapper("");
    private final BooleanBinding hasSelection = selected.isNotNull();
    private final BooleanBinding canShowOnMap = Bindings.createBooleanBinding(
            () -> selected.get() != null && "item".equals(selected.get().generation().entityKind()), selected);
    private String selectedDataset = "";
    private long listing;
    private long detailing;

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
                             java.util.function.Supplier<LlmConfig> llm) {
        this.jobs = new BackgroundJobs(tasks, error::set);
        this.generate = new GenerateViewModel(tasks, llm, runTarget -> {
            if (runTarget.equals(target.get())) {
                refresh();
            } else {
                target.set(runTarget); // the listener refreshes
            }
        });
        generate.workspaceProperty().bind(workspace);
        generate.datasetProperty().bind(dataset);
        this.selection = selection;
        this.onShowMap = onShowMap;
        for (ObjectProperty<String> p : List.of(dataset, target, status, reviewStatus, template)) {
            p.addListener((o, was, is) -> {
                offset.set(0);
                refresh();
            });
        }
        compareWith.addListener((o, was, is) -> updateDiff());
    }

    /** Shows the generations of {@code file}, whose datasets are {@code datasetInfos}. */
    public void open(Path file, List<DatasetInfo> datasetInfos) {
        workspace.set(file);
        datasetIds.clear();
        datasetInfos.forEach(d -> datasetIds.put(d.name(), d.id()));
        List<String> names = List.copyOf(datasetIds.keySet());
        String keep = dataset.get();
        datasets.setAll(names);
        String next = keep != null && names.contains(keep) ? keep : names.isEmpty() ? null : names.get(0);
        offset.set(0);
        clearSelection();
        if (java.util.Objects.equals(next, dataset.get())) {
            refresh();
        } else {
            dataset.set(next); // the listener refreshes
        }
    }

    private GenerationFilter filter() {
        String kind = "users".equals(target.get()) ? "user" : "item";
        Long id = dataset.get() == null ? null : datasetIds.get(dataset.get());
        return new GenerationFilter(id == null ? 0 : id, kind, any(template.get()), any(status.get()),
                any(reviewStatus.get()));
    }

    private static String any(String v) {
        return v == null || ALL.equals(v) ? "" : v;
    }

    /** Re-reads the current page in the background; the selection is kept when its row is still there. */
    public Job<Loaded> refresh() {
        Path file = workspace.get();
        if (file == null) {
            return null;
        }
        long gen = ++listing;
        GenerationFilter f = filter();
        long from = offset.get();
        Job<Loaded> job = jobs.submit("Generations of " + file.getFileName(), () -> {
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
            for (String t : loaded.templates()) {
                if (!templates.contains(t)) {
                    templates.add(t);
                }
            }
            long first = loaded.rows().isEmpty() ? 0 : from + 1;
            pageLine.set(String.format(Locale.ROOT, "%,d–%,d of %,d", first, from + loaded.rows().size(),
                    loaded.page().total()));
            Row was = selected.get();
            if (was != null) {
                loaded.rows().stream().filter(r -> r.id() == was.id()).findFirst().ifPresent(this::showRow);
            }
        });
        return job;
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
    public Job<Detail> select(Row row) {
        if (row == null) {
            clearSelection();
            return null;
        }
        Row was = selected.get();
        boolean sameEntity = was != null && sameEntity(was.generation(), row.generation());
        showRow(row);
        if (!sameEntity) {
            compareWith.set(null);
        } else {
            updateDiff();
        }
        Path file = workspace.get();
        long gen = ++detailing;
        Generation g = row.generation();
        return jobs.submit("Source of " + g.entityKind() + " " + row.entity(), () -> {
            try (Workspace ws = Workspace.open(file)) {
                return readDetail(ws, g);
            }
        }, d -> {
            if (gen != detailing) {
                return;
            }
            sourceTitle.set(d.sourceTitle());
            sourceText.set(d.sourceText());
            selectedDataset = d.dataset();
            Generation keep = compareWith.get();
            history.setAll(d.history().stream().filter(h -> h.id() != d.generationId()).toList());
            if (keep != null) {
                compareWith.set(history.stream().filter(h -> h.id() == keep.id()).findFirst().orElse(null));
            }
        });
    }

    private void showRow(Row row) {
        selected.set(row);
        Generation g = row.generation();
        output.set(display(g));
        provenanceLine.set(provenance(g));
        editing.set(false);
        editError.set("");
    }

    private static boolean sameEntity(Generation a, Generation b) {
        return a.datasetId() == b.datasetId() && a.entityKind().equals(b.entityKind()) && a.entityId() == b.entityId();
    }

    private void clearSelection() {
        ++detailing;
        selected.set(null);
        sourceTitle.set("");
        sourceText.set("");
        output.set("");
        provenanceLine.set("");
        history.clear();
        compareWith.set(null);
        editing.set(false);
        editError.set("");
    }

    static Detail readDetail(Workspace ws, Generation g) {
        WorkspaceReader r = ws.read();
        StringBuilder sb = new StringBuilder();
        String title;
        String dataset;
        String externalId;
        if ("item".equals(g.entityKind())) {
            ItemRecord item = r.item(g.entityId()).orElse(null);
            if (item == null) {
                return new Detail(g.id(), "Item #" + g.entityId() + " is no longer in the workspace", "", "", "",
                        ws.generations().history(g.datasetId(), g.entityKind(), g.entityId()));
            }
            dataset = item.dataset();
            externalId = item.externalId();
            title = (item.title() == null || item.title().isBlank() ? "(no title)" : item.title()) + "  ·  item "
                    + item.externalId();
            sb.append("Categories: ").append(categories(item.categoriesJson())).append("\n\n");
            sb.append(item.description() == null || item.description().isBlank() ? "(no description)" : item.description())
                    .append("\n");
            List<EntityReview> reviews = r.reviewsOf("item", g.entityId(), 50);
            sb.append("\nReviews (").append(reviews.size()).append(reviews.size() == 50 ? ", newest" : "").append(")\n");
            for (EntityReview rv : reviews) {
                sb.append("• ").append(rating(rv.rating())).append(" by ").append(rv.userExternalId());
                appendReviewText(sb, rv);
            }
        } else {
            UserRecord user = r.user(g.entityId()).orElse(null);
            if (user == null) {
                return new Detail(g.id(), "User #" + g.entityId() + " is no longer in the workspace", "", "", "",
                        ws.generations().history(g.datasetId(), g.entityKind(), g.entityId()));
            }
            dataset = user.dataset();
            externalId = user.externalId();
            title = "User " + user.externalId();
            if (user.attributesJson() != null && !user.attributesJson().isBlank() && !"{}".equals(user.attributesJson())) {
                sb.append("Attributes: ").append(user.attributesJson()).append("\n");
            }
            List<HistoryEntry> hist = r.userHistory(g.entityId(), 200);
            sb.append("History, oldest first (").append(hist.size()).append(hist.size() == 200 ? ", most recent" : "")
                    .append(")\n");
            for (HistoryEntry h : hist) {
                sb.append(time(h.ts())).append("  ").append(rating(h.value())).append("  ")
                        .append(h.title().isBlank() ? h.itemExternalId() : h.title() + " (" + h.itemExternalId() + ")")
                        .append("\n");
            }
            List<EntityReview> reviews = r.reviewsOf("user", g.entityId(), 20);
            if (!reviews.isEmpty()) {
                sb.append("\nReviews (newest first)\n");
                for (EntityReview rv : reviews) {
                    sb.append("• ").append(rating(rv.rating())).append(" on ")
                            .append(rv.itemTitle().isBlank() ? rv.itemExternalId() : rv.itemTitle());
                    appendReviewText(sb, rv);
                }
            }
        }
        return new Detail(g.id(), title, sb.toString(), dataset, externalId,
                ws.generations().history(g.datasetId(), g.entityKind(), g.entityId()));
    }

    private static void appendReviewText(StringBuilder sb, EntityReview rv) {
        if (!rv.summary().isBlank()) {
            sb.append(": ").append(rv.summary());
        }
        sb.append("\n");
        if (!rv.text().isBlank()) {
            sb.append("  ").append(rv.text()).append("\n");
        }
    }

    private static String categories(String json) {
        try {
            JsonNode n = JSON.readTree(json == null || json.isBlank() ? "[]" : json);
            List<String> out = new ArrayList<>();
            n.forEach(c -> out.add(c.asText()));
            return out.isEmpty() ? "none" : String.join(", ", out);
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    private static String rating(Double v) {
        return v == null ? "–" : (v == Math.rint(v) ? String.valueOf(v.longValue()) : String.valueOf(v)) + "★";
    }

    private static String time(Long ts) {
        if (ts == null) {
            return "(no time)";
        }
        long seconds = ts > 100_000_000_000L ? ts / 1000 : ts;
        return Instant.ofEpochSecond(seconds).toString().substring(0, 10);
    }

    /** The parsed JSON pretty-printed; the raw output with the error for a failed generation. */
    public static String display(Generation g) {
        if (!g.ok()) {
            return "Failed: " + (g.error().isBlank() ? "no error recorded" : g.error()) + "\n\nRaw output:\n"
                    + (g.rawOutput().isBlank() ? "(none)" : g.rawOutput());
        }
        if (g.parsedJson().isBlank()) {
            return g.rawOutput();
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(g.parsedJson()));
        } catch (JsonProcessingException e) {
            return g.parsedJson();
        }
    }

    /** "model · template@version · prompt 1a2b3c4d · 1,234 ms · 100+50 tokens · llm" and the import/edit origin. */
    public static String provenance(Generation g) {
        List<String> parts = new ArrayList<>();
        parts.add(g.model().isBlank() ? "model unknown" : g.model());
        parts.add(g.templateId() + (g.templateVersion() > 0 ? "@" + g.templateVersion() : ""));
        if (!g.promptHash().isBlank()) {
            parts.add("prompt " + g.promptHash().substring(0, Math.min(8, g.promptHash().length())));
        }
        if (g.latencyMs() > 0) {
            parts.add(String.format(Locale.ROOT, "%,d ms", g.latencyMs()));
        }
        if (g.promptTokens() + g.completionTokens() > 0) {
            parts.add(String.format(Locale.ROOT, "%,d+%,d tokens", g.promptTokens(), g.completionTokens()));
        }
        parts.add(g.provenance());
        if ("imported".equals(g.provenance()) && !g.sourceFile().isBlank()) {
            parts.add("from " + g.sourceFile() + ":" + g.sourceLine());
        }
        if ("edit".equals(g.provenance())) {
            parts.add("edited by " + (g.author().isBlank() ? "unknown" : g.author()) + " from #" + g.parentId());
        }
        parts.add("#" + g.id());
        if (!g.createdAt().isBlank()) {
            parts.add(g.createdAt());
        }
        return String.join(" · ", parts);
    }

    // ---- commands on the selected generation ------------------------------------------------------------------

    public Optional<Job<?>> approve() {
        return review("approved");
    }

    public Optional<Job<?>> reject() {
        return review("rejected");
    }

    private Optional<Job<?>> review(String to) {
        Row row = selected.get();
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
            if (selected.get() != null && selected.get().id() == id) {
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
        Row row = selected.get();
        if (row == null) {
            return;
        }
        editText.set(row.generation().ok() ? display(row.generation()) : row.generation().rawOutput());
        editError.set("");
        editing.set(true);
    }

    public void cancelEdit() {
        editing.set(false);
        editError.set("");
    }

    /**
     * Saves the editor's text as a new version of the selected generation (the original stays); text that is not
     * valid JSON shows an error and saves nothing.
     */
    public Optional<Job<Generation>> saveEdit() {
        Row row = selected.get();
        Path file = workspace.get();
        if (row == null || file == null || !editing.get()) {
            return Optional.empty();
        }
        String text = editText.get() == null ? "" : editText.get();
        String parsed;
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("the text is empty");
            }
            parsed = JSON.writeValueAsString(node);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            editError.set("Not valid JSON, nothing saved: " + why);
            return Optional.empty();
        }
        editError.set("");
        long parent = row.id();
        String author = System.getProperty("user.name", "analyst");
        Job<Generation> job = jobs.submit("Edit generation " + parent, () -> {
            try (Workspace ws = Workspace.open(file)) {
                return ws.generations().edit(parent, text, parsed, author);
            }
        }, g -> {
            editing.set(false);
            Row now = new Row(g, row.entity());
            select(now);
            refresh();
        });
        return Optional.of(job);
    }

    /** Selects the item in the shared selection and shows the map (items only). */
    public boolean showOnMap() {
        Row row = selected.get();
        if (row == null || !"item".equals(row.generation().entityKind())) {
            return false;
        }
        String ds = selectedDataset.isEmpty() ? dataset.get() : selectedDataset;
        selection.replace(ds, new long[] {row.generation().entityId()});
        onShowMap.run();
        return true;
    }

    private void updateDiff() {
        Row row = selected.get();
        Generation other = compareWith.get();
        if (row == null || other == null) {
            diffLeft.clear();
            diffRight.clear();
            diffLabel.set("");
            return;
        }
        Generation a = other.id() < row.id() ? other : row.generation();
        Generation b = a == other ? row.generation() : other;
        WordDiff.Result d = WordDiff.diff(display(a), display(b));
        diffLeft.setAll(d.left());
        diffRight.setAll(d.right());
        diffLabel.set("#" + a.id() + " (" + a.provenance() + ") → #" + b.id() + " (" + b.provenance() + ")");
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

    public ObservableList<String> datasets() {
        return datasets;
    }

    public ObservableList<String> targets() {
        return targets;
    }

    public ObservableList<String> statuses() {
        return statuses;
    }

    public ObservableList<String> reviewStatuses() {
        return reviewStatuses;
    }

    public ObservableList<String> templates() {
        return templates;
    }

    public ObjectProperty<String> datasetProperty() {
        return dataset;
    }

    public ObjectProperty<String> targetProperty() {
        return target;
    }

    public ObjectProperty<String> statusProperty() {
        return status;
    }

    public ObjectProperty<String> reviewStatusProperty() {
        return reviewStatus;
    }

    public ObjectProperty<String> templateProperty() {
        return template;
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

    public ReadOnlyObjectProperty<Row> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceTitleProperty() {
        return sourceTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceTextProperty() {
        return sourceText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outputProperty() {
        return output.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty provenanceLineProperty() {
        return provenanceLine.getReadOnlyProperty();
    }

    /** The selected entity's other generations, oldest first. */
    public ObservableList<Generation> history() {
        return history;
    }

    public ObjectProperty<Generation> compareWithProperty() {
        return compareWith;
    }

    /** The older side of the comparison, word by word (kept or removed). */
    public ObservableList<WordDiff.Token> diffLeft() {
        return diffLeft;
    }

    /** The newer side of the comparison, word by word (kept or added). */
    public ObservableList<WordDiff.Token> diffRight() {
        return diffRight;
    }

    public ReadOnlyStringProperty diffLabelProperty() {
        return diffLabel.getReadOnlyProperty();
    }

    public BooleanProperty editingProperty() {
        return editing;
    }

    public StringProperty editTextProperty() {
        return editText;
    }

    public ReadOnlyStringProperty editErrorProperty() {
        return editError.getReadOnlyProperty();
    }

    public BooleanBinding hasSelection() {
        return hasSelection;
    }

    public BooleanBinding canShowOnMap() {
        return canShowOnMap;
    }
}
