package dev.augur.cli;

import dev.augur.core.rank.RankingData;
import dev.augur.core.rank.RankingService;
import dev.augur.core.rank.Reason;
import dev.augur.core.rank.Recommendation;
import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.Workspace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "recommend", description = "Fit a model on all of a dataset's interactions and print one user's top-K"
        + " unseen items with the reasons.")
final class RecommendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset (default: the workspace's first).")
    String dataset;

    @Option(names = "--user", required = true, paramLabel = "ID", description = "The user's id as in the source data.")
    String user;

    @Option(names = "--model", defaultValue = "als", paramLabel = "NAME", description = "Model (default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--k", defaultValue = "10", description = "How many items (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--seed", defaultValue = "42", description = "Model seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--param", paramLabel = "MODEL.NAME=VALUE", description = "A model parameter, e.g. bpr.epochs=30.")
    List<String> params = new ArrayList<>();

    @Option(names = "--text-vectors", paramLabel = "KIND:FIELD:ENCODER",
            description = "Item vector set for content/fused (default: the latest item set).")
    String textVectors;

    @Mixin
    LlmOptions llm;

    @Option(names = "--json", description = "Print one JSON object on the last line.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (k <= 0 || k > 1000) {
            throw new IllegalArgumentException("--k must be between 1 and 1000");
        }
        ConsoleProgress progress = ConsoleProgress.forTerminal(spec.commandLine().getErr());
        List<Recommendation> recs;
        RankingData data;
        try (Workspace ws = workspace.openExisting(); LlmOptions.Session session = llm.open(ws)) {
            DatasetInfo d = RankingOptions.dataset(ws, dataset);
            RankingService service = new RankingService(ws, session.recommenders());
            data = service.load(d.id(), false, textVectors);
            int u = data.userByExternalId(user);
            if (u < 0) {
                throw new IllegalArgumentException("no user '" + user + "' with interactions in dataset " + d.name());
            }
            recs = service.recommendFromAll(data, model, RankingOptions.params(params), u, k,
                    Runtime.getRuntime().availableProcessors(), seed, progress);
        } finally {
            progress.done();
        }
        if (json) {
            ObjectNode o = JsonOut.object();
            o.put("dataset", data.dataset());
            o.put("user", user);
            o.put("model", model);
            ArrayNode items = o.putArray("items");
            for (Recommendation r : recs) {
                ObjectNode i = items.addObject();
                i.put("rank", r.rank());
                i.put("id", r.externalId());
                i.put("title", r.title());
                i.put("score", r.score());
                ArrayNode why = i.putArray("why");
                for (Reason reason : r.reasons()) {
                    why.add(describe(data, reason));
                }
            }
            JsonOut.print(out, o);
        } else {
            out.println("Top " + recs.size() + " for user " + user + " by " + model + " (fitted on all interactions):");
            for (Recommendation r : recs) {
                out.printf(Locale.ROOT, "%3d. %-10s %-50s %9.4f  %s%n", r.rank(), r.externalId(), r.title(), r.score(),
                        r.reasons().stream().map(x -> describe(data, x)).collect(Collectors.joining("; ")));
            }
        }
        return 0;
    }

    static String describe(RankingData data, Reason r) {
        return r.historyItem() >= 0
                ? String.format(Locale.ROOT, "near %s (%.3f)", data.title(r.historyItem()), r.contribution())
                : String.format(Locale.ROOT, "%s %+.3f", r.label(), r.contribution());
    }
}
