package dev.augur.ui.map;

import dev.augur.core.task.Job;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.BackgroundJobs;
import dev.augur.ui.common.JobBinding;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * How differently the two maps shown side by side place each item's neighbours: scored by the source as a job once
 * both maps are loaded, kept per point on each {@link MapSide}, and listed highest first (top
 * {@link MapViewModel#CHANGE_LIST_SIZE}). Dropped whenever either map changes.
 */
final class NeighbourhoodChange {
    private final TaskExecutor tasks;
    private final MapSide left;
    private final MapSide right;
    private final Runnable scoresChanged;
    private final Consumer<String> status;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<ChangeRow> changes = FXCollections.observableArrayList();
    private long generation;
    private Job<?> job;

    /** A neighbourhood-change result: scores per point of each map and the top of the list. */
    private record Change(LoadedMap left, LoadedMap right, float[] leftScores, float[] rightScores, List<ChangeRow> top) {
    }

    /**
     * @param scoresChanged runs when the sides' scores came in or went away (colours may show them)
     * @param status        takes the message of a scoring that failed
     */
    NeighbourhoodChange(TaskExecutor tasks, MapSide left, MapSide right, Runnable scoresChanged,
                        Consumer<String> status) {
        this.tasks = tasks;
        this.left = left;
        this.right = right;
        this.scoresChanged = scoresChanged;
        this.status = status;
    }

    /** Cancels the scoring under way and drops the scores and the list (a map is about to change). */
    void invalidate() {
        ++generation;
        if (job != null) {
            job.cancel();
            job = null;
        }
        running.set(false);
        boolean had = left.change != null || right.change != null;
        left.change = null;
        right.change = null;
        if (ready.get()) {
            ready.set(false);
            changes.clear();
        }
        if (had) {
            scoresChanged.run();
        }
    }

    /** Scores the neighbourhood change between the two maps in the background, if both are shown and loaded. */
    void compute(boolean sideBySide, MapDataSource from) {
        LoadedMap l = left.map.get();
        LoadedMap r = right.map.get();
        if (!sideBySide || l == null || r == null || left.loading.get() || right.loading.get()) {
            return;
        }
        long gen = ++generation;
        running.set(true);
        Job<Change> submitted = tasks.submit("Neighbourhood change " + l.space().label() + " → " + r.space().label(), m -> {
            m.message("scoring neighbourhoods");
            float[] scores = from.neighbourhoodChange(l.space(), r.space(), m);
            if (scores.length != l.size()) {
                throw new IllegalStateException("the source scored " + scores.length + " points of " + l.size());
            }
            float[] rightScores = new float[r.size()];
            long[] rightIds = r.points().ids();
            for (int j = 0; j < rightScores.length; j++) {
                int i = l.indexOf(rightIds[j]);
                rightScores[j] = i < 0 ? Float.NaN : scores[i];
            }
            return new Change(l, r, scores, rightScores, top(l.points(), scores, MapViewModel.CHANGE_LIST_SIZE));
        });
        job = submitted;
        JobBinding.follow(submitted, s -> { }, c -> {
            if (gen != generation || left.map.get() != c.left() || right.map.get() != c.right()) {
                return;
            }
            job = null;
            running.set(false);
            left.change = c.leftScores();
            right.change = c.rightScores();
            changes.setAll(c.top());
            ready.set(true);
            scoresChanged.run();
        }, e -> {
            if (gen == generation) {
                job = null;
                running.set(false);
                if (!(e instanceof TaskCancelledException)) {
                    status.accept("Could not score the neighbourhood change: " + BackgroundJobs.message(e));
                }
            }
        });
    }

    /** The {@code k} highest scores (NaN left out), highest first, ties by id; a bounded heap, no boxing. */
    static List<ChangeRow> top(MapPoints p, float[] scores, int k) {
        int[] heap = new int[k]; // min-heap of point indices by (score, -id)
        int size = 0;
        long[] ids = p.ids();
        for (int i = 0; i < scores.length; i++) {
            if (Float.isNaN(scores[i])) {
                continue;
            }
            if (size < k) {
                heap[size] = i;
                int c = size++;
                while (c > 0 && less(scores, ids, heap[c], heap[(c - 1) / 2])) {
                    swap(heap, c, (c - 1) / 2);
                    c = (c - 1) / 2;
                }
            } else if (k > 0 && less(scores, ids, heap[0], i)) {
                heap[0] = i;
                int c = 0;
                while (true) {
                    int a = 2 * c + 1;
                    int b = a + 1;
                    int m = c;
                    if (a < size && less(scores, ids, heap[a], heap[m])) {
                        m = a;
                    }
                    if (b < size && less(scores, ids, heap[b], heap[m])) {
                        m = b;
                    }
                    if (m == c) {
                        break;
                    }
                    swap(heap, c, m);
                    c = m;
                }
            }
        }
        Integer[] order = new Integer[size];
        for (int q = 0; q < size; q++) {
            order[q] = heap[q];
        }
        Arrays.sort(order, (x, y) -> less(scores, ids, x, y) ? 1 : less(scores, ids, y, x) ? -1 : 0);
        List<ChangeRow> rows = new ArrayList<>(size);
        for (int i : order) {
            rows.add(new ChangeRow(ids[i], p.externalIds()[i], p.titles()[i], scores[i]));
        }
        return rows;
    }

    /** Whether point a ranks below point b: lower score, or the same score and a larger id. */
    private static boolean less(float[] s, long[] ids, int a, int b) {
        return s[a] < s[b] || (s[a] == s[b] && ids[a] > ids[b]);
    }

    private static void swap(int[] h, int a, int b) {
        int t = h[a];
        h[a] = h[b];
        h[b] = t;
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether scores for the two shown maps are in. */
    ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** The items whose neighbourhood changed most, highest first. */
    ObservableList<ChangeRow> changes() {
        return changes;
    }
}
