package dev.augur.core.rank;

import dev.augur.core.rank.models.Popularity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The models by their command-line names. Parameters come as {@code name.param=value} overrides (for example
 * {@code bpr.epochs=30}); each model reads its own and rejects unknown ones.
 */
public final class Recommenders {
    private final Map<String, Function<Map<String, String>, Recommender>> factories = new LinkedHashMap<>();

    public Recommenders() {
        factories.put("pop", p -> {
            ModelParams.rejectUnknown("pop", p, List.of());
            return new Popularity();
        });
    }

    /** Adds or replaces a model (the LLM re-ranker is registered by whoever holds an LLM connection). */
    public Recommenders with(String name, Function<Map<String, String>, Recommender> factory) {
        factories.put(name, factory);
        return this;
    }

    public List<String> names() {
        return List.copyOf(factories.keySet());
    }

    /** A new, unfitted model; {@code overrides} may hold other models' parameters, which it ignores. */
    public Recommender create(String name, Map<String, String> overrides) {
        Function<Map<String, String>, Recommender> f = factories.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown model '" + name + "'; known: " + String.join(", ", names()));
        }
        return f.apply(ModelParams.of(name, overrides));
    }
}
