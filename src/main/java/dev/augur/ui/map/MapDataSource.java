package dev.augur.ui.map;

import dev.augur.core.task.TaskMonitor;

import java.util.List;

/**
 * Where the map gets its projections. Every method is called from a background job of the app's task executor
 * (never on the JavaFX thread) and may be called from two jobs at once, so implementations must be thread-safe.
 */
public interface MapDataSource {

    /** The projections there are to show, best first; may read the workspace. */
    List<MapSpace> spaces() throws Exception;

    /** The points of one projection; reports progress and stops at {@link TaskMonitor#checkCancelled()}. */
    MapPoints load(MapSpace space, TaskMonitor monitor) throws Exception;

    /**
     * How much each item's neighbourhood differs between two projections of the same items: one score per point of
     * {@code load(a)}, in that order, in [0, 1] (0 = same neighbours, 1 = none shared), NaN where unknown. May be slow.
     */
    float[] neighbourhoodChange(MapSpace a, MapSpace b, TaskMonitor monitor) throws Exception;

    /** A source without projections (the map shows its empty state). */
    static MapDataSource empty() {
        return new MapDataSource() {
            @Override
            public List<MapSpace> spaces() {
                return List.of();
            }

            @Override
            public MapPoints load(MapSpace space, TaskMonitor monitor) {
                return MapPoints.empty();
            }

            @Override
            public float[] neighbourhoodChange(MapSpace a, MapSpace b, TaskMonitor monitor) {
                return new float[0];
            }
        };
    }
}
