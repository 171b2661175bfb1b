package dev.augur.ui.datasets;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.ItemDetail;
import dev.augur.core.store.UserDetail;
import dev.augur.core.store.VectorSetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.Job;
import dev.augur.core.task.TaskExecutor;
import dev.augur.core.vectors.SimilarItem;
import dev.augur.core.vectors.SimilarItems;
import dev.augur.ui.common.JobBinding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The detail pane: one item (every text field and attribute, its rating histogram, recent users) or one user
 * (attributes and the history as a timeline with ratings), read in the background; for an item also its nearest
 * neighbours in one of the dataset's item vector sets.
 */
public final class DetailViewModel {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many similar items the pane lists. */
    public static final int SIMILAR = 10;
    public static final String NO_VECTORS = "No item vectors yet — encode items in Embeddings → Vectors";

    private final TaskExecutor tasks;
    private final SimilarItems similarItems;
    private final StringProperty title = new SimpleStringProperty("Select an item or a user to see it here.");
    private final StringProperty fields = new SimpleStringProperty("");
    private final ObservableList<String> ratingBars = FXCollections.observableArrayList();
    private final ObservableList<String> timeline = FXCollections.observableArrayList();
    private final ObservableList<VectorSetInfo> similarSets = FXCollections.observableArrayList();
    private final ObjectProperty<VectorSetInfo> similarSet = new SimpleObjectProperty<>();
    private final ObservableList<SimilarItem> similar = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper similarShown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper noVectors = new ReadOnlyBooleanWrapper(false);
    private final StringProperty similarStatus = new SimpleStringProperty("");
    private Runnable onOpenVectors = () -> { };
    private Path workspace;
    private String dataset;
    private long itemId = -1;
    private String itemExternalId;
    private long similarGeneration;
    private boolean applying;

    /** What a similar-items job found: the dataset's item vector sets, the one searched, its neighbours. */
    record Similar(List<VectorSetInfo> sets, VectorSetInfo set, List<SimilarItem> items) {
    }

    public DetailViewModel(TaskExecutor tasks, SimilarItems similarItems) {
        this.tasks = tasks;
        this.similarItems = similarItems;
        similarSet.addListener((o, was, is) -> {
            if (!applying && is != null && !is.equals(was)) {
                loadSimilar();
            }
        });
    }

    public void showItem(Path workspace, String dataset, String externalId) {
        this.workspace = workspace;
        this.dataset = dataset;
        Job<Optional<ItemDetail>> job = tasks.submit("Item " + externalId, m -> {
            try (Workspace ws = Workspace.open(workspace)) {
                return ws.read().itemDetail(dataset, externalId, 50);
            }
        });
        JobBinding.follow(job, s -> { }, d -> d.ifPresent(x -> {
            item(x);
            loadSimilar();
        }), e -> title.set("Could not read item: " + e.getMessage()));
    }

    public void showUser(Path workspace, String dataset, String externalId) {
        Job<Optional<UserDetail>> job = tasks.submit("User " + externalId, m -> {
            try (Workspace ws = Workspace.open(workspace)) {
                return ws.read().userDetail(dataset, externalId, 500);
            }
        });
        JobBinding.follow(job, s -> { }, d -> d.ifPresent(this::user), e -> title.set("Could not read user: " + e.getMessage()));
    }

    void item(ItemDetail d) {
        var r = d.item();
        if (r.id() != itemId) {
            similar.clear();
        }
        itemId = r.id();
        itemExternalId = r.externalId();
        similarShown.set(true);
        title.set("Item " + r.externalId() + (r.title() == null || r.title().isBlank() ? "" : " — " + r.title()));
        StringBuilder sb = new StringBuilder();
        line(sb, "title", r.title());
        line(sb, "description", r.description());
        line(sb, "categories", String.join(", ", strings(r.categoriesJson())));
        attributes(sb, r.attributesJson());
        sb.append(String.format(Locale.ROOT, "interactions: %,d · reviews: %,d%n", r.interactions(), r.reviews()));
        fields.set(sb.toString().strip());
        long max = d.ratings().stream().mapToLong(ItemDetail.ValueCount::count).max().orElse(1);
        ratingBars.setAll(d.ratings().stream().map(v -> String.format(Locale.ROOT, "%4s  %s %,d", trim(v.value()),
                "█".repeat((int) Math.max(1, Math.round(30.0 * v.count() / max))), v.count())).toList());
        timeline.setAll(d.recentUsers().stream().map(u -> String.format(Locale.ROOT, "%s  user %s  %s", when(u.ts()),
                u.externalId(), u.value() == null ? "" : "rated " + trim(u.value()))).toList());
    }

    void user(UserDetail d) {
        var u = d.user();
        itemId = -1;
        itemExternalId = null;
        ++similarGeneration;
        similarShown.set(false);
        similar.clear();
        title.set("User " + u.externalId());
        StringBuilder sb = new StringBuilder();
        attributes(sb, u.attributesJson());
        sb.append(String.format(Locale.ROOT, "interactions: %,d · reviews: %,d%n", u.interactions(), u.reviews()));
        fields.set(sb.toString().strip());
        ratingBars.clear();
        timeline.setAll(d.history().stream().map(h -> String.format(Locale.ROOT, "%s  %s  %s  %s", when(h.ts()),
                h.value() == null ? "   " : "★" + trim(h.value()), h.externalId(), h.title() == null ? "" : h.title())).toList());
    }

    /**
     * Loads the shown item's nearest neighbours in the background: in the chosen item vector set if it still exists,
     * else in the dataset's most recently updated one.
     */
    public void refreshSimilar() {
        if (itemId >= 0 && workspace != null) {
            loadSimilar();
        }
    }

    private void loadSimilar() {
        if (itemId < 0 || workspace == null || dataset == null) {
            return;
        }
        long gen = ++similarGeneration;
        Path file = workspace;
        String name = dataset;
        long id = itemId;
        VectorSetInfo want = similarSet.get();
        similarStatus.set("Finding similar items…");
        Job<Similar> job = tasks.submit("Similar items to " + itemExternalId, m -> {
            try (Workspace ws = Workspace.open(file)) {
                long datasetId = ws.read().dataset(name).map(DatasetInfo::id).orElse(-1L);
                List<VectorSetInfo> sets = SimilarItems.itemSets(ws, datasetId);
                VectorSetInfo set = sets.stream()
                        .filter(s -> want != null && s.encoder().equals(want.encoder()) && s.field().equals(want.field()))
                        .findFirst().orElse(sets.isEmpty() ? null : sets.get(0));
                List<SimilarItem> items = set == null ? List.of() : similarItems.similar(ws, set, id, SIMILAR);
                return new Similar(sets, set, items);
            }
        });
        JobBinding.follow(job, s -> { }, r -> {
            if (gen == similarGeneration) {
                similar(r);
            }
        }, e -> {
            if (gen == similarGeneration) {
                similar.clear();
                similarStatus.set("Could not find similar items: " + e.getMessage());
            }
        });
    }

    void similar(Similar r) {
        applying = true;
        try {
            similarSets.setAll(r.sets());
            similarSet.set(r.set());
        } finally {
            applying = false;
        }
        similar.setAll(r.items());
        noVectors.set(r.sets().isEmpty());
        similarStatus.set(r.sets().isEmpty() ? NO_VECTORS
                : r.items().isEmpty() ? "This item has no vector in this set (it has no text to encode)." : "");
    }

    /** Opens a similar item in this pane, as if it had been picked in the Items table. */
    public void openSimilar(SimilarItem item) {
        if (item != null && workspace != null && dataset != null) {
            showItem(workspace, dataset, item.externalId());
        }
    }

    /** Where the "encode items" button goes (the shell sets it to the Embeddings section). */
    public void setOnOpenVectors(Runnable onOpenVectors) {
        this.onOpenVectors = onOpenVectors;
    }

    public void openVectors() {
        onOpenVectors.run();
    }

    public ObservableList<VectorSetInfo> similarSets() {
        return similarSets;
    }

    /** The item vector set searched; choosing another reloads the neighbours. */
    public ObjectProperty<VectorSetInfo> similarSetProperty() {
        return similarSet;
    }

    public ObservableList<SimilarItem> similar() {
        return similar;
    }

    /** Whether an item (not a user) is shown, so the similar-items block applies. */
    public ReadOnlyBooleanProperty similarShownProperty() {
        return similarShown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty noVectorsProperty() {
        return noVectors.getReadOnlyProperty();
    }

    /** A hint or state line under "Similar items"; empty when the list says it all. */
    public ReadOnlyStringProperty similarStatusProperty() {
        return similarStatus;
    }

    private static void attributes(StringBuilder sb, String json) {
        try {
            JsonNode n = JSON.readTree(json);
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                line(sb, e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            }
        } catch (Exception e) {
            line(sb, "attributes", json);
        }
    }

    private static java.util.List<String> strings(String jsonArray) {
        try {
            java.util.List<String> out = new java.util.ArrayList<>();
            JSON.readTree(jsonArray).forEach(n -> out.add(n.asText()));
            return out;
        } catch (Exception e) {
            return java.util.List.of(jsonArray);
        }
    }

    private static void line(StringBuilder sb, String key, String value) {
        if (value != null && !value.isBlank()) {
            sb.append(key).append(": ").append(value).append('\n');
        }
    }

    private static String when(Long ts) {
        return ts == null ? "(no time)          " : Instant.ofEpochSecond(ts).toString().replace('T', ' ').replace("Z", "");
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty fieldsProperty() {
        return fields;
    }

    public ObservableList<String> ratingBars() {
        return ratingBars;
    }

    public ObservableList<String> timeline() {
        return timeline;
    }
}
