package dev.augur.core.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One JSON shape for an import report: stored with the dataset and printed by {@code import --json}. */
public final class ImportReportJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportReportJson() {
    }

    public static ObjectNode of(ImportReport r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("dataset", r.dataset());
        o.put("format", r.format());
        o.put("source", r.source());
        o.put("users", r.users());
        o.put("items", r.items());
        o.put("interactions", r.interactions());
        o.put("reviews", r.reviews());
        o.put("tags", r.tags());
        o.put("cold_items", r.coldItems());
        o.put("items_without_metadata", r.bareItems());
        o.put("duplicates", r.duplicates());
        o.put("skipped", r.skipped());
        ArrayNode problems = o.putArray("problems");
        for (ImportProblem p : r.problems()) {
            ObjectNode po = problems.addObject();
            po.put("file", p.file());
            po.put("line", p.line());
            po.put("field", p.field());
            po.put("reason", p.reason());
            po.put("message", p.toString());
        }
        ArrayNode warnings = o.putArray("warnings");
        r.warnings().forEach(warnings::add);
        o.put("committed_seconds", Math.round(r.loadSeconds() * 1000) / 1000.0);
        o.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        return o;
    }
}
