package dev.augur.cli;

import picocli.CommandLine.Option;

/** The options that place a stored run: dataset, split, seed, the item vector set and a label. */
final class RunOptions {
    @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset (default: the workspace's first).")
    String dataset;

    @Option(names = "--split", defaultValue = "random:0.8,0.1,0.1", paramLabel = "SPLIT",
            description = "random:0.8,0.1,0.1 | leave-last-out | temporal:0.2 | cold-items:0.1 (default ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the split and the models (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--text-vectors", paramLabel = "KIND:FIELD:ENCODER",
            description = "Item vector set for the text features and models (default: the latest item set).")
    String textVectors;

    @Option(names = "--label", description = "A label for the stored run.")
    String label;
}
