package dev.augur.core.rank;

import dev.augur.core.llm.LlmClient;
import dev.augur.core.rank.models.LlmReranker;
import dev.augur.core.rank.models.RerankTemplate;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The models the app and the command line offer, with the LLM re-ranker when an LLM is connected. */
public final class RankingModels {
    private RankingModels() {
    }

    /**
     * Every built-in model ({@link Recommenders}); {@code llm} (may be null) adds {@code llm-rerank}, whose answers are cached as
     * generations in {@code workspace}.
     */
    public static Recommenders standard(Workspace workspace, LlmClient llm) {
        Recommenders r = new Recommenders();
        if (llm != null && workspace != null) {
            r.with("llm-rerank", p -> {
                Map<String, String> rest = new LinkedHashMap<>(p);
                String retriever = rest.remove("retriever");
                Recommender base = r.create(retriever == null ? "als" : retriever, Map.of());
                WorkspaceRerankCache cache = new WorkspaceRerankCache(workspace);
                LlmReranker reranker = new LlmReranker(base, llm, cache, RerankTemplate.bundled(),
                        LlmReranker.Settings.of(rest), null);
                return new BoundReranker(reranker, cache);
            });
        }
        return r;
    }

    /** The re-ranker with its workspace cache bound to the data being evaluated, and its counts in the report. */
    private static final class BoundReranker implements Recommender, RankingService.NeedsData,
            RankingService.ReportsExtra {
        private final LlmReranker reranker;
        private final WorkspaceRerankCache cache;

        BoundReranker(LlmReranker reranker, WorkspaceRerankCache cache) {
            this.reranker = reranker;
            this.cache = cache;
        }

        @Override public void bind(RankingData data) {
            cache.bind(data);
        }

        @Override public String name() {
            return reranker.name();
        }

        @Override public Map<String, Object> params() {
            return reranker.params();
        }

        @Override public void fit(TrainingData data, TaskMonitor monitor) {
            reranker.fit(data, monitor);
        }

        @Override public void score(int user, float[] scores) {
            reranker.score(user, scores);
        }

        @Override public List<Reason> explain(int user, int item, int max) {
            return reranker.explain(user, item, max);
        }

        @Override public Map<String, Object> report() {
            return reranker.stats().toMap();
        }
    }
}
