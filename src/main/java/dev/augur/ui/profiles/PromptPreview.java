package dev.augur.ui.profiles;

import dev.augur.core.augment.AugmentRequest;
import dev.augur.core.augment.AugmentService;
import dev.augur.core.augment.PromptRenderer;
import dev.augur.core.augment.PromptTemplate;
import dev.augur.core.augment.RenderedPrompt;
import dev.augur.core.augment.TemplateRegistry;
import dev.augur.core.store.EntityRef;
import dev.augur.core.store.Workspace;

import java.util.List;

/**
 * The prompt a request would send for one entity, as the Generate panel previews it.
 *
 * @param title "item k1 · template v1 · ≈123 prompt tokens"
 */
record PromptPreview(String title, String system, String user) {

    /**
     * Renders the prompt of {@code r} for the entity {@code firstId}, or the dataset's first entity when it is null;
     * throws IllegalArgumentException with a readable message when there is none.
     */
    static PromptPreview render(Workspace ws, AugmentRequest r, String firstId) {
        AugmentService service = new AugmentService(new TemplateRegistry());
        long ds = datasetId(ws, r);
        String kind = r.target().kind();
        long id;
        String ext;
        if (firstId != null) {
            id = ws.read().entityId(ds, kind, firstId).orElseThrow(() -> new IllegalArgumentException(
                    "No " + kind + " " + firstId + " in this dataset."));
            ext = firstId;
        } else {
            List<EntityRef> one = ws.read().entityIdsAfter(ds, kind, 0, 1);
            if (one.isEmpty()) {
                throw new IllegalArgumentException("This dataset has no " + r.target().id() + ".");
            }
            id = one.get(0).id();
            ext = one.get(0).externalId();
        }
        PromptTemplate t = service.templates().get(ws, r.templateId());
        PromptRenderer renderer = service.renderer();
        RenderedPrompt p = renderer.render(t, renderer.load(ws, ds, r.target(), id));
        return new PromptPreview(kind + " " + ext + " · " + t.id() + " v" + t.version() + " · ≈"
                + p.estimatedTokens() + " prompt tokens", p.system(), p.user());
    }

    private static long datasetId(Workspace ws, AugmentRequest r) {
        if (r.dataset().isPresent()) {
            return ws.read().datasetId(r.dataset().get()).orElseThrow(() -> new IllegalArgumentException(
                    "No dataset " + r.dataset().get() + " in this workspace."));
        }
        return ws.read().datasets().stream().findFirst().orElseThrow(
                () -> new IllegalArgumentException("The workspace has no datasets.")).id();
    }
}
