package dev.augur.core.store;

import java.util.Objects;

/**
 * One stored 2-D projection of a vector set (see {@link ProjectionStore}): point {@code i} is entity
 * {@code entityIds[i]} at ({@code xy[2i]}, {@code xy[2i+1]}). {@code method} and {@code params} are opaque to the
 * store; {@code setCount} and {@code setUpdatedAt} describe the set as it was when projected. The arrays are shared,
 * not copied: treat them as read-only.
 */
public record StoredProjection(long datasetId, String kind, String field, String encoder, String method, String params,
                               long setCount, String setUpdatedAt, long[] entityIds, float[] xy, double seconds,
                               String createdAt) {
    public StoredProjection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(setUpdatedAt, "setUpdatedAt");
        Objects.requireNonNull(createdAt, "createdAt");
        if (xy.length != 2L * entityIds.length) {
            throw new IllegalArgumentException(entityIds.length + " points need " + 2L * entityIds.length
                    + " coordinates, not " + xy.length);
        }
    }

    /** The number of points. */
    public int size() {
        return entityIds.length;
    }
}
