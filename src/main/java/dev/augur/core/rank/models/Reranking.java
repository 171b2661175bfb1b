package dev.augur.core.rank.models;

/**
 * One user's re-ranking by {@link LlmReranker}: the candidates in their final order, whether the LLM ordered them,
 * and its counts.
 */
record Reranking(int[] order, boolean byLlm, RerankStats stats) {

    /** Too few candidates to ask about: the retriever's order, no call. */
    static Reranking tooFew(int[] candidates) {
        return new Reranking(candidates, false, new RerankStats(1, 0, 0, 0, 0, 0, 0, 0));
    }

    /** The call failed or its answer held no readable ranking: the retriever's order stands. */
    static Reranking fallback(int[] candidates, long calls, long hits) {
        return new Reranking(candidates, false, new RerankStats(1, calls, 1, 0, 0, 0, 0, hits));
    }

    /** The final order: the LLM's valid picks, then the candidates it left out in the retriever's order. */
    static Reranking of(int[] candidates, RerankAnswer p, long calls, long hits) {
        int n = candidates.length;
        boolean[] placed = new boolean[n];
        int[] order = new int[n];
        int w = 0;
        for (int pick : p.picks()) {
            order[w++] = candidates[pick];
            placed[pick] = true;
        }
        int missing = n - w;
        for (int j = 0; j < n; j++) {
            if (!placed[j]) {
                order[w++] = candidates[j];
            }
        }
        return new Reranking(order, true, new RerankStats(1, calls, 0, p.invalid(), p.duplicate(), p.invented(),
                missing, hits));
    }
}
