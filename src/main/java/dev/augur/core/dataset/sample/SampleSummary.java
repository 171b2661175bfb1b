package dev.augur.core.dataset.sample;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link SampleDataGenerator#write} wrote.
 *
 * @param outDir             the folder written into
 * @param spec               the spec used
 * @param coldItems          items with no interaction
 * @param minUserInteractions fewest interactions of any user
 * @param maxUserInteractions most interactions of any user
 * @param files              the files written, in a fixed order
 * @param totalBytes         their total size
 */
public record SampleSummary(Path outDir, SampleSpec spec, int coldItems, int minUserInteractions,
                            int maxUserInteractions, List<Path> files, long totalBytes) {

    public SampleSummary {
        files = List.copyOf(files);
    }

    /** One line for a log or a console. */
    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "wrote %d items (%d cold), %d users, %d interactions (%d-%d per user), %d topics, seed %d: "
                        + "%d files, %d bytes in %s",
                spec.items(), coldItems, spec.users(), spec.interactions(), minUserInteractions,
                maxUserInteractions, spec.topics(), spec.seed(), files.size(), totalBytes, outDir);
    }
}
