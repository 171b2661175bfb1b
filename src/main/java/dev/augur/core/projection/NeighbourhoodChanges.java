package dev.augur.core.projection;

/**
 * Per entity, the share (0..1) of its nearest neighbours in one vector space that are not among its nearest in
 * another; see {@link NeighbourhoodChange}. Ordered by entity id; the arrays are shared, treat them as read-only.
 */
public record NeighbourhoodChanges(long[] entityIds, float[] changed) {
    public NeighbourhoodChanges {
        if (entityIds.length != changed.length) {
            throw new IllegalArgumentException(entityIds.length + " entities, " + changed.length + " scores");
        }
    }

    public int size() {
        return entityIds.length;
    }

    /** The mean over all entities (0 when there are none). */
    public double mean() {
        double s = 0;
        for (float c : changed) {
            s += c;
        }
        return changed.length > 0 ? s / changed.length : 0;
    }
}
