package dev.augur.core.rank;

import dev.augur.core.rank.models.RerankCache;
import dev.augur.core.store.Generation;
import dev.augur.core.store.GenerationStore;
import dev.augur.core.store.Workspace;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The LLM re-ranker's answers kept as generations in the workspace (entity kind user, template
 * {@code llmrank-listwise}), like every other LLM output: a second evaluation of the same users with the same
 * prompt, model and parameters makes no call, and every answer keeps its provenance.
 */
final class WorkspaceRerankCache implements RerankCache {
    private final GenerationStore store;
    private volatile RankingData data;

    WorkspaceRerankCache(Workspace workspace) {
        this.store = workspace.generations();
    }

    /** The data whose dense user indices the entries use. */
    void bind(RankingData data) {
        this.data = data;
    }

    @Override public Optional<String> get(String key) {
        return store.findOkByCacheKey(key).map(Generation::rawOutput);
    }

    @Override public void put(String key, Entry e) {
        RankingData d = data;
        if (d == null) {
            throw new IllegalStateException("the re-rank cache is not bound to a dataset");
        }
        String promptJson = "{\"system\": " + quote(e.system()) + ", \"user\": " + quote(e.prompt()) + "}";
        store.put(Generation.llm(d.datasetId(), "user", d.interactions().userIds()[e.user()], e.templateId(),
                e.templateVersion(), key, e.model(), e.paramsJson(), sha256(e.system() + "\u0000" + e.prompt()),
                promptJson, e.latencyMs(), e.promptTokens(), e.completionTokens(), e.rawOutput(), e.parsedJson(),
                Generation.OK, ""));
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
