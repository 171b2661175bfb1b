package dev.augur.ui.rankings;

import dev.augur.core.rank.Csr;
import dev.augur.core.rank.EvalRun;
import dev.augur.core.rank.Interactions;
import dev.augur.core.rank.RankingData;
import dev.augur.core.rank.Reason;
import dev.augur.core.rank.Recommendation;
import dev.augur.core.rank.Split;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the Rankings view shows for one user of a run: the training history (newest first), the held-out target
 * items (with the models that found them), and one top-K column per model. Built off the JavaFX thread: scoring
 * may be slow for some models.
 */
public record UserPanel(UserRow user, List<HistoryItem> history, List<HistoryItem> heldOut, List<ModelColumn> columns) {
    /** Reasons asked of each model per item. */
    static final int REASONS = 3;

    public static UserPanel of(EvalRun run, UserRow user, int k) {
        RankingData data = run.data();
        Split split = run.split();
        int u = user.index();
        Map<String, List<Recommendation>> tops = new LinkedHashMap<>();
        for (String model : run.models()) {
            tops.put(model, run.recommend(u, model, k, REASONS));
        }
        Map<Integer, List<String>> listedBy = new HashMap<>();
        Map<Integer, List<String>> foundBy = new HashMap<>();
        tops.forEach((model, recs) -> recs.forEach(r -> {
            listedBy.computeIfAbsent(r.item(), i -> new ArrayList<>()).add(model);
            foundBy.computeIfAbsent(r.item(), i -> new ArrayList<>()).add(model + " #" + r.rank());
        }));
        List<ModelColumn> columns = new ArrayList<>();
        var byModel = run.byModel();
        tops.forEach((model, recs) -> {
            List<ItemCard> cards = new ArrayList<>(recs.size());
            for (Recommendation r : recs) {
                List<String> reasons = r.reasons().stream().map(x -> reason(x, data)).toList();
                List<String> shared = listedBy.get(r.item()).stream().filter(m -> !m.equals(model)).toList();
                cards.add(new ItemCard(model, r, reasons, shared));
            }
            var result = byModel.get(model);
            String summary = result == null ? "" : summary(result.metrics(), k);
            columns.add(new ModelColumn(model, summary, cards));
        });
        List<HistoryItem> history = new ArrayList<>();
        for (int item : trainingNewestFirst(data.interactions(), split.train(), u)) {
            history.add(item(data, item, List.of()));
        }
        List<HistoryItem> heldOut = new ArrayList<>();
        Csr target = split.target();
        for (int p = target.indptr()[u]; p < target.indptr()[u + 1]; p++) {
            int item = target.indices()[p];
            if (!split.excluded(u, item)) {
                heldOut.add(item(data, item, foundBy.getOrDefault(item, List.of())));
            }
        }
        return new UserPanel(user, history, heldOut, columns);
    }

    private static HistoryItem item(RankingData data, int item, List<String> foundBy) {
        return new HistoryItem(item, data.interactions().itemIds()[item], data.itemExternalIds()[item],
                data.title(item), foundBy);
    }

    /**
     * The user's training items, most recent interaction first. Interactions keep the loader's (user, time) order,
     * so walking the user's rows backwards gives newest first; a repeated item counts at its latest time.
     */
    static List<Integer> trainingNewestFirst(Interactions d, Csr train, int u) {
        int[] users = d.user();
        int[] items = d.item();
        long[] ts = d.ts();
        List<long[]> rows = new ArrayList<>();
        for (int k = 0; k < users.length; k++) {
            if (users[k] == u && train.contains(u, items[k])) {
                rows.add(new long[] {ts[k], k, items[k]});
            }
        }
        // by time, then by row order for equal times; newest first
        rows.sort((a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(b[1], a[1]));
        Set<Integer> seen = new LinkedHashSet<>();
        for (long[] r : rows) {
            seen.add((int) r[2]);
        }
        return new ArrayList<>(seen);
    }

    /** "near: Glass Teapot" for a history item, "training interactions +57" for a feature. */
    static String reason(Reason r, RankingData data) {
        if (r.historyItem() >= 0) {
            String t = data.title(r.historyItem());
            return "near: " + (t == null || t.isBlank() ? data.itemExternalIds()[r.historyItem()] : t);
        }
        return r.label() + " " + signed(r.contribution());
    }

    static String signed(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.format(Locale.ROOT, "%+d", (long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%+.0f" : "%+.2f", v);
    }

    private static String summary(Map<String, Double> metrics, int k) {
        Double ndcg = metrics.get("ndcg@" + k);
        Double recall = metrics.get("recall@" + k);
        if (ndcg == null || recall == null) {
            return "";
        }
        return String.format(Locale.ROOT, "@%d: ndcg %.3f · recall %.3f", k, ndcg, recall);
    }
}
