package dev.augur.cli;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.Distribution;
import dev.augur.core.store.Workspace;
import dev.augur.core.store.WorkspaceStats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "stats", description = "Counts, density, cold items and interaction distributions of a workspace.")
final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Only this dataset (default: the whole workspace).")
    String dataset;

    @Option(names = "--json", description = "Print one JSON object on the last line.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = workspace.openExisting()) {
            WorkspaceStats s = ws.read().stats(Optional.ofNullable(dataset));
            List<DatasetInfo> datasets = ws.read().datasets();
            if (json) {
                ObjectNode o = JsonOut.object();
                o.put("workspace", ws.file().toString());
                o.put("scope", s.scope());
                o.put("datasets_count", datasets.size());
                o.put("users", s.users());
                o.put("items", s.items());
                o.put("interactions", s.interactions());
                o.put("reviews", s.reviews());
                o.put("tags", s.tags());
                o.put("density", s.density());
                o.put("cold_items", s.coldItems());
                distribution(o.putObject("interactions_per_user"), s.perUser());
                distribution(o.putObject("interactions_per_item"), s.perItem());
                ObjectNode syn = o.putObject("synthetic");
                syn.put("pending", s.synthetic().pending());
                syn.put("accepted", s.synthetic().accepted());
                syn.put("rejected", s.synthetic().rejected());
                ArrayNode ds = o.putArray("datasets");
                for (DatasetInfo d : datasets) {
                    ObjectNode x = ds.addObject();
                    x.put("name", d.name());
                    x.put("format", d.format());
                    x.put("users", d.users());
                    x.put("items", d.items());
                    x.put("interactions", d.interactions());
                    x.put("reviews", d.reviews());
                    x.put("tags", d.tags());
                    x.put("imported_at", d.importedAt());
                }
                JsonOut.print(out, o);
            } else {
                out.printf(Locale.ROOT, "Workspace %s — %s (%d dataset%s)%n", ws.file(), s.scope(), datasets.size(),
                        datasets.size() == 1 ? "" : "s");
                for (DatasetInfo d : datasets) {
                    out.printf(Locale.ROOT, "  %-24s %-16s %,9d users %,9d items %,11d interactions %,9d reviews%n",
                            d.name(), d.format(), d.users(), d.items(), d.interactions(), d.reviews());
                }
                out.printf(Locale.ROOT, "users %,d · items %,d · interactions %,d · reviews %,d · tags %,d%n",
                        s.users(), s.items(), s.interactions(), s.reviews(), s.tags());
                out.printf(Locale.ROOT, "density %.5f%% · cold items %,d%n", s.density() * 100, s.coldItems());
                out.println("interactions per user: " + text(s.perUser()));
                out.println("interactions per item: " + text(s.perItem()));
                out.printf(Locale.ROOT, "synthetic: %,d pending, %,d accepted, %,d rejected%n", s.synthetic().pending(),
                        s.synthetic().accepted(), s.synthetic().rejected());
            }
        }
        return 0;
    }

    private static void distribution(ObjectNode o, Distribution d) {
        o.put("min", d.min());
        o.put("p25", d.p25());
        o.put("median", d.median());
        o.put("p75", d.p75());
        o.put("p90", d.p90());
        o.put("p99", d.p99());
        o.put("max", d.max());
        o.put("mean", d.mean());
    }

    private static String text(Distribution d) {
        return String.format(Locale.ROOT, "min %d · p25 %.0f · median %.0f · p75 %.0f · p90 %.0f · p99 %.0f · max %d · mean %.1f",
                d.min(), d.p25(), d.median(), d.p75(), d.p90(), d.p99(), d.max(), d.mean());
    }
}
