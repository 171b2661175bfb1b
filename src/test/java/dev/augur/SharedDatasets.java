package dev.augur;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The read-only reference datasets beside the checkout; tests that use them skip with a message when absent. */
public final class SharedDatasets {
    private SharedDatasets() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("augur.sharedDatasets", "../shared/datasets"));
    }

    public static Path require(String name) {
        Path p = dir().resolve(name);
        Assumptions.assumeTrue(Files.isDirectory(p), "reference dataset " + p + " not present: skipped");
        return p;
    }
}
