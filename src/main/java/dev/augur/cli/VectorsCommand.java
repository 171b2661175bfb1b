package dev.augur.cli;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.VectorMatrix;
import dev.augur.core.store.VectorSetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.store.WorkspaceException;
import dev.augur.core.vectors.VectorExport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "vectors", description = "List the workspace's vector sets, or export one as .npy plus an id CSV.",
        subcommands = {VectorsCommand.ListSets.class, VectorsCommand.Export.class})
final class VectorsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "Every vector set: dataset, kind, model, count × dims, text.")
    static final class ListSets implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOption workspace;

        @Option(names = "--json", description = "Print one JSON object on the last line.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Workspace ws = workspace.openExisting()) {
                List<VectorSetInfo> sets = ws.vectors().sets();
                if (json) {
                    ObjectNode o = JsonOut.object();
                    ArrayNode a = o.putArray("sets");
                    for (VectorSetInfo s : sets) {
                        ObjectNode x = a.addObject();
                        x.put("dataset", s.dataset());
                        x.put("kind", s.kind());
                        x.put("field", s.field());
                        x.put("model", s.encoder());
                        x.put("dims", s.dims());
                        x.put("count", s.count());
                        x.put("updated_at", s.updatedAt());
                    }
                    JsonOut.print(out, o);
                } else if (sets.isEmpty()) {
                    out.println("no vectors yet; make some with: augur encode --workspace " + workspace.file + " --target items");
                } else {
                    for (VectorSetInfo s : sets) {
                        out.printf(Locale.ROOT, "%-16s %-13s %-12s %,9d × %d  %s%n", s.dataset(), s.kind(), s.encoder(),
                                s.count(), s.dims(), s.field());
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "export", description = "Write one vector set as <out>.npy (float32, rows × dims) and <out>.ids.csv.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOption workspace;

        @Option(names = "--kind", defaultValue = "item",
                description = "item, review, item-reviews, user-reviews, item-profile, user-profile (default ${DEFAULT-VALUE}).")
        String kind;

        @Option(names = "--model", defaultValue = "minilm", description = "Encoder (default ${DEFAULT-VALUE}).")
        String model;

        @Option(names = "--text", paramLabel = "FIELD", description = "Which text's vectors (default: the only or latest set).")
        String field;

        @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset (default: the workspace's first).")
        String dataset;

        @Option(names = "--out", required = true, paramLabel = "PATH", description = "Output path without extension.")
        Path out;

        @Option(names = "--json", description = "Print one JSON object on the last line.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter pw = spec.commandLine().getOut();
            try (Workspace ws = workspace.openExisting()) {
                List<DatasetInfo> datasets = ws.read().datasets();
                DatasetInfo d = datasets.stream().filter(x -> dataset == null || x.name().equals(dataset)).findFirst()
                        .orElseThrow(() -> new WorkspaceException("no dataset " + (dataset == null ? "" : "'" + dataset + "' ")
                                + "in " + ws.file()));
                VectorSetInfo set = ws.vectors().sets().stream()
                        .filter(s -> s.datasetId() == d.id() && s.kind().equals(kind) && s.encoder().equals(model)
                                && (field == null || s.field().equals(field)))
                        .max(java.util.Comparator.comparing(VectorSetInfo::updatedAt))
                        .orElseThrow(() -> new WorkspaceException("no " + kind + " vectors from " + model + " in dataset '"
                                + d.name() + "'; list them with: augur vectors --workspace " + workspace.file));
                VectorMatrix m = ws.vectors().load(d.id(), set.kind(), set.field(), set.encoder());
                Map<Long, String[]> labels = new HashMap<>();
                String[] headers;
                if (kind.startsWith("item")) {
                    headers = new String[] {"item_id", "title"};
                    java.util.Set<Long> wanted = new java.util.HashSet<>();
                    for (long id : m.entityIds()) {
                        wanted.add(id);
                    }
                    long after = 0;
                    for (List<ItemRecord> page = ws.read().itemsAfter(d.id(), after, 5000); !page.isEmpty();
                         page = ws.read().itemsAfter(d.id(), after, 5000)) {
                        for (ItemRecord r : page) {
                            if (wanted.contains(r.id())) {
                                labels.put(r.id(), new String[] {r.externalId(), r.title()});
                            }
                        }
                        after = page.get(page.size() - 1).id();
                    }
                } else {
                    headers = new String[0];
                }
                Path npy = Path.of(out + ".npy");
                Path csv = Path.of(out + ".ids.csv");
                if (npy.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(npy.toAbsolutePath().getParent());
                }
                VectorExport.write(m, id -> headers.length == 0 ? new String[0]
                        : labels.getOrDefault(id, new String[] {"", ""}), headers, npy, csv);
                if (json) {
                    ObjectNode o = JsonOut.object();
                    o.put("npy", npy.toAbsolutePath().toString());
                    o.put("ids", csv.toAbsolutePath().toString());
                    o.put("rows", m.entityIds().length);
                    o.put("dims", m.dims());
                    o.put("field", set.field());
                    JsonOut.print(pw, o);
                } else {
                    pw.printf(Locale.ROOT, "wrote %s (%,d × %d float32) and %s%n", npy, m.entityIds().length, m.dims(), csv);
                }
            }
            return 0;
        }
    }
}
