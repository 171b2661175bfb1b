package dev.augur.cli;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.VectorSetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.store.WorkspaceException;
import dev.augur.core.vectors.SimilarItem;
import dev.augur.core.vectors.SimilarItems;

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

@Command(name = "similar", description = "Items nearest to an item by exact cosine over its dataset's item vectors.")
final class SimilarCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--item", required = true, paramLabel = "ID", description = "The item's id as in the source data.")
    String item;

    @Option(names = "--k", defaultValue = "10", description = "How many neighbours (default ${DEFAULT-VALUE}, at most 100).")
    int k;

    @Option(names = "--model", paramLabel = "MODEL", description = "Encoder whose vectors to use (default: the latest encoded).")
    String model;

    @Option(names = "--text", paramLabel = "TEMPLATE", description = "Which item-text template's vectors (default: the latest).")
    String field;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset, when the id exists in several.")
    String dataset;

    @Option(names = "--json", description = "Print one JSON object on the last line.")
    boolean json;

    @Override
    public Integer call() {
        if (k < 1 || k > 100) {
            throw new IllegalArgumentException("--k must be between 1 and 100");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = workspace.openExisting(); SimilarItems similar = new SimilarItems()) {
            List<ItemRecord> found = ws.read().items(item, Optional.ofNullable(dataset));
            if (found.isEmpty()) {
                throw new WorkspaceException("no item '" + item + "'" + (dataset == null ? "" : " in dataset " + dataset));
            }
            if (found.size() > 1) {
                throw new WorkspaceException("item '" + item + "' exists in several datasets; add --dataset NAME");
            }
            ItemRecord it = found.get(0);
            long datasetId = ws.read().datasets().stream().filter(d -> d.name().equals(it.dataset()))
                    .mapToLong(DatasetInfo::id).findFirst().orElseThrow();
            VectorSetInfo set = SimilarItems.choose(ws, datasetId, Optional.ofNullable(model), Optional.ofNullable(field))
                    .orElseThrow(() -> new WorkspaceException("dataset '" + it.dataset() + "' has no item vectors"
                            + (model == null ? "" : " from " + model) + "; make them with: augur encode --workspace "
                            + workspace.file + " --target items --model " + (model == null ? "minilm" : model)));
            List<SimilarItem> near = similar.similar(ws, set, it.id(), k);
            if (near.isEmpty()) {
                throw new WorkspaceException("item '" + item + "' has no vector in " + set.encoder() + " / " + set.field()
                        + " (its text is empty, or it was added after the last encode)");
            }
            if (json) {
                ObjectNode o = JsonOut.object();
                o.put("item", it.externalId());
                o.put("title", it.title());
                o.put("dataset", it.dataset());
                o.put("model", set.encoder());
                o.put("field", set.field());
                ArrayNode a = o.putArray("similar");
                for (SimilarItem s : near) {
                    ObjectNode x = a.addObject();
                    x.put("id", s.externalId());
                    x.put("title", s.title());
                    x.put("cosine", Math.round(s.cosine() * 10000) / 10000.0);
                }
                JsonOut.print(out, o);
            } else {
                out.printf(Locale.ROOT, "items like %s \"%s\" (%s, %s):%n", it.externalId(), it.title(), set.encoder(), set.field());
                int rank = 1;
                for (SimilarItem s : near) {
                    out.printf(Locale.ROOT, "%3d  %.4f  %-12s %s%n", rank++, s.cosine(), s.externalId(), s.title());
                }
            }
        }
        return 0;
    }
}
