package dev.augur.cli;

import dev.augur.core.rank.CtrService;
import dev.augur.core.rank.EvalMode;
import dev.augur.core.rank.Filters;
import dev.augur.core.rank.Protocol;
import dev.augur.core.rank.SplitSpec;
import dev.augur.core.rank.ctr.CtrFeatures;
import dev.augur.core.rank.ctr.CtrLabels;
import dev.augur.core.rank.ctr.FactorizationMachine;
import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.Workspace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "ctr", description = "The CTR task: a factorisation machine (or logistic regression) on ids and"
        + " categories, then with each LLM-derived feature group added; reports AUC, GAUC, LogLoss and RelaImpr.")
final class CtrCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    RunOptions options;

    @Option(names = "--threshold", defaultValue = "4", paramLabel = "R",
            description = "Label = value ≥ R (default ${DEFAULT-VALUE}); ignored with --clicks.")
    double threshold;

    @Option(names = "--clicks", description = "Values are click labels (1 clicked, 0 shown), as in MIND.")
    boolean clicks;

    @Option(names = "--features", defaultValue = "text", paramLabel = "LIST",
            description = "Groups to add to the base: text, item-profile, user-profile, attributes (default ${DEFAULT-VALUE}).")
    String features;

    @Option(names = "--attributes-template", defaultValue = "llmrec-item-attributes", paramLabel = "ID",
            description = "Template whose outputs are the generated attributes (default ${DEFAULT-VALUE}).")
    String attributesTemplate;

    @Option(names = "--backbone", defaultValue = "fm", description = "fm or lr (default ${DEFAULT-VALUE}).")
    String backbone;

    @Option(names = "--json", description = "Print one JSON object on the last line.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<CtrFeatures.Group> added = Arrays.stream(features.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(CtrFeatures.Group::parse).toList();
        FactorizationMachine.Config config = switch (backbone) {
            case "fm" -> FactorizationMachine.Config.fm();
            case "lr" -> FactorizationMachine.Config.logistic();
            default -> throw new IllegalArgumentException("--backbone is fm or lr, not '" + backbone + "'");
        };
        config = config.withSeed(options.seed);
        Protocol protocol = new Protocol(SplitSpec.parse(options.split), Filters.NONE, options.seed, EvalMode.FULL, List.of(10),
                "test", 0);
        CtrLabels labels = clicks ? CtrLabels.clicks() : CtrLabels.ratingAtLeast(threshold);
        ConsoleProgress progress = ConsoleProgress.forTerminal(spec.commandLine().getErr());
        CtrService.Result result;
        DatasetInfo d;
        try (Workspace ws = workspace.openExisting()) {
            d = RankingOptions.dataset(ws, options.dataset);
            result = new CtrService(ws).run(new CtrService.Request(d.id(), protocol, labels, added, options.textVectors,
                    attributesTemplate, config, options.label), progress);
        } finally {
            progress.done();
        }
        if (json) {
            ObjectNode o = JsonOut.object();
            o.put("run_id", result.runId());
            o.put("dataset", d.name());
            o.set("sources", JsonOut.MAPPER.valueToTree(result.sources()));
            o.setAll((ObjectNode) JsonOut.MAPPER.valueToTree(result.report().toMap()));
            JsonOut.print(out, o);
        } else {
            out.println(d.name() + ": " + result.report().toTable());
            out.println("stored as run " + result.runId());
        }
        return 0;
    }
}
