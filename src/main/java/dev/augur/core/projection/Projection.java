package dev.augur.core.projection;

/**
 * A vector set laid out in two dimensions: point {@code i} is entity {@code entityIds[i]} at
 * ({@code xy[2i]}, {@code xy[2i+1]}), points in entity id order. {@code params} is the method's canonical parameter
 * string ({@link ProjectionService#params}); {@code seconds} what computing it took; {@code createdAt} an ISO-8601
 * instant. The arrays are shared, not copied: treat them as read-only.
 */
public record Projection(long datasetId, String kind, String field, String encoder, ProjectionMethod method,
                         String params, long[] entityIds, float[] xy, double seconds, String createdAt) {
    public Projection {
        if (xy.length != 2L * entityIds.length) {
            throw new IllegalArgumentException(entityIds.length + " points need " + 2L * entityIds.length
                    + " coordinates, not " + xy.length);
        }
    }

    /** The number of points. */
    public int size() {
        return entityIds.length;
    }

    public float x(int i) {
        return xy[2 * i];
    }

    public float y(int i) {
        return xy[2 * i + 1];
    }
}
