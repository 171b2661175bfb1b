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
        } else if (args.length >= 2 && args[0].equals("bench") && args[1].equals("map")) {
            // draws on a JavaFX canvas, so it lives with the UI; the command line never depends on the UI
            quietLogging();
            System.exit(dev.augur.ui.map.MapBench.run(java.util.Arrays.copyOfRange(args, 2, args.length), System.out));
        } else {
            quietLogging();
            System.exit(AugurCli.run(args));
        }
    }
}
