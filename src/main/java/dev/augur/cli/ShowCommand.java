package dev.augur.cli;

import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.UserRecord;
import dev.augur.core.store.Workspace;
import dev.augur.core.store.WorkspaceException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "show", description = "Show one item or user with every text field and attribute.")
final class ShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--item", paramLabel = "ID", description = "Item id as in the source data.")
        String item;
        @Option(names = "--user", paramLabel = "ID", description = "User id as in the source data.")
        String user;
    }

    @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset to look in, when several hold the id.")
    String dataset;

    @Option(names = "--json", description = "Print one JSON object on the last line.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = workspace.openExisting()) {
            ObjectNode o = target.item != null ? item(ws) : user(ws);
            if (json) {
                JsonOut.print(out, o);
            } else {
                print(out, o, "");
            }
        }
        return 0;
    }

    private ObjectNode item(Workspace ws) {
        ItemRecord r = one(ws.read().items(target.item, Optional.ofNullable(dataset)), "item", target.item,
                ItemRecord::dataset);
        ObjectNode o = JsonOut.object();
        o.put("kind", "item");
        o.put("dataset", r.dataset());
        o.put("id", r.externalId());
        o.put("title", r.title());
        o.put("description", r.description());
        o.set("categories", JsonOut.parse(r.categoriesJson()));
        o.set("attributes", JsonOut.parse(r.attributesJson()));
        o.put("interactions", r.interactions());
        o.put("reviews", r.reviews());
        return o;
    }

    private ObjectNode user(Workspace ws) {
        UserRecord r = one(ws.read().users(target.user, Optional.ofNullable(dataset)), "user", target.user,
                UserRecord::dataset);
        ObjectNode o = JsonOut.object();
        o.put("kind", "user");
        o.put("dataset", r.dataset());
        o.put("id", r.externalId());
        o.set("attributes", JsonOut.parse(r.attributesJson()));
        o.put("interactions", r.interactions());
        o.put("reviews", r.reviews());
        return o;
    }

    private <T> T one(List<T> found, String kind, String id, java.util.function.Function<T, String> datasetOf) {
        if (found.isEmpty()) {
            throw new WorkspaceException("no " + kind + " with id '" + id + "'"
                    + (dataset != null ? " in dataset '" + dataset + "'" : " in " + workspace.file));
        }
        if (found.size() > 1) {
            throw new WorkspaceException(kind + " '" + id + "' exists in several datasets ("
                    + found.stream().map(datasetOf).collect(Collectors.joining(", ")) + "); choose one with --dataset");
        }
        return found.get(0);
    }

    private static void print(PrintWriter out, JsonNode node, String indent) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isObject() && v.size() > 0) {
                out.println(indent + e.getKey() + ":");
                print(out, v, indent + "  ");
            } else {
                out.println(indent + e.getKey() + ": " + (v.isTextual() ? v.asText() : v.toString()));
            }
        }
    }
}
