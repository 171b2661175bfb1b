package dev.augur.cli;

import dev.augur.core.dataset.ImportException;
import dev.augur.core.store.WorkspaceException;
import dev.augur.core.task.TaskCancelledException;

/** Turns an exception into the one line a user reads: what failed and what to do about it. */
final class Failures {
    private Failures() {
    }

    static String describe(Throwable e) {
        if (e instanceof ImportException ie) {
            return "import failed, nothing was written: " + ie.getMessage();
        }
        if (e instanceof WorkspaceException || e instanceof IllegalArgumentException
                || e instanceof dev.augur.core.encode.EncoderException) {
            return e.getMessage();
        }
        if (e instanceof TaskCancelledException) {
            return "cancelled; nothing was written";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m)
                + " (this is a bug in Augur; please report it with the command you ran)";
    }
}
