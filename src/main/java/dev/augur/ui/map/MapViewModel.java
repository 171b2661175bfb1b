package dev.augur.ui.map;

import dev.augur.core.task.Job;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskExecutor;
import dev.augur.core.task.TaskMonitor;
import dev.augur.ui.common.ItemSelection;
import dev.augur.ui.common.JobBinding;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The map page's state and commands, no Nodes: which projection each map shows, side by side or not, what the
 * colours say, the search, the legend, the neighbourhood-change list, and the selection (shared with the other views
 * through {@link ItemSelection}). Loading, colouring, searching, scoring and exporting run as jobs of the one task
 * executor; their results land on the JavaFX thread, and a result that is no longer wanted is dropped.
 */
public final class MapViewModel {
    /** How many items the "Neighbourhood change" list shows. */
    public static final int CHANGE_LIST_SIZE = 200;

    private final TaskExecutor tasks;
    private final ItemSelection selection;
    private MapDataSource source;
    private final ObservableList<MapSpace> spaces = FXCollections.observableArrayList();
    private final ObjectProperty<MapSpace> leftSpace = new SimpleObjectProperty<>();
    private final ObjectProperty<MapSpace> rightSpace = new SimpleObjectProperty<>();
    private final BooleanProperty sideBySide = new SimpleBooleanProperty(false);
    private final ObjectProperty<ColourBy> colourBy = new SimpleObjectProperty<>(ColourBy.CATEGORY);
    private final BooleanProperty sizeByPopularity = new SimpleBooleanProperty(false);
    private final BooleanProperty lassoMode = new SimpleBooleanProperty(false);
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper selectionCount = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper matchCount = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No map yet.");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper changeRunning = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper changeReady = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyLongWrapper hoveredId = new ReadOnlyLongWrapper(-1);
    private final ObservableList<LegendEntry> legend = FXCollections.observableArrayList();
    private final ObservableList<ChangeRow> changes = FXCollections.observableArrayList();
    private final Side left = new Side("left");
    private final Side right = new Side("right");
    private long spacesGeneration;
    private long changeGeneration;
    private Job<?> changeJob;
    private boolean choosing;

    /** One of the two maps: what it shows and how. Read-only outside the view model. */
    public static final class Side {
        private final String name;
        private final ReadOnlyObjectWrapper<LoadedMap> map = new ReadOnlyObjectWrapper<>();
        private final ReadOnlyObjectWrapper<Colouring> colouring = new ReadOnlyObjectWrapper<>();
        private final ReadOnlyObjectWrapper<boolean[]> hidden = new ReadOnlyObjectWrapper<>(new boolean[0]);
        private final ReadOnlyObjectWrapper<boolean[]> matches = new ReadOnlyObjectWrapper<>();
        private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
        private float[] change;
        private long loadGeneration;
        private long colourGeneration;
        private long searchGeneration;
        private Job<?> loadJob;

        private Side(String name) {
            this.name = name;
        }

        /** The projection shown, indexed; null while none. */
        public ReadOnlyObjectProperty<LoadedMap> mapProperty() {
            return map.getReadOnlyProperty();
        }

        /** Colours of the shown map's points (same length), or null while being computed. */
        public ReadOnlyObjectProperty<Colouring> colouringProperty() {
            return colouring.getReadOnlyProperty();
        }

        /** Per legend group of {@link #colouringProperty()}: hidden by the legend. */
        public ReadOnlyObjectProperty<boolean[]> hiddenProperty() {
            return hidden.getReadOnlyProperty();
        }

        /** Per point: matches the search; null while no search. */
        public ReadOnlyObjectProperty<boolean[]> matchesProperty() {
            return matches.getReadOnlyProperty();
        }

        public ReadOnlyBooleanProperty loadingProperty() {
            return loading.getReadOnlyProperty();
        }

        /** The neighbourhood-change score of each point of this map, or null while not computed. */
        public float[] change() {
            return change;
        }
    }

    /** A neighbourhood-change result: scores per point of each map and the top of the list. */
    private record Change(LoadedMap left, LoadedMap right, float[] leftScores, float[] rightScores, List<ChangeRow> top) {
    }

    /**
     * @param tasks     the app's one task executor
     * @param source    where projections come from ({@link MapDataSource#empty()} until a workspace has some)
     * @param selection the selection shared with the other views
     */
    public MapViewModel(TaskExecutor tasks, MapDataSource source, ItemSelection selection) {
        this.tasks = Objects.requireNonNull(tasks);
        this.source = Objects.requireNonNull(source);
        this.selection = Objects.requireNonNull(selection);
        selection.revisionProperty().addListener((o, was, is) -> selectionCount.set(selection.size()));
        selectionCount.set(selection.size());
        leftSpace.addListener((o, was, is) -> {
            if (!choosing) {
                load(left, is);
            }
        });
        rightSpace.addListener((o, was, is) -> {
            if (!choosing && sideBySide.get()) {
                load(right, is);
            }
        });
        sideBySide.addListener((o, was, is) -> {
            if (is) {
                if (rightSpace.get() == null && !spaces.isEmpty()) {
                    rightSpace.set(spaces.get(Math.min(1, spaces.size() - 1)));
                } else {
                    load(right, rightSpace.get());
                }
            } else {
                load(right, null);
            }
        });
        colourBy.addListener((o, was, is) -> {
            recolour(left);
            recolour(right);
        });
        search.addListener((o, was, is) -> {
            research(left);
            research(right);
        });
    }

    // ------------------------------------------------------------------------------------------------ commands

    /** Shows another source's projections (e.g. after a workspace was opened) and reads its list. */
    public void setSource(MapDataSource source) {
        this.source = Objects.requireNonNull(source);
        refresh();
    }

    /** Reads the list of projections in the background; keeps the chosen ones where they still exist. */
    public Job<List<MapSpace>> refresh() {
        long gen = ++spacesGeneration;
        MapDataSource from = source;
        status.set("Reading projections…");
        Job<List<MapSpace>> job = tasks.submit("Map projections", m -> List.copyOf(from.spaces()));
        JobBinding.follow(job, s -> { }, list -> {
            if (gen == spacesGeneration) {
                showSpaces(list);
            }
        }, e -> {
            if (gen == spacesGeneration) {
                status.set("Could not read projections: " + message(e));
            }
        });
        return job;
    }

    private void showSpaces(List<MapSpace> list) {
        MapSpace keepLeft = leftSpace.get();
        MapSpace keepRight = rightSpace.get();
        choosing = true;
        try {
            spaces.setAll(list);
            leftSpace.set(keepLeft != null && list.contains(keepLeft) ? keepLeft : list.isEmpty() ? null : list.get(0));
            rightSpace.set(keepRight != null && list.contains(keepRight) ? keepRight : list.isEmpty() ? null : list.get(Math.min(1, list.size() - 1)));
        } finally {
            choosing = false;
        }
        empty.set(list.isEmpty());
        if (list.isEmpty()) {
            status.set("No 2-D projections yet.");
        }
        load(left, leftSpace.get());
        load(right, sideBySide.get() ? rightSpace.get() : null);
    }

    private void load(Side side, MapSpace space) {
        long gen = ++side.loadGeneration;
        if (side.loadJob != null) {
            side.loadJob.cancel();
            side.loadJob = null;
        }
        invalidateChange();
        if (space == null) {
            side.loading.set(false);
            side.change = null;
            side.map.set(null);
            side.colouring.set(null);
            side.matches.set(null);
            updateStatus();
            return;
        }
        side.loading.set(true);
        status.set("Loading " + space.label() + "…");
        MapDataSource from = source;
        Job<LoadedMap> job = tasks.submit("Map " + space.label(), m -> {
            m.message("reading points");
            MapPoints points = from.load(space, m);
            m.checkCancelled();
            m.message("indexing " + points.size() + " points");
            return LoadedMap.of(space, points);
        });
        side.loadJob = job;
        JobBinding.follow(job, s -> { }, loaded -> {
            if (gen != side.loadGeneration) {
                return;
            }
            side.loadJob = null;
            side.loading.set(false);
            side.colouring.set(null);
            side.matches.set(null);
            side.map.set(loaded);
            updateStatus();
            recolour(side);
            research(side);
            computeChange();
        }, e -> {
            if (gen != side.loadGeneration) {
                return;
            }
            side.loadJob = null;
            side.loading.set(false);
            if (!(e instanceof TaskCancelledException)) {
                status.set("Could not load " + space.label() + ": " + message(e));
            }
        });
    }

    private void updateStatus() {
        LoadedMap l = left.map.get();
        LoadedMap r = right.map.get();
        if (l == null) {
            status.set(empty.get() ? "No 2-D projections yet." : "No map shown.");
        } else if (r == null) {
            status.set(String.format(Locale.ROOT, "%,d points", l.size()));
        } else {
            status.set(String.format(Locale.ROOT, "%,d points left, %,d right", l.size(), r.size()));
        }
    }

    private void recolour(Side side) {
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
        }, e -> status.set("Could not colour the map: " + message(e)));
    }

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
            LegendEntry e = new LegendEntry(l.label(), MapCanvas.argbColor(l.argb()), l.count(),
                    keep.getOrDefault(l.label(), true));
            e.shownProperty().addListener((o, was, is) -> updateHidden());
            entries.add(e);
        }
        legend.setAll(entries);
    }

    private void updateHidden() {
        Map<String, Boolean> shown = new HashMap<>();
        legend.forEach(e -> shown.put(e.label(), e.isShown()));
        for (Side side : List.of(left, right)) {
            Colouring c = side.colouring.get();
            boolean[] h = new boolean[c == null ? 0 : c.legend().size()];
            for (int g = 0; g < h.length; g++) {
                h[g] = !shown.getOrDefault(c.legend().get(g).label(), true);
            }
            side.hidden.set(h);
        }
    }

    private void research(Side side) {
        LoadedMap m = side.map.get();
        String q = search.get() == null ? "" : search.get().strip();
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

    private void invalidateChange() {
        ++changeGeneration;
        if (changeJob != null) {
            changeJob.cancel();
            changeJob = null;
        }
        changeRunning.set(false);
        boolean had = left.change != null || right.change != null;
        left.change = null;
        right.change = null;
        if (changeReady.get()) {
            changeReady.set(false);
            changes.clear();
        }
        if (had && colourBy.get() == ColourBy.CHANGE) {
            recolour(left);
            recolour(right);
        }
    }

    /** Scores the neighbourhood change between the two maps in the background, once both are loaded. */
    private void computeChange() {
        LoadedMap l = left.map.get();
        LoadedMap r = right.map.get();
        if (!sideBySide.get() || l == null || r == null || left.loading.get() || right.loading.get()) {
            return;
        }
        long gen = ++changeGeneration;
        MapDataSource from = source;
        changeRunning.set(true);
        Job<Change> job = tasks.submit("Neighbourhood change " + l.space().label() + " → " + r.space().label(), m -> {
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
            return new Change(l, r, scores, rightScores, top(l.points(), scores, CHANGE_LIST_SIZE));
        });
        changeJob = job;
        JobBinding.follow(job, s -> { }, c -> {
            if (gen != changeGeneration || left.map.get() != c.left() || right.map.get() != c.right()) {
                return;
            }
            changeJob = null;
            changeRunning.set(false);
            left.change = c.leftScores();
            right.change = c.rightScores();
            changes.setAll(c.top());
            changeReady.set(true);
            if (colourBy.get() == ColourBy.CHANGE) {
                recolour(left);
                recolour(right);
            }
        }, e -> {
            if (gen == changeGeneration) {
                changeJob = null;
                changeRunning.set(false);
                if (!(e instanceof TaskCancelledException)) {
                    status.set("Could not score the neighbourhood change: " + message(e));
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

    /** Applies a selection gesture of either map to the shared selection. */
    public void select(long[] ids, MapCanvas.SelectMode mode) {
        String dataset = dataset();
        switch (mode) {
            case REPLACE -> selection.replace(dataset, ids);
            case ADD -> selection.add(dataset, ids);
            case TOGGLE -> {
                for (long id : ids) {
                    selection.toggle(dataset, id);
                }
            }
        }
    }

    /** Selects exactly one item (a click in the change list). */
    public void selectOnly(long id) {
        selection.replace(dataset(), new long[] {id});
    }

    public void clearSelection() {
        selection.clear();
    }

    /** Asks the other views to open item {@code id} (a click on the map). */
    public void open(long id) {
        for (Side side : List.of(left, right)) {
            LoadedMap m = side.map.get();
            int i = m == null ? -1 : m.indexOf(id);
            if (i >= 0) {
                selection.open(m.space().dataset(), id, m.points().externalIds()[i]);
                return;
            }
        }
    }

    /** The item under the mouse in either map (-1: none); the other map rings it. */
    public void setHovered(long id) {
        hoveredId.set(id);
    }

    private String dataset() {
        LoadedMap m = left.map.get() != null ? left.map.get() : right.map.get();
        return m == null ? "" : m.space().dataset();
    }

    /** The selected items as the left map has them (id, external_id, title, category, popularity, x, y), to a CSV file. */
    public Job<Path> exportSelectionCsv(Path file) {
        LoadedMap m = left.map.get();
        long[] ids = selection.ids().stream().mapToLong(Long::longValue).toArray();
        return tasks.submit("Export map selection to " + file.getFileName(), t -> {
            writeCsv(m, ids, file, t);
            return file;
        });
    }

    static void writeCsv(LoadedMap m, long[] ids, Path file, TaskMonitor monitor) throws IOException {
        int[] rows = m == null ? new int[0] : Arrays.stream(ids).mapToInt(m::indexOf).filter(i -> i >= 0).sorted().toArray();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,external_id,title,category,popularity,x,y\n");
            MapPoints p = rows.length == 0 ? null : m.points();
            for (int k = 0; k < rows.length; k++) {
                if ((k & 0xFFFF) == 0) {
                    monitor.checkCancelled();
                    monitor.progress(k, rows.length);
                }
                int i = rows[k];
                w.write(Long.toString(p.ids()[i]));
                w.write(',');
                w.write(csv(p.externalIds()[i]));
                w.write(',');
                w.write(csv(p.titles()[i]));
                w.write(',');
                w.write(csv(p.category()[i]));
                w.write(',');
                w.write(Integer.toString(p.popularity()[i]));
                w.write(',');
                w.write(Float.toString(p.x(i)));
                w.write(',');
                w.write(Float.toString(p.y(i)));
                w.write('\n');
            }
        }
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Writes a snapshot of the map(s), taken on the JavaFX thread by the view, to a PNG file in the background. */
    public Job<Path> exportPng(Image snapshot, Path file) {
        return tasks.submit("Export map image to " + file.getFileName(), t -> {
            int w = (int) snapshot.getWidth();
            int h = (int) snapshot.getHeight();
            BufferedImage image = SwingFXUtils.fromFXImage(snapshot, new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB));
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
            return file;
        });
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    // ------------------------------------------------------------------------------------------------ properties

    public ItemSelection selection() {
        return selection;
    }

    public Side left() {
        return left;
    }

    public Side right() {
        return right;
    }

    public ObservableList<MapSpace> spaces() {
        return spaces;
    }

    /** The projection of the (left) map. */
    public ObjectProperty<MapSpace> leftSpaceProperty() {
        return leftSpace;
    }

    /** The projection of the right map, shown while {@link #sideBySideProperty()} is on. */
    public ObjectProperty<MapSpace> rightSpaceProperty() {
        return rightSpace;
    }

    public BooleanProperty sideBySideProperty() {
        return sideBySide;
    }

    public ObjectProperty<ColourBy> colourByProperty() {
        return colourBy;
    }

    public BooleanProperty sizeByPopularityProperty() {
        return sizeByPopularity;
    }

    /** While on, a plain drag on a map draws a lasso instead of panning. */
    public BooleanProperty lassoModeProperty() {
        return lassoMode;
    }

    /** Title, external id or id contains this (ignoring case): drawn in colour, the rest dimmed. */
    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyIntegerProperty selectionCountProperty() {
        return selectionCount.getReadOnlyProperty();
    }

    /** Points of the left map matching the search; -1 while no search. */
    public ReadOnlyIntegerProperty matchCountProperty() {
        return matchCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the source has no projections at all. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty changeRunningProperty() {
        return changeRunning.getReadOnlyProperty();
    }

    /** Whether neighbourhood-change scores for the two shown maps are in. */
    public ReadOnlyBooleanProperty changeReadyProperty() {
        return changeReady.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty hoveredIdProperty() {
        return hoveredId.getReadOnlyProperty();
    }

    /** The legend of the current colouring; unticking an entry hides its points in both maps. */
    public ObservableList<LegendEntry> legend() {
        return legend;
    }

    /** The items whose neighbourhood changed most between the two maps, highest first (top 200). */
    public ObservableList<ChangeRow> changes() {
        return changes;
    }
}
