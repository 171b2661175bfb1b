package dev.augur.core.rank;

import java.util.List;
import java.util.Map;

/**
 * What to evaluate: a dataset, the protocol, the models by name (see {@link Recommenders}), model parameters as
 * {@code model.param → value} overrides, which item vector set the text models use ({@code kind:field:encoder},
 * "" for the latest item set), threads, and a label for the stored run.
 */
public record EvalRequest(long datasetId, Protocol protocol, List<String> models, Map<String, String> params,
                          String textVectors, int threads, String label) {
    public EvalRequest {
        models = List.copyOf(models);
        params = Map.copyOf(params);
        textVectors = textVectors == null ? "" : textVectors;
        label = label == null ? "" : label;
        if (models.isEmpty()) {
            throw new IllegalArgumentException("name at least one model");
        }
    }
}
