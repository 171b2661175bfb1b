package dev.augur.ui.rankings;

import dev.augur.core.rank.Recommenders;

/**
 * The models opened for one workspace, and what they hold that must be closed afterwards (an LLM client for the
 * re-ranker; null when nothing). Kept open while the run fitted with them is shown, since a model may still score
 * (and cache) then.
 */
public record ModelSession(Recommenders recommenders, AutoCloseable resources) implements AutoCloseable {

    /** Where the Rankings view gets its models: per workspace, as the command line does. */
    @FunctionalInterface
    public interface Source {
        ModelSession open(dev.augur.core.store.Workspace workspace);

        /** The same fixed registry for every workspace (tests, or models that need no workspace). */
        static Source of(Recommenders recommenders) {
            return ws -> new ModelSession(recommenders, null);
        }
    }

    @Override
    public void close() throws Exception {
        if (resources != null) {
            resources.close();
        }
    }
}
