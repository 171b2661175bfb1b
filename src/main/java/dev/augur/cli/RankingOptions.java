package dev.augur.cli;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.store.WorkspaceException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small parsing helpers shared by {@code evaluate} and {@code recommend}. */
final class RankingOptions {
    private RankingOptions() {
    }

    /** The dataset called {@code name}, or the workspace's first when {@code name} is null. */
    static DatasetInfo dataset(Workspace ws, String name) {
        List<DatasetInfo> all = ws.read().datasets();
        if (all.isEmpty()) {
            throw new WorkspaceException("workspace " + ws.file() + " has no dataset; import one first");
        }
        if (name == null) {
            return all.get(0);
        }
        return all.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(() ->
                new WorkspaceException("no dataset '" + name + "' in " + ws.file() + "; it has "
                        + all.stream().map(DatasetInfo::name).toList()));
    }

    /** {@code model.param=value} pairs into a map; a malformed one is a usage error. */
    static Map<String, String> params(List<String> pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            int dot = p.indexOf('.');
            if (eq < 0 || dot < 0 || dot > eq) {
                throw new IllegalArgumentException("--param takes model.name=value (e.g. bpr.epochs=30), not '" + p + "'");
            }
            out.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
        }
        return out;
    }

    static List<Integer> ks(String text) {
        try {
            return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--k takes whole numbers separated by commas (e.g. 10,20), not '"
                    + text + "'");
        }
    }
}
