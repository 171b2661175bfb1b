/**
 * 2-D projections of vector sets for the embedding map, in plain Java: exact {@link dev.augur.core.projection.Pca},
 * exact {@link dev.augur.core.projection.KnnGraph}, {@link dev.augur.core.projection.Umap}, the quality measures
 * {@link dev.augur.core.projection.Trustworthiness} and {@link dev.augur.core.projection.NeighbourhoodChange},
 * {@link dev.augur.core.projection.KMeans} for colouring, and {@link dev.augur.core.projection.ProjectionService},
 * which caches layouts in the workspace. Everything is deterministic: the same input and parameters (and seed) give
 * the same bytes, whatever the thread count.
 */
package dev.augur.core.projection;
