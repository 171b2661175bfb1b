/**
 * Vector search and export over {@link dev.augur.core.store.VectorMatrix}: exact cosine top-k
 * ({@link dev.augur.core.vectors.CosineIndex}) and {@code .npy} + id CSV files for numpy/pandas
 * ({@link dev.augur.core.vectors.VectorExport}). Plain Java: no database, no UI, no native engine.
 */
package dev.augur.core.vectors;
