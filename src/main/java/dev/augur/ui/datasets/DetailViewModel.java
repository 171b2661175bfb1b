package dev.augur.ui.datasets;

import dev.augur.core.store.ItemDetail;
import dev.augur.core.store.UserDetail;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.Job;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.JobBinding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The detail pane: one item (every text field and attribute, its rating histogram, recent users) or one user
 * (attributes and the history as a timeline with ratings), read in the background.
 */
public final class DetailViewModel {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TaskExecutor tasks;
    private final StringProperty title = new SimpleStringProperty("Select an item or a user to see it here.");
    private final StringProperty fields = new SimpleStringProperty("");
    private final ObservableList<String> ratingBars = FXCollections.observableArrayList();
    private final ObservableList<String> timeline = FXCollections.observableArrayList();

    public DetailViewModel(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    public void showItem(Path workspace, String dataset, String externalId) {
        Job<Optional<ItemDetail>> job = tasks.submit("Item " + externalId, m -> {
            try (Workspace ws = Workspace.open(workspace)) {
                return ws.read().itemDetail(dataset, externalId, 50);
            }
        });
        JobBinding.follow(job, s -> { }, d -> d.ifPresent(this::item), e -> title.set("Could not read item: " + e.getMessage()));
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
        title.set("Item " + r.externalId() + (r.title() == null ? "" : " — " + r.title()));
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
        title.set("User " + u.externalId());
        StringBuilder sb = new StringBuilder();
        attributes(sb, u.attributesJson());
        sb.append(String.format(Locale.ROOT, "interactions: %,d · reviews: %,d%n", u.interactions(), u.reviews()));
        fields.set(sb.toString().strip());
        ratingBars.clear();
        timeline.setAll(d.history().stream().map(h -> String.format(Locale.ROOT, "%s  %s  %s  %s", when(h.ts()),
                h.value() == null ? "   " : "★" + trim(h.value()), h.externalId(), h.title() == null ? "" : h.title())).toList());
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
