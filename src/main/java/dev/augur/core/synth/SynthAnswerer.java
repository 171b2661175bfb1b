package dev.augur.core.synth;

import dev.augur.core.augment.AugmentRequest;
import dev.augur.core.augment.GenerationSupport;
import dev.augur.core.augment.OutputValidator;
import dev.augur.core.augment.PromptRenderer;
import dev.augur.core.augment.PromptTemplate;
import dev.augur.core.augment.RenderedPrompt;
import dev.augur.core.augment.RetryingCaller;
import dev.augur.core.llm.LlmClient;
import dev.augur.core.llm.LlmException;
import dev.augur.core.llm.LlmRequest;
import dev.augur.core.llm.LlmResponse;
import dev.augur.core.rank.Interactions;
import dev.augur.core.store.Generation;
import dev.augur.core.store.GenerationStore;
import dev.augur.core.store.SyntheticProposal;
import dev.augur.core.task.TaskMonitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prompt and answer of one {@link SynthJob}: renders the question, answers it from the cache or the model (stored at
 * once as a generation, ok or failed) and reads the answer into proposals, counting answers that cannot be used.
 * Thread-safe: the run's workers share one.
 */
final class SynthAnswerer {
    private static final int MAX_RETRIES = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PromptTemplate template;
    private final String params;
    private final double temperature;
    private final Interactions interactions;
    private final RatingScale scale;
    private final SynthPrompts texts;
    private final long datasetId;
    private final LlmClient client;
    private final SynthRequest request;
    private final TaskMonitor monitor;
    private final GenerationStore generations;
    private final SynthTally tally;
    private final RetryingCaller caller;
    private final PromptRenderer renderer = new PromptRenderer();

    /** @param baseDelay first retry delay after a retryable failure, doubled per attempt */
    SynthAnswerer(PromptTemplate template, Interactions interactions, RatingScale scale, SynthPrompts texts,
                  long datasetId, LlmClient client, SynthRequest request, TaskMonitor monitor,
                  GenerationStore generations, SynthTally tally, Duration baseDelay) {
        this.template = template;
        this.temperature = template.temperature();
        this.params = GenerationSupport.params(temperature, AugmentRequest.DEFAULT_SEED, template.maxTokens());
        this.interactions = interactions;
        this.scale = scale;
        this.texts = texts;
        this.datasetId = datasetId;
        this.client = client;
        this.request = request;
        this.monitor = monitor;
        this.generations = generations;
        this.tally = tally;
        this.caller = new RetryingCaller(client, monitor, MAX_RETRIES,
                attempt -> baseDelay.multipliedBy(1L << Math.min(10, attempt - 1)));
    }

    /** Calls made to the model, retries included. */
    long llmCalls() {
        return caller.calls();
    }

    /** Renders, answers (from the cache or the model) and reads one job's answer into proposals. */
    List<SyntheticProposal> answer(SynthJob job) {
        if (monitor.isCancelled()) {
            return List.of();
        }
        List<Long> itemIds = job.picks().stream().map(p -> interactions.itemIds()[p.item()]).toList();
        Map<String, String> values = job.pair()
                ? texts.pair(job.userId(), job.userExternalId(), job.historySize(), itemIds.get(0))
                : texts.picks(job.userId(), job.userExternalId(), job.historySize(), itemIds);
        RenderedPrompt prompt = renderer.render(template, job.pair() ? "pair" : "user", values);
        Map<String, Long> candidates = new LinkedHashMap<>();
        for (long id : itemIds) {
            candidates.put(texts.item(id).externalId(), id);
        }
        String where = "user " + job.userExternalId() + (job.pair() ? ", item "
                + candidates.keySet().iterator().next() : "");
        Optional<Generation> answered = generation(job, prompt, candidates);
        if (answered.isEmpty()) {
            return List.of();
        }
        Generation g = answered.get();
        if (!g.ok()) {
            tally.failed.incrementAndGet();
            tally.problem(where + ": " + g.error());
            return List.of();
        }
        JsonNode json;
        try {
            json = JSON.readTree(g.parsedJson());
        } catch (Exception e) {
            tally.invalid.incrementAndGet();
            tally.problem(where + ": the stored answer is not JSON");
            return List.of();
        }
        Answers.Parsed parsed = job.pair() ? Answers.pair(json, scale)
                : Answers.picks(json, candidates.keySet(), scale);
        for (String reason : parsed.invalid()) {
            tally.invalid.incrementAndGet();
            tally.problem(where + ": " + reason);
        }
        List<SyntheticProposal> out = new ArrayList<>();
        for (Answers.Proposed p : parsed.proposals()) {
            String ext = job.pair() ? candidates.keySet().iterator().next() : p.itemExternalId();
            long itemId = candidates.get(ext);
            CandidatePicker.Pick pick = job.picks().get(itemIds.indexOf(itemId));
            out.add(new SyntheticProposal(job.userId(), itemId, p.value(), "llm", request.target().id(),
                    client.model(), p.confidence(), p.rationale(), pick.content(), pick.collab(), g.id(), "", 0));
        }
        return out;
    }

    /** The cached ok generation for this prompt, else a new one (ok or failed), stored; empty when cancelled. */
    private Optional<Generation> generation(SynthJob job, RenderedPrompt prompt, Map<String, Long> candidates) {
        tally.prompts.incrementAndGet();
        String key = GenerationSupport.cacheKey(template, prompt, client.model(), params);
        Optional<Generation> hit = generations.findOkByCacheKey(key);
        if (hit.isPresent()) {
            tally.cached.incrementAndGet();
            return hit;
        }
        String kind = job.pair() ? "item" : "user";
        long entity = job.pair() ? candidates.values().iterator().next() : job.userId();
        String schema = job.pair() ? template.schemaJson() : requestSchema(candidates.keySet());
        String promptJson = GenerationSupport.promptJson(prompt);
        String promptHash = GenerationSupport.promptHash(prompt);
        long[] acc = new long[3];
        Generation row;
        try {
            LlmResponse first = call(prompt.system(), prompt.user(), schema, acc);
            OutputValidator.Outcome outcome = new OutputValidator(template.schema()).validateOrRepair(first.text(),
                    (previous, errors) -> call(prompt.system(), GenerationSupport.reask(prompt.user(), previous,
                            errors), schema, acc).text());
            row = Generation.llm(datasetId, kind, entity, template.id(), template.version(), key, client.model(),
                    params, promptHash, promptJson, acc[0], (int) acc[1], (int) acc[2], outcome.raw(),
                    outcome.json(), outcome.valid() ? Generation.OK : Generation.FAILED,
                    outcome.valid() ? "" : "invalid output: " + outcome.reason());
        } catch (RetryingCaller.Cancelled c) {
            tally.prompts.decrementAndGet();
            return Optional.empty();
        } catch (LlmException e) {
            row = Generation.llm(datasetId, kind, entity, template.id(), template.version(), key, client.model(),
                    params, promptHash, promptJson, acc[0], (int) acc[1], (int) acc[2], "", "", Generation.FAILED,
                    e.kind() + ": " + e.getMessage());
        }
        return Optional.of(generations.put(row));
    }

    /**
     * The schema sent with a picks request: the template's, with the candidate ids as the only allowed ids, so a
     * constrained decoder (llama.cpp, Ollama) cannot invent one. Answers are validated against the template's own
     * schema, so an invented id from a server that ignores the schema is counted as invalid, not as failed.
     */
    private String requestSchema(Set<String> ids) {
        JsonNode schema = template.schema();
        for (String list : new String[] {"likes", "dislikes"}) {
            JsonNode listSchema = schema.path("properties").path(list);
            JsonNode id = listSchema.path("items").path("properties").path("id");
            if (id instanceof ObjectNode o) {
                ArrayNode allowed = o.putArray("enum");
                ids.forEach(allowed::add);
                o.remove("maxLength");
            }
            if (listSchema instanceof ObjectNode l) {
                l.put("maxItems", Math.min(l.path("maxItems").asInt(ids.size()), ids.size()));
            }
        }
        return schema.toString();
    }

    /** One completion with retries on retryable failures (a bad response once), adding latency and tokens to acc. */
    private LlmResponse call(String system, String user, String schema, long[] acc) {
        LlmResponse r = caller.complete(new LlmRequest(system, user, Optional.of(schema), temperature,
                AugmentRequest.DEFAULT_SEED, template.maxTokens(), request.timeout()));
        acc[0] += r.latencyMillis();
        acc[1] += r.promptTokens();
        acc[2] += r.completionTokens();
        return r;
    }
}
