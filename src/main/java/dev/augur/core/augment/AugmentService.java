package dev.augur.core.augment;

import dev.augur.core.llm.LlmClient;
import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.EntityRef;
import dev.augur.core.store.Workspace;
import dev.augur.core.store.WorkspaceReader;
import dev.augur.core.task.TaskMonitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Profile augmentation: runs a prompt template over users or items of a dataset with an {@link LlmClient} and stores
 * every output in the workspace's generations with its provenance. Outputs are keyed by a hash of template id and
 * version, rendered prompt, model and parameters (the spirit of ADR 0006): an entity with an ok generation under its
 * key is skipped without a call, and each finished item is committed at once, so a re-run, a cancelled run or one
 * killed mid-way does only what is left (failed items included).
 */
public final class AugmentService {
    private static final int PAGE = 2048;

    private final TemplateRegistry templates;
    private final PromptRenderer renderer;
    private final Duration baseDelay;
    private final Duration maxDelay;

    public AugmentService(TemplateRegistry templates) {
        this(templates, new PromptRenderer(), Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    /** @param baseDelay first retry delay, doubled per attempt up to {@code maxDelay} (tests use small ones) */
    AugmentService(TemplateRegistry templates, PromptRenderer renderer, Duration baseDelay, Duration maxDelay) {
        this.templates = templates;
        this.renderer = renderer;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
    }

    public TemplateRegistry templates() {
        return templates;
    }

    public PromptRenderer renderer() {
        return renderer;
    }

    public AugmentReport run(Workspace ws, AugmentRequest request, LlmClient client, TaskMonitor monitor) {
        long start = System.nanoTime();
        DatasetInfo dataset = PromptRenderer.dataset(ws, request.dataset());
        PromptTemplate template = template(ws, request);
        monitor.message("Listing " + request.target().id() + " of " + dataset.name());
        List<EntityRef> entities = entities(ws, dataset.id(), request);
        BatchRunner runner = new BatchRunner(ws, template, dataset.id(), client, request, monitor, renderer, baseDelay,
                maxDelay);
        runner.expect(entities.size());
        monitor.message("Generating " + template.id() + " v" + template.version() + " for " + entities.size() + " "
                + request.target().id() + " with " + client.describe());
        runner.run(entities);
        BatchTally done = runner.tally();
        return new AugmentReport(dataset.name(), template.id(), template.version(), client.model(), entities.size(),
                done.generated.get(), done.cached.get(), done.failed.get(), runner.llmCalls(), runner.retries(),
                done.reasks.get(), (System.nanoTime() - start) / 1e9, done.promptTokens.get(),
                done.completionTokens.get());
    }

    /** The template a request names, checked against its target. */
    PromptTemplate template(Workspace ws, AugmentRequest request) {
        PromptTemplate t = request.templateVersion().isPresent()
                ? templates.get(ws, request.templateId(), request.templateVersion().getAsInt())
                : templates.get(ws, request.templateId());
        if (!t.target().profiles()) {
            throw new AugmentException("template " + t.id() + " proposes synthetic interactions (" + t.target().id()
                    + "); run it with: augur synth");
        }
        if (t.target() != request.target()) {
            throw new AugmentException("template " + t.id() + " profiles " + t.target().id() + ", not "
                    + request.target().id());
        }
        return t;
    }

    /** The entities a request names: its ids (all must exist), else the first {@code limit} (0 = all) in id order. */
    static List<EntityRef> entities(Workspace ws, long datasetId, AugmentRequest request) {
        WorkspaceReader r = ws.read();
        String kind = request.target().kind();
        List<EntityRef> out = new ArrayList<>();
        if (!request.ids().isEmpty()) {
            List<String> unknown = new ArrayList<>();
            for (String ext : new java.util.LinkedHashSet<>(request.ids())) {
                Optional<Long> id = r.entityId(datasetId, kind, ext);
                if (id.isPresent()) {
                    out.add(new EntityRef(id.get(), ext));
                } else {
                    unknown.add(ext);
                }
            }
            if (!unknown.isEmpty()) {
                throw new AugmentException(unknown.size() + " unknown " + kind + " id(s): "
                        + unknown.subList(0, Math.min(10, unknown.size())));
            }
            return out;
        }
        long after = 0;
        int limit = request.limit() == 0 ? Integer.MAX_VALUE : request.limit();
        while (out.size() < limit) {
            List<EntityRef> page = r.entityIdsAfter(datasetId, kind, after, Math.min(PAGE, limit - out.size()));
            if (page.isEmpty()) {
                break;
            }
            out.addAll(page);
            after = page.get(page.size() - 1).id();
        }
        return out;
    }
}
