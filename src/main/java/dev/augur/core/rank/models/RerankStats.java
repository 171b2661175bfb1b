package dev.augur.core.rank.models;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the LLM re-ranker did, for one user or summed over users.
 *
 * @param users     rankings made (one per {@code score} call; a user scored twice counts twice)
 * @param calls     LLM calls made (answers not found in the cache)
 * @param failures  rankings whose call failed or whose answer held no readable ranking: the retriever's order stands
 * @param invalid   ranking entries that are not a candidate number at all (text, fractions, null)
 * @param duplicate entries naming a candidate already ranked (later ones ignored)
 * @param invented  numbers outside the candidates ({@code 0}, {@code n+1}, …)
 * @param missing   candidates the answer left out, appended in the retriever's order
 * @param cacheHits answers taken from the cache without a call
 */
public record RerankStats(long users, long calls, long failures, long invalid, long duplicate, long invented,
                          long missing, long cacheHits) {
    public static final RerankStats ZERO = new RerankStats(0, 0, 0, 0, 0, 0, 0, 0);

    public RerankStats plus(RerankStats o) {
        return new RerankStats(users + o.users, calls + o.calls, failures + o.failures, invalid + o.invalid,
                duplicate + o.duplicate, invented + o.invented, missing + o.missing, cacheHits + o.cacheHits);
    }

    /** The counts under report keys ({@code rerank_users}, {@code rerank_calls}, …), for a run's extra results. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rerank_users", users);
        m.put("rerank_calls", calls);
        m.put("rerank_failures", failures);
        m.put("rerank_invalid", invalid);
        m.put("rerank_duplicate", duplicate);
        m.put("rerank_invented", invented);
        m.put("rerank_missing", missing);
        m.put("rerank_cache_hits", cacheHits);
        return m;
    }
}
