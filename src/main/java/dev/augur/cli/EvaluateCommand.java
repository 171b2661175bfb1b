package dev.augur.cli;

import dev.augur.core.rank.EvalMode;
import dev.augur.core.rank.EvalRequest;
import dev.augur.core.rank.EvalResult;
import dev.augur.core.rank.EvalRun;
import dev.augur.core.rank.Filters;
import dev.augur.core.rank.Protocol;
import dev.augur.core.rank.RankingService;
import dev.augur.core.rank.SplitSpec;
import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.Workspace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "evaluate", description = "Fit recommenders on a seeded split and evaluate them (full ranking by"
        + " default); the run is stored in the workspace with its protocol.")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    RunOptions options;

    @Option(names = "--models", defaultValue = "pop,itemknn,bpr,als", paramLabel = "LIST",
            description = "Comma-separated models (default ${DEFAULT-VALUE}); see --list-models.")
    String models;

    @Option(names = "--k", defaultValue = "10,20", paramLabel = "K", description = "Cut-offs (default ${DEFAULT-VALUE}).")
    String ks;

    @Option(names = "--mode", defaultValue = "full", paramLabel = "MODE",
            description = "full (all items) or sampled:N (N random negatives per user; labelled SAMPLED everywhere).")
    String mode;

    @Option(names = "--target", defaultValue = "test", description = "test or valid (for tuning).")
    String target;

    @Option(names = "--min-rating", paramLabel = "R", description = "Drop interactions with a value below R first.")
    Double minRating;

    @Option(names = "--min-user", defaultValue = "0", paramLabel = "N", description = "Keep users with ≥ N interactions.")
    int minUser;

    @Option(names = "--min-item", defaultValue = "0", paramLabel = "N", description = "Keep items with ≥ N interactions.")
    int minItem;

    @Option(names = "--with-synthetic", description = "Train with the accepted synthetic interactions too.")
    boolean withSynthetic;

    @Option(names = "--max-users", defaultValue = "0", paramLabel = "N",
            description = "Score a seeded sample of N users (0: all); needed for the LLM re-ranker.")
    int maxUsers;

    @Option(names = "--param", paramLabel = "MODEL.NAME=VALUE", description = "A model parameter, e.g. bpr.epochs=30.")
    List<String> params = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores).")
    Integer threads;

    @Mixin
    LlmOptions llm;

    @Option(names = "--json", description = "Print one JSON object on the last line.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> names = Arrays.stream(models.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        Protocol protocol = new Protocol(SplitSpec.parse(options.split), new Filters(minRating == null ? Double.NaN : minRating,
                minUser, minItem, withSynthetic), options.seed, EvalMode.parse(mode), RankingOptions.ks(ks), target, maxUsers);
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        ConsoleProgress progress = ConsoleProgress.forTerminal(spec.commandLine().getErr());
        EvalRun run;
        DatasetInfo d;
        try (Workspace ws = workspace.openExisting(); LlmOptions.Session session = llm.open(ws)) {
            d = RankingOptions.dataset(ws, options.dataset);
            RankingService service = new RankingService(ws, session.recommenders());
            run = service.evaluate(new EvalRequest(d.id(), protocol, names, RankingOptions.params(params),
                    options.textVectors, n, options.label), progress);
        } finally {
            progress.done();
        }
        if (json) {
            ObjectNode o = JsonOut.object();
            o.put("run_id", run.runId());
            o.put("dataset", d.name());
            o.set("protocol", JsonOut.MAPPER.valueToTree(protocolMap(run)));
            ObjectNode m = o.putObject("models");
            for (EvalResult r : run.results()) {
                m.set(r.model(), JsonOut.MAPPER.valueToTree(rounded(r.toMap())));
            }
            JsonOut.print(out, o);
        } else {
            out.println(d.name() + ": " + protocol.describe());
            out.println("  " + run.split().notes());
            int k = protocol.ks().get(0);
            out.printf(Locale.ROOT, "  %-12s %9s %9s %9s %9s %9s %9s %8s %8s%n", "model", "ndcg@" + k, "recall@" + k,
                    "hr@" + k, "mrr@" + k, "gauc", "cov@" + k, "fit s", "eval s");
            for (EvalResult r : run.results()) {
                out.printf(Locale.ROOT, "  %-12s %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f %8.2f %8.2f%n", r.model(),
                        r.metric("ndcg@" + k), r.metric("recall@" + k), r.metric("hr@" + k), r.metric("mrr@" + k),
                        r.metric("gauc"), r.metric("coverage@" + k), r.fitSeconds(), r.evalSeconds());
            }
            out.println("  stored as run " + run.runId() + (protocol.mode().sampled() ? " (SAMPLED metrics)" : ""));
        }
        return 0;
    }

    private static Map<String, Object> protocolMap(EvalRun run) {
        Map<String, Object> p = new java.util.LinkedHashMap<>(run.split().protocol().toMap());
        p.put("text_vectors", run.data().side().textSource());
        p.put("split_notes", run.split().notes());
        return p;
    }

    /** Metrics to 6 decimals, so the JSON stays readable. */
    @SuppressWarnings("unchecked")
    static Object rounded(Object v) {
        if (v instanceof Double x) {
            return Double.isFinite(x) ? Math.round(x * 1e6) / 1e6 : x;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> out.put(k, rounded(x)));
            return out;
        }
        return v;
    }
}
