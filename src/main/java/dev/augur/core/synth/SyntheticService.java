package dev.augur.core.synth;

import dev.augur.core.augment.AugmentRequest;
import dev.augur.core.augment.AugmentTarget;
import dev.augur.core.augment.GenerationSupport;
import dev.augur.core.augment.OutputValidator;
import dev.augur.core.augment.PromptRenderer;
import dev.augur.core.augment.PromptTemplate;
import dev.augur.core.augment.RenderedPrompt;
import dev.augur.core.augment.TemplateRegistry;
import dev.augur.core.llm.LlmClient;
import dev.augur.core.llm.LlmException;
import dev.augur.core.llm.LlmRequest;
import dev.augur.core.llm.LlmResponse;
import dev.augur.core.rank.Csr;
import dev.augur.core.rank.Interactions;
import dev.augur.core.rank.RankingData;
import dev.augur.core.rank.RankingService;
import dev.augur.core.rank.Recommender;
import dev.augur.core.rank.Recommenders;
import dev.augur.core.rank.TrainingData;
import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.Generation;
import dev.augur.core.store.GenerationStore;
import dev.augur.core.store.SyntheticProposal;
import dev.augur.core.store.SyntheticStore;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskCancelledException;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Proposes synthetic interactions with an LLM (LLMRec and KAR style). For cold or long-tail items it picks candidate
 * users (content similarity and, where the item has interactions, a collaborative model fitted on the observed
 * data) and asks, pair by pair, whether the user would interact and how; for users with short histories it shows N
 * candidate items and asks for likes and dislikes. Every answer is a generation under a cache key (template id and
 * version, rendered prompt, model, parameters), stored at once, so a re-run makes no call for what was answered.
 * Usable answers become pending synthetic interactions with their provenance, committed per chunk of prompts, so
 * an interrupted run keeps what it made; pairs already proposed (in any status) or observed are never proposed
 * again. Answers that break the schema or name ids that were not offered are counted, never stored as proposals.
 */
public final class SyntheticService {
    public static final String PAIR_TEMPLATE = "synth-pair";
    public static final String PICKS_TEMPLATE = "synth-user-picks";
    /** Prompts whose proposals are committed together. */
    static final int CHUNK = 16;
    private static final int MAX_RETRIES = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TemplateRegistry templates;
    private final Recommenders recommenders;
    private final PromptRenderer renderer = new PromptRenderer();
    private final Duration baseDelay;

    public SyntheticService(TemplateRegistry templates) {
        this(templates, new Recommenders(), Duration.ofMillis(500));
    }

    /** @param baseDelay first retry delay after a retryable failure, doubled per attempt (tests use small ones) */
    SyntheticService(TemplateRegistry templates, Recommenders recommenders, Duration baseDelay) {
        this.templates = templates;
        this.recommenders = recommenders;
        this.baseDelay = baseDelay;
    }

    public SynthReport run(Workspace ws, SynthRequest request, LlmClient client, TaskMonitor monitor) {
        return new Run(ws, request, client, monitor).run();
    }

    /** One question to the model: a pair (one pick) or a user with candidate items (several picks). */
    private record Job(long userId, String userExternalId, int historySize, List<CandidatePicker.Pick> picks,
                       boolean pair) {
    }

    private final class Run {
        private final Workspace ws;
        private final SynthRequest request;
        private final LlmClient client;
        private final TaskMonitor monitor;
        private final GenerationStore generations;
        private final SyntheticStore synthetic;
        private final AtomicLong created = new AtomicLong();
        private final AtomicLong duplicates = new AtomicLong();
        private final AtomicLong llmCalls = new AtomicLong();
        private final AtomicLong cached = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicLong invalid = new AtomicLong();
        private final AtomicLong prompts = new AtomicLong();
        private final List<String> problems = new ArrayList<>();
        private PromptTemplate template;
        private String params;
        private double temperature;
        private RankingData data;
        private RatingScale scale;
        private SynthPrompts texts;
        private long datasetId;

        Run(Workspace ws, SynthRequest request, LlmClient client, TaskMonitor monitor) {
            this.ws = ws;
            this.request = request;
            this.client = client;
            this.monitor = monitor;
            this.generations = ws.generations();
            this.synthetic = ws.synthetic();
        }

        SynthReport run() {
            long start = System.nanoTime();
            DatasetInfo dataset = dataset(ws, request.dataset());
            datasetId = dataset.id();
            SynthTarget target = request.target();
            template = templates.get(ws, target.itemFocused() ? PAIR_TEMPLATE : PICKS_TEMPLATE);
            AugmentTarget expected = target.itemFocused() ? AugmentTarget.PAIRS : AugmentTarget.PICKS;
            if (template.target() != expected) {
                throw new IllegalArgumentException("template " + template.id() + " v" + template.version()
                        + " has target " + template.target().id() + "; " + target.id() + " needs " + expected.id());
            }
            temperature = template.temperature();
            params = GenerationSupport.params(temperature, AugmentRequest.DEFAULT_SEED, template.maxTokens());

            monitor.message("Loading the interactions of " + dataset.name());
            data = new RankingService(ws, recommenders).load(datasetId, false, "");
            Interactions inter = data.interactions();
            Csr matrix = inter.matrix();
            scale = RatingScale.of(inter.value());
            ContentScores content = ContentScores.of(data);
            texts = new SynthPrompts(ws, datasetId, Set.of(PAIR_TEMPLATE, PICKS_TEMPLATE), scale);
            monitor.checkCancelled();

            Recommender collab = null;
            if (target != SynthTarget.COLD_ITEMS && matrix.nnz() > 0) {
                monitor.message("Fitting " + request.collabModel() + " on " + matrix.nnz() + " observed interactions");
                collab = recommenders.create(request.collabModel(), Map.of());
                collab.fit(new TrainingData(matrix, matrix.transpose(), data.side(), AugmentRequest.DEFAULT_SEED,
                        Runtime.getRuntime().availableProcessors()), monitor);
            }
            CandidatePicker picker = new CandidatePicker(matrix, content, collab);
            if (target == SynthTarget.COLD_ITEMS && !content.available()) {
                throw new IllegalArgumentException("cold items have no interactions, so their candidates come from"
                        + " content alone, and dataset " + dataset.name() + " has neither item text vectors nor"
                        + " categories; encode the items first: augur encode --workspace " + ws.file()
                        + " --target items");
            }
            monitor.checkCancelled();
            monitor.message("Picking candidates for " + target.id());
            List<Job> jobs = jobs(picker, target, matrix);
            int targets = (int) jobs.stream().map(j -> j.pair() ? j.picks().get(0).item() : j.picks().get(0).user())
                    .distinct().count();
            if (target == SynthTarget.COLD_ITEMS && picker.coldWithoutContent() > 0) {
                problem(picker.coldWithoutContent() + " cold items have no " + (content.source().startsWith("text")
                        ? "text vector" : "category") + " to compare, so no candidates");
            }
            if (target == SynthTarget.TAIL_ITEMS) {
                monitor.message("Long-tail items: 1 to " + picker.tailMax() + " observed interactions");
            }
            if (jobs.isEmpty()) {
                problem(switch (target) {
                    case COLD_ITEMS -> "dataset " + dataset.name() + " has no cold item with content to compare";
                    case TAIL_ITEMS -> "dataset " + dataset.name() + " has no item with observed interactions";
                    case SHORT_USERS -> "no user of dataset " + dataset.name() + " has at most "
                            + CandidatePicker.SHORT_USER_MAX + " observed interactions";
                });
            }

            ask(jobs, ProposedPairs.load(synthetic, datasetId));
            return new SynthReport(dataset.name(), target.id(), template.id(), template.version(), client.model(),
                    content.source(), collab == null ? "" : collab.name(), targets, prompts.get(), created.get(),
                    duplicates.get(), llmCalls.get(), cached.get(), failed.get(), invalid.get(),
                    List.copyOf(problems), (System.nanoTime() - start) / 1e9);
        }

        private List<Job> jobs(CandidatePicker picker, SynthTarget target, Csr matrix) {
            int n = request.candidatesPerTarget();
            List<Job> jobs = new ArrayList<>();
            if (target.itemFocused()) {
                int[] items = target == SynthTarget.COLD_ITEMS ? picker.coldItems(request.limit())
                        : picker.tailItems(request.limit());
                for (List<CandidatePicker.Pick> picks : picker.usersFor(items, n)) {
                    for (CandidatePicker.Pick p : picks) {
                        jobs.add(new Job(data.interactions().userIds()[p.user()], data.userExternalIds()[p.user()],
                                matrix.rowLength(p.user()), List.of(p), true));
                    }
                }
            } else {
                for (int u : picker.shortUsers(request.limit())) {
                    List<CandidatePicker.Pick> picks = picker.itemsFor(u, n);
                    if (!picks.isEmpty()) {
                        jobs.add(new Job(data.interactions().userIds()[u], data.userExternalIds()[u],
                                matrix.rowLength(u), picks, false));
                    }
                }
            }
            return jobs;
        }

        private void ask(List<Job> jobs, ProposedPairs proposed) {
            int threads = request.concurrency();
            AtomicInteger threadNo = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "synth-" + threadNo.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            monitor.message("Asking " + client.describe() + " about " + jobs.size() + (jobs.isEmpty() || jobs.get(0)
                    .pair() ? " pairs" : " users"));
            long done = 0;
            try {
                for (int from = 0; from < jobs.size() && !monitor.isCancelled(); from += CHUNK) {
                    List<Future<List<SyntheticProposal>>> futures = new ArrayList<>();
                    for (Job job : jobs.subList(from, Math.min(jobs.size(), from + CHUNK))) {
                        CandidatePicker.Pick first = job.picks().get(0);
                        if (job.pair() && proposed.contains(data.interactions().userIds()[first.user()],
                                data.interactions().itemIds()[first.item()])) {
                            duplicates.incrementAndGet(); // asked before: the store has its proposal
                            continue;
                        }
                        futures.add(pool.submit(() -> answer(job)));
                    }
                    List<SyntheticProposal> chunk = new ArrayList<>();
                    for (Future<List<SyntheticProposal>> f : futures) {
                        chunk.addAll(get(f));
                    }
                    commit(chunk, proposed);
                    done = Math.min(jobs.size(), from + CHUNK);
                    monitor.progress(done, jobs.size());
                    monitor.message(String.format(java.util.Locale.ROOT,
                            "%d/%d asked · %d created · %d cached · %d failed · %d invalid", done, jobs.size(),
                            created.get(), cached.get(), failed.get(), invalid.get()));
                }
            } finally {
                pool.shutdownNow();
            }
            if (monitor.isCancelled()) {
                throw new TaskCancelledException();
            }
        }

        private List<SyntheticProposal> get(Future<List<SyntheticProposal>> f) {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TaskCancelledException();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /** Stores a chunk's proposals, dropping pairs proposed before (in any status, even rejected). */
        private void commit(List<SyntheticProposal> chunk, ProposedPairs proposed) {
            List<SyntheticProposal> fresh = new ArrayList<>();
            for (SyntheticProposal p : chunk) {
                if (proposed.add(p.userId(), p.itemId())) {
                    fresh.add(p);
                } else {
                    duplicates.incrementAndGet();
                }
            }
            if (!fresh.isEmpty()) {
                SyntheticStore.Added added = synthetic.add(datasetId, fresh);
                created.addAndGet(added.created());
                duplicates.addAndGet(added.duplicates());
            }
        }

        /** Renders, answers (from the cache or the model) and reads one job's answer into proposals. */
        private List<SyntheticProposal> answer(Job job) {
            if (monitor.isCancelled()) {
                return List.of();
            }
            List<Long> itemIds = job.picks().stream().map(p -> data.interactions().itemIds()[p.item()]).toList();
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
                failed.incrementAndGet();
                problem(where + ": " + g.error());
                return List.of();
            }
            JsonNode json;
            try {
                json = JSON.readTree(g.parsedJson());
            } catch (Exception e) {
                invalid.incrementAndGet();
                problem(where + ": the stored answer is not JSON");
                return List.of();
            }
            Answers.Parsed parsed = job.pair() ? Answers.pair(json, scale)
                    : Answers.picks(json, candidates.keySet(), scale);
            for (String reason : parsed.invalid()) {
                invalid.incrementAndGet();
                problem(where + ": " + reason);
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
        private Optional<Generation> generation(Job job, RenderedPrompt prompt, Map<String, Long> candidates) {
            prompts.incrementAndGet();
            String key = GenerationSupport.cacheKey(template, prompt, client.model(), params);
            Optional<Generation> hit = generations.findOkByCacheKey(key);
            if (hit.isPresent()) {
                cached.incrementAndGet();
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
            } catch (Cancelled c) {
                prompts.decrementAndGet();
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
            LlmRequest req = new LlmRequest(system, user, Optional.of(schema), temperature, AugmentRequest.DEFAULT_SEED,
                    template.maxTokens(), request.timeout());
            int attempt = 0;
            int badResponses = 0;
            while (true) {
                if (monitor.isCancelled()) {
                    throw new Cancelled();
                }
                try {
                    llmCalls.incrementAndGet();
                    LlmResponse r = client.complete(req);
                    acc[0] += r.latencyMillis();
                    acc[1] += r.promptTokens();
                    acc[2] += r.completionTokens();
                    return r;
                } catch (LlmException e) {
                    if (e.kind() == LlmException.Kind.BAD_RESPONSE && ++badResponses > 1) {
                        throw e;
                    }
                    if (!e.retryable() || attempt >= MAX_RETRIES) {
                        throw e;
                    }
                    attempt++;
                    sleep(e.retryAfter().orElse(baseDelay.multipliedBy(1L << Math.min(10, attempt - 1))));
                }
            }
        }

        private void sleep(Duration d) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancelled();
            }
        }

        private void problem(String p) {
            synchronized (problems) {
                if (problems.size() < SynthReport.MAX_PROBLEMS) {
                    problems.add(p);
                }
            }
        }
    }

    /** The dataset named {@code name}, or the workspace's first when empty. */
    static DatasetInfo dataset(Workspace ws, Optional<String> name) {
        List<DatasetInfo> all = ws.read().datasets();
        if (all.isEmpty()) {
            throw new IllegalArgumentException("the workspace " + ws.file() + " has no dataset yet; import one first");
        }
        if (name.isEmpty()) {
            return all.get(0);
        }
        return all.stream().filter(d -> d.name().equals(name.get())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no dataset '" + name.get() + "' in the workspace;"
                        + " it has " + all.stream().map(DatasetInfo::name).toList()));
    }

    /** Thrown inside a worker when the run was cancelled before a call. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
