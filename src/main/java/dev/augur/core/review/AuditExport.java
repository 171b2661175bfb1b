package dev.augur.core.review;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.ReviewDecision;
import dev.augur.core.store.SyntheticFilter;
import dev.augur.core.store.SyntheticRow;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.augur.core.review.ReviewExport.JSON;
import static dev.augur.core.review.ReviewExport.PAGE;

/**
 * The review itself, {@code <base>.annotations.jsonl}: every synthetic interaction, any status, with its provenance
 * and its decisions (annotator, action, before, after, time).
 */
final class AuditExport {
    private AuditExport() {
    }

    static ReviewExport.Result write(Workspace ws, DatasetInfo ds, ExportOutput out, String base, TaskMonitor monitor)
            throws IOException {
        monitor.message("Reading the audit log of " + ds.name());
        Map<Long, List<ReviewDecision>> decisions = new HashMap<>();
        List<ReviewDecision> log = ws.annotations().auditLog(ds.id());
        for (ReviewDecision d : log) {
            decisions.computeIfAbsent(d.interactionId(), k -> new ArrayList<>()).add(d);
        }
        SyntheticFilter all = SyntheticFilter.all(ds.id());
        long total = ws.synthetic().count(all);
        long written = 0;
        try (Writer w = out.open(base + ".annotations.jsonl")) {
            for (long offset = 0; ; offset += PAGE) {
                List<SyntheticRow> page = ws.synthetic().list(all, offset, PAGE);
                for (SyntheticRow r : page) {
                    w.write(annotation(r, decisions.getOrDefault(r.interactionId(), List.of())) + "\n");
                    written++;
                }
                monitor.progress(written, total);
                monitor.checkCancelled();
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
        return new ReviewExport.Result(ds.name(), ReviewExport.Format.AUDIT, out.targets(), 0, 0, written,
                log.size());
    }

    private static ObjectNode annotation(SyntheticRow r, List<ReviewDecision> decisions) {
        ObjectNode o = JSON.createObjectNode();
        o.put("interaction_id", r.interactionId());
        o.put("user_id", r.userExternalId());
        o.put("item_id", r.itemExternalId());
        o.put("item_title", r.itemTitle());
        o.put("status", r.status());
        real(o, "value", r.value());
        real(o, "proposed_value", r.proposedValue());
        o.put("origin", r.origin());
        o.put("target", r.target());
        o.put("model", r.model());
        real(o, "confidence", r.confidence());
        o.put("rationale", r.rationale());
        real(o, "content_score", r.contentScore());
        real(o, "collab_score", r.collabScore());
        if (r.generationId() > 0) {
            o.put("generation_id", r.generationId());
        } else {
            o.putNull("generation_id");
        }
        o.put("source_file", r.sourceFile());
        o.put("source_line", r.sourceLine());
        o.put("created_at", r.createdAt());
        ArrayNode a = o.putArray("decisions");
        for (ReviewDecision d : decisions) {
            decision(a.addObject(), d);
        }
        return o;
    }

    private static void decision(ObjectNode x, ReviewDecision d) {
        x.put("id", d.id());
        x.put("annotator", d.annotator());
        x.put("action", d.action());
        ObjectNode before = x.putObject("before");
        before.put("status", d.beforeStatus());
        real(before, "value", d.beforeValue());
        ObjectNode after = x.putObject("after");
        after.put("status", d.afterStatus());
        real(after, "value", d.afterValue());
        if (d.undoes() > 0) {
            x.put("undoes", d.undoes());
        }
        if (!d.batch().isEmpty()) {
            x.put("batch", d.batch());
        }
        x.put("at", d.at());
    }

    /** NaN means unknown: JSON null, not a number no reader agrees on. */
    private static void real(ObjectNode o, String key, double v) {
        if (Double.isNaN(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }
}
