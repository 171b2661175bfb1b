package dev.augur.ui.map;

import dev.augur.core.task.Job;
import dev.augur.core.task.TaskExecutor;
import dev.augur.core.task.TaskMonitor;
import dev.augur.ui.common.JobBinding;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Locale;

/**
 * The map search: which points' title, external id or id contain the query (ignoring case), per map, as a job per
 * map and query; the maps draw the matches in colour and dim the rest.
 */
final class MapSearch {
    private final TaskExecutor tasks;
    private final MapSide left;
    private final StringProperty query = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper matchCount = new ReadOnlyIntegerWrapper(-1);

    MapSearch(TaskExecutor tasks, MapSide left, MapSide right) {
        this.tasks = tasks;
        this.left = left;
        query.addListener((o, was, is) -> {
            research(left);
            research(right);
        });
    }

    /** Searches the map {@code side} shows now in the background; no map or no query: no matches. */
    void research(MapSide side) {
        LoadedMap m = side.map.get();
        String q = query.get() == null ? "" : query.get().strip();
        long gen = ++side.searchGeneration;
        if (m == null || q.isEmpty()) {
            side.matches.set(null);
            if (side == left) {
                matchCount.set(-1);
            }
            return;
        }
        Job<boolean[]> job = tasks.submit("Search map for '" + q + "'", t -> matches(m.points(), q, t));
        JobBinding.follow(job, s -> { }, found -> {
            if (gen == side.searchGeneration && side.map.get() == m) {
                side.matches.set(found);
                if (side == left) {
                    int count = 0;
                    for (boolean b : found) {
                        count += b ? 1 : 0;
                    }
                    matchCount.set(count);
                }
            }
        }, e -> { });
    }

    /** Per point: its title, external id or id contains {@code query}, ignoring case. */
    static boolean[] matches(MapPoints p, String query, TaskMonitor monitor) {
        int n = p.size();
        boolean[] out = new boolean[n];
        String q = query.toLowerCase(Locale.ROOT);
        for (int i = 0; i < n; i++) {
            if ((i & 0xFFFF) == 0) {
                monitor.checkCancelled();
            }
            out[i] = containsIgnoreCase(p.titles()[i], q) || containsIgnoreCase(p.externalIds()[i], q)
                    || Long.toString(p.ids()[i]).contains(q);
        }
        return out;
    }

    private static boolean containsIgnoreCase(String s, String lowerQuery) {
        if (s == null) {
            return false;
        }
        int len = lowerQuery.length();
        for (int k = 0, end = s.length() - len; k <= end; k++) {
            if (s.regionMatches(true, k, lowerQuery, 0, len)) {
                return true;
            }
        }
        return false;
    }

    /** Title, external id or id contains this (ignoring case). */
    StringProperty queryProperty() {
        return query;
    }

    /** Points of the left map matching the search; -1 while no search. */
    ReadOnlyIntegerProperty matchCountProperty() {
        return matchCount.getReadOnlyProperty();
    }
}
