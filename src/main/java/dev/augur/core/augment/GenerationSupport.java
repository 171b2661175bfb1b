package dev.augur.core.augment;

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
        return BatchRunner.canonicalParams(temperature, seed, maxTokens);
    }

    /** SHA-256 (hex) over template id + version, the rendered system and user messages, model and parameters. */
    public static String cacheKey(PromptTemplate t, RenderedPrompt p, String model, String canonicalParams) {
        return BatchRunner.cacheKey(t, p, model, canonicalParams);
    }

    /** The rendered prompt as JSON {@code {"system": …, "user": …}}. */
    public static String promptJson(RenderedPrompt p) {
        return BatchRunner.promptJson(p);
    }

    /** SHA-256 (hex) of the rendered system and user messages. */
    public static String promptHash(RenderedPrompt p) {
        return BatchRunner.sha256(p.system() + "\u0000" + p.user());
    }

    /** The user message asking again after {@code previous} broke the schema with {@code errors}. */
    public static String reask(String user, String previous, java.util.List<String> errors) {
        return BatchRunner.reask(user, previous, errors);
    }
}
