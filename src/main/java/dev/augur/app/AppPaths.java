package dev.augur.app;

import java.nio.file.Path;

/** Where Augur keeps its own files: settings and the sample workspace, under the user's data folder. */
public final class AppPaths {
    private AppPaths() {
    }

    /**
     * {@code -Daugur.home}, else {@code $AUGUR_HOME}, else {@code $XDG_DATA_HOME/augur}, else
     * {@code ~/.local/share/augur}.
     */
    public static Path dataDir() {
        String home = System.getProperty("augur.home", System.getenv("AUGUR_HOME"));
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "augur");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "augur");
    }

    public static Path sampleWorkspace() {
        return dataDir().resolve("sample.augur");
    }
}
