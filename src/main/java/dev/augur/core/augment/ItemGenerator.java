package dev.augur.core.augment;

import dev.augur.core.llm.LlmClient;
import dev.augur.core.llm.LlmException;
import dev.augur.core.llm.LlmRequest;
import dev.augur.core.llm.LlmResponse;
import dev.augur.core.store.EntityRef;
import dev.augur.core.store.Generation;
import dev.augur.core.store.GenerationStore;
import dev.augur.core.store.Workspace;

import java.util.Optional;

/**
 * One entity's generation in a {@link BatchRunner}: renders its prompt and looks up the cache key (on the producer
 * thread), then asks the model (with retries and one re-ask) and returns the row to store, ok or failed.
 */
final class ItemGenerator {
    /** A rendered prompt whose cache key has no ok generation yet. */
    record Prepared(EntityRef ref, RenderedPrompt prompt, String key) {
    }

    private final Workspace ws;
    private final PromptTemplate template;
    private final long datasetId;
    private final LlmClient client;
    private final AugmentRequest request;
    private final PromptRenderer renderer;
    private final GenerationStore store;
    private final RetryingCaller caller;
    private final BatchTally tally;
    private final String params;
    private final double temperature;
    private final long seed;
    private final String schemaJson;

    ItemGenerator(Workspace ws, PromptTemplate template, long datasetId, LlmClient client, AugmentRequest request,
                  PromptRenderer renderer, RetryingCaller caller, BatchTally tally) {
        this.ws = ws;
        this.template = template;
        this.datasetId = datasetId;
        this.client = client;
        this.request = request;
        this.renderer = renderer;
        this.store = ws.generations();
        this.caller = caller;
        this.tally = tally;
        this.temperature = request.temperature().orElse(template.temperature());
        this.seed = request.seed().orElse(AugmentRequest.DEFAULT_SEED);
        this.params = GenerationSupport.params(temperature, seed, template.maxTokens());
        this.schemaJson = template.schemaJson();
    }

    /** Renders one entity's prompt; empty (and counted) when its cache key already has an ok generation. */
    Optional<Prepared> prepare(EntityRef ref) {
        EntityData data = renderer.load(ws, datasetId, template.target(), ref.id());
        RenderedPrompt prompt = renderer.render(template, data);
        String key = GenerationSupport.cacheKey(template, prompt, client.model(), params);
        if (store.findOkByCacheKey(key).isPresent()) {
            tally.cachedOne();
            return Optional.empty();
        }
        return Optional.of(new Prepared(ref, prompt, key));
    }

    /** Calls the model (with retries and one re-ask) and returns the row to store, ok or failed. */
    Generation complete(Prepared p) {
        EntityRef ref = p.ref();
        RenderedPrompt prompt = p.prompt();
        String key = p.key();
        String promptJson = GenerationSupport.promptJson(prompt);
        String promptHash = GenerationSupport.promptHash(prompt);
        long latency = 0;
        int inTokens = 0;
        int outTokens = 0;
        Generation row;
        try {
            LlmResponse first = call(prompt.system(), prompt.user());
            long[] acc = {first.latencyMillis(), first.promptTokens(), first.completionTokens()};
            OutputValidator validator = new OutputValidator(template.schema());
            OutputValidator.Outcome outcome = validator.validateOrRepair(first.text(), (previous, errors) -> {
                tally.reasks.incrementAndGet();
                LlmResponse again = call(prompt.system(), GenerationSupport.reask(prompt.user(), previous, errors));
                acc[0] += again.latencyMillis();
                acc[1] += again.promptTokens();
                acc[2] += again.completionTokens();
                return again.text();
            });
            latency = acc[0];
            inTokens = (int) acc[1];
            outTokens = (int) acc[2];
            row = Generation.llm(datasetId, template.target().kind(), ref.id(), template.id(), template.version(), key,
                    client.model(), params, promptHash, promptJson, latency, inTokens, outTokens, outcome.raw(),
                    outcome.json(), outcome.valid() ? Generation.OK : Generation.FAILED,
                    outcome.valid() ? "" : "invalid output: " + outcome.reason());
        } catch (LlmException e) {
            row = Generation.llm(datasetId, template.target().kind(), ref.id(), template.id(), template.version(), key,
                    client.model(), params, promptHash, promptJson, latency, inTokens, outTokens, "", "",
                    Generation.FAILED, e.kind() + ": " + e.getMessage());
        }
        return row;
    }

    private LlmResponse call(String system, String user) {
        return caller.complete(new LlmRequest(system, user, Optional.of(schemaJson), temperature, seed,
                template.maxTokens(), request.timeout()));
    }
}
