package dev.augur.ui.map;

import dev.augur.core.task.Job;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.BackgroundJobs;
import dev.augur.ui.common.JobBinding;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the colours of the maps say: the colour-by choice, the colouring of each map (a job per map and choice) and
 * the legend of the left map, whose unticked entries hide their points in both maps.
 */
final class MapColours {
    private final TaskExecutor tasks;
    private final MapSide left;
    private final MapSide right;
    private final Consumer<String> status;
    private final ObjectProperty<ColourBy> colourBy = new SimpleObjectProperty<>(ColourBy.CATEGORY);
    private final ObservableList<LegendEntry> legend = FXCollections.observableArrayList();

    /** @param status takes the message of a colouring that failed */
    MapColours(TaskExecutor tasks, MapSide left, MapSide right, Consumer<String> status) {
        this.tasks = tasks;
        this.left = left;
        this.right = right;
        this.status = status;
        colourBy.addListener((o, was, is) -> {
            recolour(left);
            recolour(right);
        });
    }

    /** Recolours both maps if their colours show the neighbourhood change (its scores came in or went away). */
    void changeScoresChanged() {
        if (colourBy.get() == ColourBy.CHANGE) {
            recolour(left);
            recolour(right);
        }
    }

    /** Colours the map {@code side} shows now in the background; no map: no colours (and no legend, left). */
    void recolour(MapSide side) {
        LoadedMap m = side.map.get();
        long gen = ++side.colourGeneration;
        if (m == null) {
            side.colouring.set(null);
            if (side == left) {
                legend.clear();
            }
            return;
        }
        ColourBy by = colourBy.get();
        float[] change = side.change;
        Job<Colouring> job = tasks.submit("Colour map by " + by.label().toLowerCase(Locale.ROOT),
                t -> Colouring.compute(m.points(), by, change));
        JobBinding.follow(job, s -> { }, c -> {
            if (gen == side.colourGeneration && side.map.get() == m) {
                side.colouring.set(c);
                if (side == left) {
                    showLegend(c);
                }
                updateHidden();
            }
        }, e -> status.accept("Could not colour the map: " + BackgroundJobs.message(e)));
    }

    /** The legend of {@code c}; when it has the same values as the one shown, their ticks are kept. */
    private void showLegend(Colouring c) {
        Map<String, Boolean> keep = new HashMap<>();
        boolean same = !legend.isEmpty() && legend.size() == c.legend().size();
        for (int k = 0; same && k < legend.size(); k++) {
            same = legend.get(k).label().equals(c.legend().get(k).label());
        }
        if (same) {
            legend.forEach(e -> keep.put(e.label(), e.isShown()));
        }
        List<LegendEntry> entries = new ArrayList<>();
        for (Colouring.Legend l : c.legend()) {
            LegendEntry e = new LegendEntry(l.label(), Argb.color(l.argb()), l.count(),
                    keep.getOrDefault(l.label(), true));
            e.shownProperty().addListener((o, was, is) -> updateHidden());
            entries.add(e);
        }
        legend.setAll(entries);
    }

    /** Hides, in both maps, the groups whose legend entry (by label) is unticked. */
    private void updateHidden() {
        Map<String, Boolean> shown = new HashMap<>();
        legend.forEach(e -> shown.put(e.label(), e.isShown()));
        for (MapSide side : List.of(left, right)) {
            Colouring c = side.colouring.get();
            boolean[] h = new boolean[c == null ? 0 : c.legend().size()];
            for (int g = 0; g < h.length; g++) {
                h[g] = !shown.getOrDefault(c.legend().get(g).label(), true);
            }
            side.hidden.set(h);
        }
    }

    ObjectProperty<ColourBy> colourByProperty() {
        return colourBy;
    }

    ObservableList<LegendEntry> legend() {
        return legend;
    }
}
