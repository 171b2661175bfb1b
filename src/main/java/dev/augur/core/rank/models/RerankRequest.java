package dev.augur.core.rank.models;

import dev.augur.core.augment.GenerationSupport;
import dev.augur.core.augment.RenderedPrompt;

import java.util.List;

/**
 * What the LLM re-ranker asks about one user: the rendered prompt, the generation parameters as canonical JSON and
 * the cache key they make, the key profile generations use ({@link RerankCache}).
 */
record RerankRequest(RenderedPrompt prompt, String params, String key) {

    /** The request for {@code history} and {@code candidates} (item titles) under {@code template}, {@code model}. */
    static RerankRequest of(RerankTemplate template, long seed, String model, List<String> history,
                            List<String> candidates) {
        RenderedPrompt prompt = template.render(history, candidates);
        String params = GenerationSupport.params(template.temperature(), seed, template.maxTokens());
        return new RerankRequest(prompt, params,
                GenerationSupport.cacheKey(template.id(), template.version(), prompt, model, params));
    }
}
