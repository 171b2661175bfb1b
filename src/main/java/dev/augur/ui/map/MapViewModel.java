package dev.augur.ui.map;

import dev.augur.core.task.Job;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.BackgroundJobs;
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
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The map page's state and commands, no Nodes: which projection each map shows, side by side or not, and the
 * selection (shared with the other views through {@link ItemSelection}); what the colours say ({@link MapColours}),
 * the search ({@link MapSearch}), the neighbourhood-change list ({@link NeighbourhoodChange}) and the exports
 * ({@link MapExport}) are its parts. Loading, colouring, searching, scoring and exporting run as jobs of the one task
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
    private final BooleanProperty sizeByPopularity = new SimpleBooleanProperty(false);
    private final BooleanProperty lassoMode = new SimpleBooleanProperty(false);
    private final ReadOnlyIntegerWrapper selectionCount = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No map yet.");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyLongWrapper hoveredId = new ReadOnlyLongWrapper(-1);
    private final MapSide left = new MapSide();
    private final MapSide right = new MapSide();
    private final MapColours colours;
    private final MapSearch search;
    private final NeighbourhoodChange change;
    private final MapExport export;
    private long spacesGeneration;
    private boolean choosing;

    /**
     * @param tasks     the app's one task executor
     * @param source    where projections come from ({@link MapDataSource#empty()} until a workspace has some)
     * @param selection the selection shared with the other views
     */
    public MapViewModel(TaskExecutor tasks, MapDataSource source, ItemSelection selection) {
        this.tasks = Objects.requireNonNull(tasks);
        this.source = Objects.requireNonNull(source);
        this.selection = Objects.requireNonNull(selection);
        colours = new MapColours(tasks, left, right, status::set);
        search = new MapSearch(tasks, left, right);
        change = new NeighbourhoodChange(tasks, left, right, colours::changeScoresChanged, status::set);
        export = new MapExport(tasks);
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
    }

    // ------------------------------------------------------------------------------------------------ loading

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
                status.set("Could not read projections: " + BackgroundJobs.message(e));
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

    private void load(MapSide side, MapSpace space) {
        long gen = ++side.loadGeneration;
        if (side.loadJob != null) {
            side.loadJob.cancel();
            side.loadJob = null;
        }
        change.invalidate();
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
            colours.recolour(side);
            search.research(side);
            change.compute(sideBySide.get(), source);
        }, e -> {
            if (gen != side.loadGeneration) {
                return;
            }
            side.loadJob = null;
            side.loading.set(false);
            if (!(e instanceof TaskCancelledException)) {
                status.set("Could not load " + space.label() + ": " + BackgroundJobs.message(e));
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

    // ------------------------------------------------------------------------------------------------ selection

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
        for (MapSide side : List.of(left, right)) {
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

    // ------------------------------------------------------------------------------------------------ exports

    /** The selected items as the left map has them (id, external_id, title, category, popularity, x, y), to a CSV file. */
    public Job<Path> exportSelectionCsv(Path file) {
        return export.selectionCsv(left.map.get(), selection.ids().stream().mapToLong(Long::longValue).toArray(), file);
    }

    /** Writes a snapshot of the map(s), taken on the JavaFX thread by the view, to a PNG file in the background. */
    public Job<Path> exportPng(Image snapshot, Path file) {
        return export.png(snapshot, file);
    }

    // ------------------------------------------------------------------------------------------------ properties

    public ItemSelection selection() {
        return selection;
    }

    public MapSide left() {
        return left;
    }

    public MapSide right() {
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
        return colours.colourByProperty();
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
        return search.queryProperty();
    }

    public ReadOnlyIntegerProperty selectionCountProperty() {
        return selectionCount.getReadOnlyProperty();
    }

    /** Points of the left map matching the search; -1 while no search. */
    public ReadOnlyIntegerProperty matchCountProperty() {
        return search.matchCountProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the source has no projections at all. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty changeRunningProperty() {
        return change.runningProperty();
    }

    /** Whether neighbourhood-change scores for the two shown maps are in. */
    public ReadOnlyBooleanProperty changeReadyProperty() {
        return change.readyProperty();
    }

    public ReadOnlyLongProperty hoveredIdProperty() {
        return hoveredId.getReadOnlyProperty();
    }

    /** The legend of the current colouring; unticking an entry hides its points in both maps. */
    public ObservableList<LegendEntry> legend() {
        return colours.legend();
    }

    /** The items whose neighbourhood changed most between the two maps, highest first (top 200). */
    public ObservableList<ChangeRow> changes() {
        return change.changes();
    }
}
