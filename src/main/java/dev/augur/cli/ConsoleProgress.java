package dev.augur.cli;

import dev.augur.core.task.TaskMonitor;

import java.io.PrintWriter;
import java.util.Locale;

/** Progress on stderr for people at a terminal: one line rewritten in place, at most 5 times a second. */
final class ConsoleProgress implements TaskMonitor {
    private final PrintWriter err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastPrint;
    private String message = "";
    private boolean printed;

    ConsoleProgress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    static ConsoleProgress forTerminal(PrintWriter err) {
        return new ConsoleProgress(err, System.console() != null);
    }

    @Override
    public void progress(long done, long total) {
        long now = System.nanoTime();
        if (!enabled || now - lastPrint < 200_000_000L) {
            return;
        }
        lastPrint = now;
        double secs = (now - start) / 1e9;
        String pct = total > 0 ? String.format(Locale.ROOT, "%5.1f%%", 100.0 * done / total) : "";
        String eta = "";
        if (total > 0 && done > 0 && secs > 1) {
            eta = String.format(Locale.ROOT, " ETA %ds", (long) ((total - done) * secs / done));
        }
        err.print(String.format(Locale.ROOT, "\r%s %s %.1f MB/s%s   ", pct, message, done / 1e6 / Math.max(secs, 1e-3), eta));
        err.flush();
        printed = true;
    }

    @Override
    public void message(String message) {
        this.message = message;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    void done() {
        if (printed) {
            err.print("\r" + " ".repeat(79) + "\r");
            err.flush();
        }
    }
}
