package dev.augur.ui.review;

import dev.augur.core.store.Generation;
import dev.augur.core.store.HistoryEntry;
import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.ReviewDecision;
import dev.augur.core.store.SyntheticRow;
import dev.augur.core.store.Workspace;
import dev.augur.core.store.WorkspaceReader;
import dev.augur.ui.profiles.GenerationText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the queue says about a row in words: its facts, its detail (item, profile, history, audit trail), values. */
final class RowText {
    /** How many of the user's latest observed interactions the detail lists. */
    static final int HISTORY = 50;

    private RowText() {
    }

    /** What the detail pane reads for the current row. */
    record Detail(long interactionId, String itemText, String profileLine, String profile, String history,
                  List<ReviewDecision> decisions) {
    }

    /** "proposed 1 · now 4 · pending · model tiny · confidence 0.90 · content 0.41 · collaborative 0.12 · …". */
    static String facts(SyntheticRow r) {
        List<String> parts = new ArrayList<>();
        parts.add("proposed " + value(r.proposedValue()));
        parts.add("now " + value(r.value()));
        parts.add(r.status());
        parts.add("model " + (r.model().isBlank() ? "unknown" : r.model()));
        parts.add("confidence " + score(r.confidence()));
        parts.add("content " + score(r.contentScore()));
        parts.add("collaborative " + score(r.collabScore()));
        parts.add(r.origin() + ", " + r.target() + (r.sourceFile().isBlank() ? ""
                : " from " + r.sourceFile() + ":" + r.sourceLine()));
        parts.add("#" + r.interactionId());
        return String.join(" · ", parts);
    }

    static String value(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v == Math.rint(v) ? Long.toString((long) v) : String.valueOf(v);
    }

    static String score(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }

    static Detail readDetail(Workspace ws, SyntheticRow row) {
        WorkspaceReader r = ws.read();
        StringBuilder item = new StringBuilder();
        Optional<ItemRecord> rec = r.item(row.itemId());
        if (rec.isEmpty()) {
            item.append("Item ").append(row.itemExternalId()).append(" is no longer in the workspace.");
        } else {
            ItemRecord i = rec.get();
            item.append(i.title() == null || i.title().isBlank() ? "(no title)" : i.title())
                    .append("  (").append(i.externalId()).append(", ")
                    .append(String.format(Locale.ROOT, "%,d", i.interactions())).append(" observed interactions)\n");
            item.append("Categories: ").append(GenerationText.categories(i.categoriesJson())).append("\n");
            item.append(i.description() == null || i.description().isBlank() ? "(no description)" : i.description());
        }
        Generation latest = null;
        for (Generation g : ws.generations().history(row.datasetId(), "item", row.itemId())) {
            if (g.ok() && !"rejected".equals(g.reviewStatus())) {
                latest = g; // oldest first: the last one wins
            }
        }
        String profileLine = latest == null ? "No generated profile for this item." : GenerationText.provenance(latest);
        String profileText = latest == null ? "" : GenerationText.display(latest);
        List<HistoryEntry> hist = r.userHistory(row.userId(), HISTORY);
        StringBuilder h = new StringBuilder();
        if (hist.isEmpty()) {
            h.append("No observed interactions: a cold user.");
        }
        for (HistoryEntry e : hist) {
            h.append(time(e.ts())).append("  ").append(e.value() == null ? "–" : value(e.value())).append("  ")
                    .append(e.title().isBlank() ? e.itemExternalId() : e.title() + " (" + e.itemExternalId() + ")")
                    .append('\n');
        }
        return new Detail(row.interactionId(), item.toString(), profileLine, profileText, h.toString(),
                ws.annotations().history(row.interactionId()));
    }

    private static String time(Long ts) {
        if (ts == null) {
            return "(no time) ";
        }
        long seconds = ts > 100_000_000_000L ? ts / 1000 : ts;
        return Instant.ofEpochSecond(seconds).toString().substring(0, 10);
    }

    /** What the message line says once a decision is saved: "Accepted: u1 → k3 (saved)". */
    static String done(ReviewDecision d, SyntheticRow r) {
        String what = switch (d.action()) {
            case ReviewDecision.ACCEPT -> "Accepted";
            case ReviewDecision.REJECT -> "Rejected";
            case ReviewDecision.EDIT -> "Set to " + value(d.afterValue()) + " and accepted";
            case ReviewDecision.SKIP -> "Skipped";
            case ReviewDecision.UNDO -> "Undone: back to " + d.afterStatus();
            default -> d.action();
        };
        return what + (r == null ? "" : ": " + r.userExternalId() + " → " + r.itemExternalId()) + " (saved)";
    }

    /** One decision of the audit log in a line: when, who, what, before → after. */
    static String describe(ReviewDecision d) {
        String at = d.at().length() >= 19 ? d.at().substring(0, 19).replace('T', ' ') : d.at();
        return at + "  " + d.annotator() + "  " + d.action() + "  " + state(d.beforeStatus(), d.beforeValue())
                + " → " + state(d.afterStatus(), d.afterValue()) + (d.batch().isEmpty() ? "" : "  (batch " + d.batch() + ")");
    }

    private static String state(String status, double value) {
        return (status.isEmpty() ? "?" : status) + " " + value(value);
    }
}
