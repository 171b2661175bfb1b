package dev.augur.core.review;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Writer;

import static dev.augur.core.review.ReviewExport.JSON;
import static dev.augur.core.review.ReviewExport.csv;
import static dev.augur.core.review.ReviewExport.number;

/**
 * The interactions as one table, {@code <base>.csv} or {@code <base>.jsonl}: user_id, item_id, rating, timestamp
 * (empty or null when unknown) and source. One writer for both, as they differ only in how a row is spelled.
 */
final class TableExport {
    private TableExport() {
    }

    static ReviewExport.Result write(Workspace ws, DatasetInfo ds, ReviewExport.Format format, ExportOutput out,
                                     String base, TaskMonitor monitor) throws IOException {
        ExportRows rows = ExportRows.load(ws, ds, monitor);
        int n = rows.size();
        boolean csv = format == ReviewExport.Format.CSV;
        try (Writer w = out.open(base + (csv ? ".csv" : ".jsonl"))) {
            if (csv) {
                w.write("user_id,item_id,rating,timestamp,source\n");
            }
            for (int k = 0; k < n; k++) {
                w.write((csv ? csvLine(rows, k) : jsonLine(rows, k)) + "\n");
                ExportRows.tick(monitor, k, n);
            }
        }
        long observed = rows.observed();
        return new ReviewExport.Result(ds.name(), format, out.targets(), observed, n - observed, 0, 0);
    }

    private static String csvLine(ExportRows rows, int k) {
        return csv(rows.user(k)) + "," + csv(rows.item(k)) + "," + number(rows.value(k)) + ","
                + (rows.hasTime(k) ? Long.toString(rows.time(k)) : "") + "," + rows.source(k);
    }

    private static String jsonLine(ExportRows rows, int k) {
        ObjectNode o = JSON.createObjectNode();
        o.put("user_id", rows.user(k));
        o.put("item_id", rows.item(k));
        o.put("rating", rows.value(k));
        if (rows.hasTime(k)) {
            o.put("timestamp", rows.time(k));
        } else {
            o.putNull("timestamp");
        }
        o.put("source", rows.source(k));
        return o.toString();
    }
}
