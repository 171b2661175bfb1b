package dev.augur.core.augment;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.EntityRef;
import dev.augur.core.store.Workspace;

import java.util.List;
import java.util.OptionalDouble;

/**
 * What a batch would cost before it runs. Prompt tokens are counted as characters / 4 of each rendered prompt (no
 * tokenizer; English text averages about four characters a token, so treat it as ±30 %). Output tokens are the
 * measured mean of earlier ok generations of the same template version when there are any (up to the latest
 * {@value #SAMPLE}), else the template's {@code maxTokens} (an upper bound). Time is output tokens / tokens-per-second
 * when that is given, else items / items-per-second; prompt processing is not counted.
 *
 * @param outputBasis "measured mean of N generations" or "template maxTokens"
 * @param seconds     NaN when neither rate is given
 */
public record Estimate(String templateId, int templateVersion, long items, long promptTokens,
                       double outputTokensPerItem, long outputTokens, String outputBasis, double seconds) {
    static final int SAMPLE = 200;

    /**
     * Estimates {@code request} (its dataset, template, target, ids or limit) at {@code tokensPerSecond} (output
     * tokens) or, when that is 0, {@code itemsPerSecond}.
     */
    public static Estimate of(Workspace ws, AugmentService service, AugmentRequest request, double tokensPerSecond,
                              double itemsPerSecond) {
        DatasetInfo dataset = PromptRenderer.dataset(ws, request.dataset());
        PromptTemplate template = service.template(ws, request);
        List<EntityRef> entities = AugmentService.entities(ws, dataset.id(), request);
        PromptRenderer renderer = service.renderer();
        long promptTokens = 0;
        for (EntityRef e : entities) {
            promptTokens += renderer.render(template, renderer.load(ws, dataset.id(), template.target(), e.id()))
                    .estimatedTokens();
        }
        OptionalDouble measured = ws.generations().averageCompletionTokens(template.id(), template.version(), SAMPLE);
        double perItem = measured.orElse(template.maxTokens());
        String basis = measured.isPresent() ? "measured mean of earlier generations" : "template maxTokens";
        long outputTokens = Math.round(perItem * entities.size());
        double seconds = tokensPerSecond > 0 ? outputTokens / tokensPerSecond
                : itemsPerSecond > 0 ? entities.size() / itemsPerSecond : Double.NaN;
        return new Estimate(template.id(), template.version(), entities.size(), promptTokens, perItem, outputTokens,
                basis, seconds);
    }
}
