package dev.augur.core.review;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.EntityRef;
import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.UserRecord;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import static dev.augur.core.review.ReviewExport.PAGE;
import static dev.augur.core.review.ReviewExport.categories;
import static dev.augur.core.review.ReviewExport.number;
import static dev.augur.core.review.ReviewExport.token;

/**
 * RecBole atomic files: {@code <base>.inter}, {@code <base>.item}, and {@code <base>.user} when users have
 * attributes; {@code augur import DIR --format recbole} reads them back.
 */
final class RecBoleExport {
    private RecBoleExport() {
    }

    static ReviewExport.Result write(Workspace ws, DatasetInfo ds, ExportOutput out, String base, TaskMonitor monitor)
            throws IOException {
        ExportRows rows = ExportRows.load(ws, ds, monitor);
        int n = rows.size();
        try (Writer w = out.open(base + ".inter")) {
            w.write("user_id:token\titem_id:token\trating:float\ttimestamp:float\tsource:token\n");
            for (int k = 0; k < n; k++) {
                w.write(token(rows.user(k)) + "\t" + token(rows.item(k)) + "\t" + number(rows.value(k))
                        + "\t" + (rows.hasTime(k) ? Long.toString(rows.time(k)) : "") + "\t" + rows.source(k)
                        + "\n");
                ExportRows.tick(monitor, k, n);
            }
        }
        monitor.message("Writing the items of " + ds.name());
        itemFile(ws, ds, out, base);
        userFile(ws, ds, out, base);
        long observed = rows.observed();
        return new ReviewExport.Result(ds.name(), ReviewExport.Format.RECBOLE, out.targets(), observed,
                n - observed, 0, 0);
    }

    /** {@code <base>.item}: id, title, description, categories and the scalar attributes. */
    private static void itemFile(Workspace ws, DatasetInfo ds, ExportOutput out, String base) throws IOException {
        RecBoleAttributes attrs = new RecBoleAttributes(List.of("item_id", "title", "description", "categories"));
        for (long after = 0; ; ) {
            List<ItemRecord> page = ws.read().itemsAfter(ds.id(), after, PAGE);
            page.forEach(i -> attrs.scan(i.attributesJson()));
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        try (Writer w = out.open(base + ".item")) {
            w.write("item_id:token\ttitle:token_seq\tdescription:token_seq\tcategories:token_seq"
                    + attrs.header() + "\n");
            for (long after = 0; ; ) {
                List<ItemRecord> page = ws.read().itemsAfter(ds.id(), after, PAGE);
                for (ItemRecord i : page) {
                    w.write(token(i.externalId()) + "\t" + token(i.title()) + "\t" + token(i.description()) + "\t"
                            + categories(i.categoriesJson()) + attrs.values(i.attributesJson()) + "\n");
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).id();
            }
        }
    }

    /** {@code <base>.user}, only when some user has scalar attributes (age, gender …). */
    private static void userFile(Workspace ws, DatasetInfo ds, ExportOutput out, String base) throws IOException {
        RecBoleAttributes attrs = new RecBoleAttributes(List.of("user_id"));
        List<UserRecord> users = new ArrayList<>();
        for (long after = 0; ; ) {
            List<EntityRef> page = ws.read().entityIdsAfter(ds.id(), "user", after, PAGE);
            for (EntityRef ref : page) {
                UserRecord u = ws.read().user(ref.id()).orElseThrow();
                users.add(u);
                attrs.scan(u.attributesJson());
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        if (attrs.isEmpty()) {
            return;
        }
        try (Writer w = out.open(base + ".user")) {
            w.write("user_id:token" + attrs.header() + "\n");
            for (UserRecord u : users) {
                w.write(token(u.externalId()) + attrs.values(u.attributesJson()) + "\n");
            }
        }
    }
}
