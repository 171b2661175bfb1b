package dev.augur.core.dataset;

import dev.augur.core.store.DatasetWriter;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads one dataset format into a workspace, streaming: memory grows with distinct users and items, never
 * with the number of rows. Implementations parse a whole row before writing any of it, so a skipped row
 * leaves no trace.
 */
public interface Importer {

    /** Precise format id shown to users, e.g. {@code movielens-100k}. */
    String id();

    /** The family accepted by {@code --format}: movielens, amazon, mind, recbole or csv. */
    String family();

    /** Recognises a file or folder as this format, with the files it would read; empty when it is not. */
    Optional<Detection> detect(Path source);

    /** Reads the detected files into {@code out}; bad rows go through {@code ctx.problem}. */
    void read(Detection detection, DatasetWriter out, ImportContext ctx);

    /** Whether rows repeating an earlier (user, item, time, value) are dropped: true for pure rating files. */
    default boolean dropsDuplicateInteractions() {
        return false;
    }
}
