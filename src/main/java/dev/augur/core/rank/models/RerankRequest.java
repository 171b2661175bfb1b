package dev.augur.core.rank.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.augur.core.augment.RenderedPrompt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the LLM re-ranker asks about one user: the rendered prompt, the generation parameters as canonical JSON and
 * the cache key they make, the key profile generations use ({@link RerankCache}).
 */
record RerankRequest(RenderedPrompt prompt, String params, String key) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The request for {@code history} and {@code candidates} (item titles) under {@code template}, {@code model}. */
    static RerankRequest of(RerankTemplate template, long seed, String model, List<String> history,
                            List<String> candidates) {
        RenderedPrompt prompt = template.render(history, candidates);
        String params = canonicalParams(template.temperature(), seed, template.maxTokens());
        return new RerankRequest(prompt, params, cacheKey(template, prompt, model, params));
    }

    /** The generation parameters as canonical JSON, as profile generations record them. */
    private static String canonicalParams(double temperature, long seed, int maxTokens) {
        Map<String, Object> m = new TreeMap<>();
        m.put("maxTokens", maxTokens);
        m.put("seed", seed);
        m.put("temperature", temperature);
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 (hex) over template id + version, the rendered system and user messages, model and parameters. */
    private static String cacheKey(RerankTemplate t, RenderedPrompt p, String model, String canonicalParams) {
        String s = t.id() + "@" + t.version() + "\u0000" + p.system() + "\u0000" + p.user() + "\u0000" + model
                + "\u0000" + canonicalParams;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
