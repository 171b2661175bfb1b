package dev.augur;

import dev.augur.cli.AugurCli;
import dev.augur.ui.AugurApp;

/**
 * One entry point for the jar: with no arguments it opens the desktop app, with arguments it is the command
 * line. A plain class (not an {@code Application}) so JavaFX also starts from the class path.
 */
public final class Main {
    private Main() {
    }

    /** On the command line, stdout and stderr belong to the command's own output: log warnings only. */
    private static void quietLogging() {
        java.util.logging.Logger root = java.util.logging.LogManager.getLogManager().getLogger("");
        root.setLevel(java.util.logging.Level.WARNING);
        for (java.util.logging.Handler h : root.getHandlers()) {
            h.setLevel(java.util.logging.Level.WARNING);
        }
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            AugurApp.launchApp(args);
        } else {
            quietLogging();
            System.exit(AugurCli.run(args));
        }
    }
}
