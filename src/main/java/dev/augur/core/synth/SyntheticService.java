package dev.augur.core.synth;

import dev.augur.core.augment.AugmentTarget;
import dev.augur.core.augment.PromptTemplate;
import dev.augur.core.augment.TemplateRegistry;
import dev.augur.core.llm.LlmClient;
import dev.augur.core.rank.Csr;
import dev.augur.core.rank.Interactions;
import dev.augur.core.rank.RankingData;
import dev.augur.core.rank.RankingService;
import dev.augur.core.rank.Recommenders;
import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Proposes synthetic interactions with an LLM (LLMRec and KAR style). For cold or long-tail items it picks candidate
 * users (content similarity and, where the item has interactions, a collaborative model fitted on the observed
 * data) and asks, pair by pair, whether the user would interact and how; for users with short histories it shows N
 * candidate items and asks for likes and dislikes. Every answer is a generation under a cache key (template id and
 * version, rendered prompt, model, parameters), stored at once, so a re-run makes no call for what was answered.
 * Usable answers become pending synthetic interactions with their provenance, committed per chunk of prompts, so
 * an interrupted run keeps what it made; pairs already proposed (in any status) or observed are never proposed
 * again. Answers that break the schema or name ids that were not offered are counted, never stored as proposals.
 * The pieces: {@link SynthJobs} (candidate selection), {@link SynthAnswerer} (prompt and answer),
 * {@link ProposalChunks} (committing proposals).
 */
public final class SyntheticService {
    public static final String PAIR_TEMPLATE = "synth-pair";
    public static final String PICKS_TEMPLATE = "synth-user-picks";

    private final TemplateRegistry templates;
    private final Recommenders recommenders;
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
        long start = System.nanoTime();
        DatasetInfo dataset = dataset(ws, request.dataset());
        long datasetId = dataset.id();
        SynthTarget target = request.target();
        PromptTemplate template = template(ws, target);

        monitor.message("Loading the interactions of " + dataset.name());
        RankingData data = new RankingService(ws, recommenders).load(datasetId, false, "");
        Interactions inter = data.interactions();
        Csr matrix = inter.matrix();
        RatingScale scale = RatingScale.of(inter.value());
        ContentScores content = ContentScores.of(data);
        SynthPrompts texts = new SynthPrompts(ws, datasetId, Set.of(PAIR_TEMPLATE, PICKS_TEMPLATE), scale);
        monitor.checkCancelled();

        SynthTally tally = new SynthTally();
        SynthJobs jobs = SynthJobs.plan(ws, dataset, request, data, matrix, content, recommenders, monitor, tally);
        SynthAnswerer answerer = new SynthAnswerer(template, inter, scale, texts, datasetId, client, request, monitor,
                ws.generations(), tally, baseDelay);
        new ProposalChunks(answerer, ws.synthetic(), datasetId, inter, tally, monitor)
                .ask(jobs.jobs(), ProposedPairs.load(ws.synthetic(), datasetId), request.concurrency(),
                        client.describe());
        return new SynthReport(dataset.name(), target.id(), template.id(), template.version(), client.model(),
                content.source(), jobs.collabModel(), jobs.targets(), tally.prompts.get(), tally.created.get(),
                tally.duplicates.get(), answerer.llmCalls(), tally.cached.get(), tally.failed.get(),
                tally.invalid.get(), tally.problems(), (System.nanoTime() - start) / 1e9);
    }

    /** The pair template for item targets, the picks template for user targets, checked against its target. */
    private PromptTemplate template(Workspace ws, SynthTarget target) {
        PromptTemplate template = templates.get(ws, target.itemFocused() ? PAIR_TEMPLATE : PICKS_TEMPLATE);
        AugmentTarget expected = target.itemFocused() ? AugmentTarget.PAIRS : AugmentTarget.PICKS;
        if (template.target() != expected) {
            throw new IllegalArgumentException("template " + template.id() + " v" + template.version()
                    + " has target " + template.target().id() + "; " + target.id() + " needs " + expected.id());
        }
        return template;
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
}
