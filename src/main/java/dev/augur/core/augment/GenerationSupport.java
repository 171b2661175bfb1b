package dev.augur.core.augment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link AugmentService} does around each LLM call, for other pipelines that store their answers as generations
 * (core.synth): the cache key (a generation is reused when template id and version, rendered prompt, model and
 * parameters are the same), the provenance strings, and the re-ask message after an answer that broke the schema.
 */
public final class GenerationSupport {
    private GenerationSupport() {
    }

    /** The parameters as canonical JSON (sorted keys). */
    public static String params(double temperature, long seed, int maxTokens) {
        Map<String, Object> m = new TreeMap<>();
        m.put("maxTokens", maxTokens);
        m.put("seed", seed);
        m.put("temperature", temperature);
        try {
            return PromptTemplate.JSON.writeValueAsString(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 (hex) over template id + version, the rendered system and user messages, model and parameters. */
    public static String cacheKey(PromptTemplate t, RenderedPrompt p, String model, String canonicalParams) {
        return cacheKey(t.id(), t.version(), p, model, canonicalParams);
    }

    /** The same key for any template known by id and version (the LLM re-ranker's, say). */
    public static String cacheKey(String templateId, int version, RenderedPrompt p, String model,
                                  String canonicalParams) {
        return sha256(templateId + "@" + version + "\u0000" + p.system() + "\u0000" + p.user() + "\u0000" + model
                + "\u0000" + canonicalParams);
    }

    /** The rendered prompt as JSON {@code {"system": …, "user": …}}. */
    public static String promptJson(RenderedPrompt p) {
        Map<String, String> m = new TreeMap<>();
        m.put("system", p.system());
        m.put("user", p.user());
        try {
            return PromptTemplate.JSON.writeValueAsString(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 (hex) of the rendered system and user messages. */
    public static String promptHash(RenderedPrompt p) {
        return sha256(p.system() + "\u0000" + p.user());
    }

    /** The user message asking again after {@code previous} broke the schema with {@code errors}. */
    public static String reask(String user, String previous, List<String> errors) {
        StringBuilder b = new StringBuilder(user);
        b.append("\n\nYour previous answer (in the data block below) does not match the required JSON schema:\n");
        for (String e : errors) {
            b.append("- ").append(e).append('\n');
        }
        b.append(PromptRenderer.dataBlock("previous-answer", previous));
        b.append("\nAnswer again with only the corrected JSON object.");
        return b.toString();
    }

    private static String sha256(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
