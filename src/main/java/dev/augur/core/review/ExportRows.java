package dev.augur.core.review;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.InteractionColumns;
import dev.augur.core.store.ItemCatalog;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The interactions to export: observed plus accepted synthetic, with external ids. */
record ExportRows(InteractionColumns cols, Map<Long, String> users, ItemCatalog items) {

    static ExportRows load(Workspace ws, DatasetInfo ds, TaskMonitor monitor) {
        monitor.message("Loading the interactions of " + ds.name());
        InteractionColumns cols = ws.interactions().load(ds.id(), true);
        long[] distinct = Arrays.stream(cols.users()).distinct().sorted().toArray();
        String[] ext = ws.interactions().userExternalIds(distinct);
        Map<Long, String> users = new HashMap<>(distinct.length * 2);
        for (int i = 0; i < distinct.length; i++) {
            users.put(distinct[i], ext[i]);
        }
        return new ExportRows(cols, users, ws.interactions().catalog(ds.id()));
    }

    int size() {
        return cols.size();
    }

    String user(int k) {
        return users.get(cols.users()[k]);
    }

    String item(int k) {
        return items.externalIds()[items.indexOf(cols.items()[k])];
    }

    double value(int k) {
        return cols.values()[k];
    }

    String source(int k) {
        return cols.synthetic()[k] ? "synthetic" : "observed";
    }

    boolean hasTime(int k) {
        return cols.ts()[k] != InteractionColumns.NO_TIME;
    }

    long time(int k) {
        return cols.ts()[k];
    }

    long observed() {
        long n = 0;
        for (boolean s : cols.synthetic()) {
            n += s ? 0 : 1;
        }
        return n;
    }

    /** Reports progress and honours cancellation every 65,536 rows, cheap enough for millions of them. */
    static void tick(TaskMonitor monitor, int k, int n) {
        if ((k & 0xFFFF) == 0) {
            monitor.progress(k, n);
            monitor.checkCancelled();
        }
    }
}
