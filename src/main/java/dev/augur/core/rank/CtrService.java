package dev.augur.core.rank;

import dev.augur.core.rank.ctr.CtrDataset;
import dev.augur.core.rank.ctr.CtrExperiment;
import dev.augur.core.rank.ctr.CtrFeatures;
import dev.augur.core.rank.ctr.CtrLabels;
import dev.augur.core.rank.ctr.CtrReport;
import dev.augur.core.rank.ctr.DenseTable;
import dev.augur.core.rank.ctr.FactorizationMachine;
import dev.augur.core.rank.ctr.LlmFeatures;
import dev.augur.core.store.Generation;
import dev.augur.core.store.StoredRun;
import dev.augur.core.store.VectorMatrix;
import dev.augur.core.store.VectorSetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CTR task on a workspace: loads the dataset, the LLM-derived features that exist for it (text vectors,
 * profile vectors of generated profiles, generated attributes), runs the with/without comparison and stores it as
 * a {@code ctr} run with its protocol.
 */
public final class CtrService {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Workspace workspace;

    public CtrService(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * What to compare: the dataset, the split protocol, the labels, the feature groups to add to the base (ids and
     * categories), the generation template whose JSON outputs become item attributes, and the backbone.
     */
    public record Request(long datasetId, Protocol protocol, CtrLabels labels, List<CtrFeatures.Group> added,
                          String textVectors, String attributesTemplate, FactorizationMachine.Config model,
                          String label) {
    }

    /** A finished comparison and the id of its stored run. */
    public record Result(long runId, CtrReport report, Map<String, String> sources) {
    }

    public Result run(Request request, TaskMonitor monitor) {
        monitor.message("Loading interactions and features");
        RankingService ranking = new RankingService(workspace, new Recommenders());
        RankingData data = ranking.load(request.datasetId(), request.protocol().filters().withSynthetic(),
                request.textVectors());
        Split split = Splitter.split(data.interactions(), request.protocol());
        Map<String, String> sources = new LinkedHashMap<>();
        LlmFeatures llm = LlmFeatures.none();
        List<CtrFeatures.Group> added = request.added();
        if (added.contains(CtrFeatures.Group.ITEM_TEXT)) {
            requireVectors(data.side().hasVectors(), "text", "item text vectors",
                    "augur encode --workspace W --target items");
            sources.put("text", data.side().textSource());
        }
        if (added.contains(CtrFeatures.Group.ITEM_PROFILE)) {
            VectorSetInfo s = latestSet(request.datasetId(), "item-profile").orElse(null);
            requireVectors(s != null, "item-profile", "vectors of generated item profiles",
                    "augur augment … then augur encode --target item-profiles");
            llm = llm.withItemProfile(table(data.interactions().itemIds(), s));
            sources.put("item-profile", s.kind() + ":" + s.field() + ":" + s.encoder());
        }
        if (added.contains(CtrFeatures.Group.USER_PROFILE)) {
            VectorSetInfo s = latestSet(request.datasetId(), "user-profile").orElse(null);
            requireVectors(s != null, "user-profile", "vectors of generated user profiles",
                    "augur augment … then augur encode --target user-profiles");
            llm = llm.withUserProfile(table(data.interactions().userIds(), s));
            sources.put("user-profile", s.kind() + ":" + s.field() + ":" + s.encoder());
        }
        if (added.contains(CtrFeatures.Group.ATTRIBUTES)) {
            String[][] tokens = attributes(request.datasetId(), request.attributesTemplate(),
                    data.interactions().itemIds());
            llm = llm.withItemAttributes(tokens, LlmFeatures.DEFAULT_BUCKETS);
            sources.put("attributes", "generations of " + request.attributesTemplate());
        }
        monitor.checkCancelled();
        CtrDataset ctr = CtrDataset.of(split, data.side(), llm, request.labels());
        CtrReport report = new CtrExperiment(request.model()).run(ctr, CtrFeatures.BASE, added, monitor);
        long runId = store(data, request, split, report, sources);
        return new Result(runId, report, sources);
    }

    private static void requireVectors(boolean present, String group, String what, String how) {
        if (!present) {
            throw new IllegalArgumentException("feature group '" + group + "' needs " + what
                    + " in this dataset; none are stored. Create them first: " + how);
        }
    }

    private Optional<VectorSetInfo> latestSet(long datasetId, String kind) {
        return workspace.vectors().sets().stream().filter(s -> s.datasetId() == datasetId && s.kind().equals(kind))
                .max(Comparator.comparing(VectorSetInfo::updatedAt));
    }

    private DenseTable table(long[] denseIds, VectorSetInfo s) {
        VectorMatrix m = workspace.vectors().load(s.datasetId(), s.kind(), s.field(), s.encoder());
        return DenseTable.aligned(denseIds, m.entityIds(), m.dims(), m.data());
    }

    /**
     * Each item's generated attributes as tokens: every string (or number, or boolean) leaf of the latest accepted
     * output of {@code templateId}, as {@code path=value}, lower-cased; long free text is skipped.
     */
    private String[][] attributes(long datasetId, String templateId, long[] itemIds) {
        Map<Long, Generation> latest = workspace.generations().latestPerEntity(datasetId, "item", templateId);
        if (latest.isEmpty()) {
            throw new IllegalArgumentException("feature group 'attributes' needs generations of template "
                    + templateId + " for the items of this dataset; none are stored. Run: augur augment --template "
                    + templateId + " --target items --workspace W …");
        }
        String[][] out = new String[itemIds.length][];
        for (int i = 0; i < itemIds.length; i++) {
            Generation g = latest.get(itemIds[i]);
            if (g == null || !g.ok() || "rejected".equals(g.reviewStatus()) || g.parsedJson().isBlank()) {
                out[i] = new String[0];
                continue;
            }
            List<String> tokens = new ArrayList<>();
            try {
                flatten("", JSON.readTree(g.parsedJson()), tokens);
            } catch (JsonProcessingException e) {
                // a stored output that no longer parses contributes no tokens
            }
            out[i] = tokens.toArray(new String[0]);
        }
        return out;
    }

    private static void flatten(String path, JsonNode node, List<String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (JsonNode x : node) {
                flatten(path, x, out);
            }
        } else if (node.isValueNode()) {
            String v = node.asText().trim().toLowerCase(Locale.ROOT);
            if (!v.isEmpty() && v.length() <= 60) {
                out.add(path + "=" + v);
            }
        }
    }

    private long store(RankingData data, Request request, Split split, CtrReport report, Map<String, String> sources) {
        Map<String, Object> protocol = new LinkedHashMap<>(request.protocol().toMap());
        protocol.put("dataset", data.dataset());
        protocol.put("labels", request.labels().describe());
        protocol.put("split_notes", split.notes());
        protocol.put("feature_sources", sources);
        try {
            StoredRun run = workspace.evalRuns().put(new StoredRun(0, data.datasetId(), "ctr", request.label(),
                    JSON.writeValueAsString(protocol), JSON.writeValueAsString(report.toMap()), ""));
            return run.id();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the CTR run as JSON", e);
        }
    }
}
