package dev.augur.core.dataset;

import java.util.List;

/**
 * What an import did. {@code bareItems}: items mentioned by interactions without metadata; {@code coldItems}:
 * items with metadata but no interaction; {@code duplicates}: repeated rows dropped; {@code skipped}: bad lines
 * left out under {@link OnError#SKIP}, of which {@code problems} holds the first 20. {@code loadSeconds} is the
 * time until the rows were committed and readable; the rest of {@code seconds} is building the interaction indexes.
 */
public record ImportReport(String dataset, String format, String source, long users, long items, long interactions,
                           long reviews, long tags, long bareItems, long coldItems, long duplicates, long skipped,
                           List<ImportProblem> problems, List<String> warnings, double loadSeconds,
                           double seconds) {
}
