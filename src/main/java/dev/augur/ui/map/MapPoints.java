package dev.augur.ui.map;

import java.util.Objects;

/**
 * One 2-D projection of a dataset's items, as the map draws it: parallel primitive arrays, one entry per point
 * (index {@code i} everywhere), so a million points cost a few arrays and no objects per point.
 *
 * @param ids         item ids (unique; the same item has the same id in every space of a dataset)
 * @param xy          coordinates, interleaved: x of point i at {@code 2i}, y at {@code 2i + 1}
 * @param titles      item titles ("" when none)
 * @param externalIds the dataset's own item ids
 * @param category    the item's first category ("" when none)
 * @param popularity  interactions per item
 * @param cold        whether the item is cold (too few interactions to learn from)
 * @param synthetic   whether the item's interactions are synthetic rather than observed
 * @param annotation  the review status of the item, e.g. "none", "accepted", "rejected"
 * @param cluster     a cluster label in this space, -1 for noise
 */
public record MapPoints(long[] ids, float[] xy, String[] titles, String[] externalIds, String[] category,
                        int[] popularity, boolean[] cold, boolean[] synthetic, String[] annotation, int[] cluster) {

    public MapPoints {
        Objects.requireNonNull(ids, "ids");
        int n = ids.length;
        if (xy.length != 2 * n) {
            throw new IllegalArgumentException("xy has " + xy.length + " floats for " + n + " points");
        }
        check(titles.length, n, "titles");
        check(externalIds.length, n, "externalIds");
        check(category.length, n, "category");
        check(popularity.length, n, "popularity");
        check(cold.length, n, "cold");
        check(synthetic.length, n, "synthetic");
        check(annotation.length, n, "annotation");
        check(cluster.length, n, "cluster");
    }

    private static void check(int length, int n, String what) {
        if (length != n) {
            throw new IllegalArgumentException(what + " has " + length + " entries for " + n + " points");
        }
    }

    public int size() {
        return ids.length;
    }

    public float x(int i) {
        return xy[2 * i];
    }

    public float y(int i) {
        return xy[2 * i + 1];
    }

    /** An empty projection. */
    public static MapPoints empty() {
        return new MapPoints(new long[0], new float[0], new String[0], new String[0], new String[0], new int[0],
                new boolean[0], new boolean[0], new String[0], new int[0]);
    }
}
