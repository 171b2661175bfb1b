package dev.augur.core.projection;

import java.util.Locale;

/** How a vector set is laid out in two dimensions. */
public enum ProjectionMethod {
    /** The first two principal components: fast, linear, keeps global distances. */
    PCA,
    /** UMAP: keeps local neighbourhoods, separates clusters. */
    UMAP;

    /** The id stored in the workspace: {@code pca}, {@code umap}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The method with this {@link #id()}. */
    public static ProjectionMethod fromId(String id) {
        for (ProjectionMethod m : values()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown projection method '" + id + "' (pca, umap)");
    }
}
