package dev.augur.core.store;

/** A dataset in a workspace with its counts. {@code report} is the import report as JSON text. */
public record DatasetInfo(long id, String name, String format, String sourcePath, String importedAt,
                          long users, long items, long interactions, long reviews, long tags, String report) {
}
