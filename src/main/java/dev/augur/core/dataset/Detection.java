package dev.augur.core.dataset;

import java.nio.file.Path;
import java.util.List;

/**
 * A source recognised as one format.
 * @param confidence   higher wins when several importers recognise a source (generic CSV answers lowest)
 * @param files        the files that will be read, for progress and preview; companions may be missing
 * @param suggestedName the dataset name to use when the user gives none
 * @param description  one line for people, e.g. "MovieLens 100K (u.data + u.item + u.user)"
 */
public record Detection(Importer importer, Path source, int confidence, List<Path> files, String suggestedName,
                        String description) {
}
