package dev.augur.core.rank;

import dev.augur.core.rank.models.Als;
import dev.augur.core.rank.models.Bpr;
import dev.augur.core.rank.models.ContentModel;
import dev.augur.core.rank.models.FusedModel;
import dev.augur.core.rank.models.ItemKnn;
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
        factories.put("itemknn", p -> {
            ModelParams.rejectUnknown("itemknn", p, List.of("k", "shrink"));
            ItemKnn.Params d = ItemKnn.Params.DEFAULTS;
            return new ItemKnn(new ItemKnn.Params(ModelParams.intParam("itemknn", p, "k", d.k()),
                    ModelParams.doubleParam("itemknn", p, "shrink", d.shrink())));
        });
        factories.put("bpr", p -> {
            ModelParams.rejectUnknown("bpr", p, List.of("factors", "epochs", "learning_rate", "regularization",
                    "item_bias", "threads"));
            Bpr.Params d = Bpr.Params.DEFAULTS;
            int threads = ModelParams.intParam("bpr", p, "threads", 1);
            return new Bpr(new Bpr.Params(ModelParams.intParam("bpr", p, "factors", d.factors()),
                    ModelParams.intParam("bpr", p, "epochs", d.epochs()),
                    ModelParams.doubleParam("bpr", p, "learning_rate", d.learningRate()),
                    ModelParams.doubleParam("bpr", p, "regularization", d.regularization()),
                    ModelParams.boolParam("bpr", p, "item_bias", d.itemBias()))).sgdThreads(threads);
        });
        factories.put("als", p -> {
            ModelParams.rejectUnknown("als", p, List.of("factors", "iterations", "regularization", "alpha",
                    "cg_steps", "use_values", "weighted_regularization", "solver"));
            String solver = p.getOrDefault("solver", "cg");
            if (!solver.equals("cg") && !solver.equals("cholesky")) {
                throw new IllegalArgumentException("als.solver is cg or cholesky, not '" + solver + "'");
            }
            Als.Params d = Als.Params.DEFAULTS;
            return new Als(new Als.Params(ModelParams.intParam("als", p, "factors", d.factors()),
                    ModelParams.intParam("als", p, "iterations", d.iterations()),
                    ModelParams.doubleParam("als", p, "regularization", d.regularization()),
                    ModelParams.doubleParam("als", p, "alpha", d.alpha()),
                    ModelParams.intParam("als", p, "cg_steps", d.cgSteps()),
                    ModelParams.boolParam("als", p, "use_values", d.useValues())))
                    .weightedRegularization(ModelParams.boolParam("als", p, "weighted_regularization", false))
                    .exactSolver(solver.equals("cholesky"));
        });
        factories.put("content", p -> {
            ModelParams.rejectUnknown("content", p, List.of("half_life"));
            return new ContentModel(ModelParams.doubleParam("content", p, "half_life", ContentModel.DEFAULT_HALF_LIFE));
        });
        factories.put("fused", p -> {
            Map<String, String> rest = new java.util.LinkedHashMap<>(p);
            int threads = ModelParams.intParam("fused", p, "threads", 1);
            rest.remove("threads");
            return new FusedModel(FusedModel.Params.of(rest)).sgdThreads(threads);
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
        if (f == null && name.equals("llm-rerank")) {
            throw new IllegalArgumentException("unknown model 'llm-rerank' here: it needs an LLM; on the command line"
                    + " pass --llm-base-url URL --llm-model NAME or --llm-gguf FILE, in the app set one in Settings → LLM");
        }
        if (f == null) {
            throw new IllegalArgumentException("unknown model '" + name + "'; known: " + String.join(", ", names()));
        }
        return f.apply(ModelParams.of(name, overrides));
    }
}
