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

    public static void main(String[] args) {
        if (args.length == 0) {
            AugurApp.launchApp(args);
        } else {
            System.exit(AugurCli.run(args));
        }
    }
}
