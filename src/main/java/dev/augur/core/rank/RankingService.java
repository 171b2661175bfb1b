package dev.augur.core.rank;

import dev.augur.core.store.InteractionColumns;
import dev.augur.core.store.ItemCatalog;
import dev.augur.core.store.StoredRun;
import dev.augur.core.store.VectorMatrix;
import dev.augur.core.store.VectorSetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.store.WorkspaceException;
import dev.augur.core.task.TaskMonitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a dataset for ranking, fits and evaluates models under a protocol, and stores each run with its protocol.
 * Used by the {@code evaluate} and {@code recommend} commands and the Rankings view alike.
 */
public final class RankingService {
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.INDENT_OUTPUT, false);

    private final Workspace workspace;
    private final Recommenders recommenders;

    public RankingService(Workspace workspace, Recommenders recommenders) {
        this.workspace = workspace;
        this.recommenders = recommenders;
    }

    public Recommenders recommenders() {
        return recommenders;
    }

    /**
     * Loads dataset {@code datasetId}: observed interactions (plus accepted synthetic ones when
     * {@code withSynthetic}), every item, and the item text vectors named by {@code textVectors}
     * ({@code kind:field:encoder}; "" picks the most recently written item vector set, none if there is none).
     */
    public RankingData load(long datasetId, boolean withSynthetic, String textVectors) {
        String name = workspace.read().datasets().stream().filter(d -> d.id() == datasetId).map(d -> d.name())
                .findFirst().orElseThrow(() -> new WorkspaceException("no dataset " + datasetId + " in "
                        + workspace.file()));
        InteractionColumns cols = workspace.interactions().load(datasetId, withSynthetic);
        ItemCatalog catalog = workspace.interactions().catalog(datasetId);
        Interactions data = Interactions.of(cols, catalog.ids());
        SideInformation side = side(datasetId, catalog, textVectors);
        String[] users = workspace.interactions().userExternalIds(data.userIds());
        return new RankingData(datasetId, name, data, side, users, catalog.externalIds());
    }

    private SideInformation side(long datasetId, ItemCatalog catalog, String textVectors) {
        int n = catalog.size();
        Map<String, Integer> categoryIds = new LinkedHashMap<>();
        int[][] categories = new int[n][];
        for (int i = 0; i < n; i++) {
            List<String> cats = parseCategories(catalog.categoriesJson()[i]);
            int[] ids = new int[cats.size()];
            for (int c = 0; c < ids.length; c++) {
                ids[c] = categoryIds.computeIfAbsent(cats.get(c), k -> categoryIds.size());
            }
            categories[i] = ids;
        }
        String[] categoryNames = categoryIds.keySet().toArray(new String[0]);
        Optional<VectorSetInfo> set = vectorSet(datasetId, textVectors);
        if (set.isEmpty()) {
            return new SideInformation(n, 0, new float[0], new boolean[n], "", categories, categoryNames,
                    catalog.titles());
        }
        VectorSetInfo s = set.get();
        VectorMatrix m = workspace.vectors().load(datasetId, s.kind(), s.field(), s.encoder());
        int dims = m.dims();
        float[] aligned = new float[n * dims];
        boolean[] has = new boolean[n];
        for (int r = 0; r < m.size(); r++) {
            int at = catalog.indexOf(m.entityIds()[r]);
            if (at >= 0) {
                System.arraycopy(m.data(), r * dims, aligned, at * dims, dims);
                has[at] = true;
            }
        }
        return new SideInformation(n, dims, aligned, has, s.kind() + ":" + s.field() + ":" + s.encoder(), categories,
                categoryNames, catalog.titles());
    }

    /** The item vector set {@code spec} names, or the latest item set of the dataset when {@code spec} is "". */
    public Optional<VectorSetInfo> vectorSet(long datasetId, String spec) {
        List<VectorSetInfo> sets = workspace.vectors().sets().stream().filter(s -> s.datasetId() == datasetId)
                .toList();
        if (spec == null || spec.isBlank()) {
            return sets.stream().filter(s -> s.kind().equals("item"))
                    .max(Comparator.comparing(VectorSetInfo::updatedAt));
        }
        String[] p = spec.split(":", 3);
        if (p.length != 3) {
            throw new IllegalArgumentException("name a vector set as kind:field:encoder, e.g. item:default:minilm-q,"
                    + " not '" + spec + "'");
        }
        return Optional.of(sets.stream().filter(s -> s.kind().equals(p[0]) && s.field().equals(p[1])
                        && s.encoder().equals(p[2])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no vector set " + spec + " in this dataset; it has "
                        + sets.stream().map(s -> s.kind() + ":" + s.field() + ":" + s.encoder()).toList())));
    }

    private static List<String> parseCategories(String json) {
        if (json == null || json.isBlank() || json.equals("[]")) {
            return List.of();
        }
        try {
            List<Object> raw = JSON.readValue(json, new TypeReference<List<Object>>() { });
            List<String> out = new ArrayList<>(raw.size());
            for (Object o : raw) {
                if (o != null && !o.toString().isBlank()) {
                    out.add(o.toString());
                }
            }
            return out;
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    /**
     * Loads, splits, fits and evaluates every requested model, then stores the run. Progress: one share per model,
     * split between fitting and evaluation.
     */
    public EvalRun evaluate(EvalRequest request, TaskMonitor monitor) {
        monitor.message("Loading interactions");
        RankingData data = load(request.datasetId(), request.protocol().filters().withSynthetic(),
                request.textVectors());
        return evaluate(data, request, monitor);
    }

    /** As {@link #evaluate(EvalRequest, TaskMonitor)} on data already loaded. */
    public EvalRun evaluate(RankingData data, EvalRequest request, TaskMonitor monitor) {
        monitor.checkCancelled();
        monitor.message("Splitting: " + request.protocol().split().describe());
        Split split = Splitter.split(data.interactions(), request.protocol());
        TrainingData training = TrainingData.of(split, data.side(), request.threads());
        List<EvalResult> results = new ArrayList<>();
        Map<String, Recommender> fitted = new LinkedHashMap<>();
        int models = request.models().size();
        for (int m = 0; m < models; m++) {
            String name = request.models().get(m);
            Recommender model = recommenders.create(name, request.params());
            int index = m;
            if (model instanceof NeedsData needs) {
                needs.bind(data);
            }
            monitor.message("Fitting " + name + " (" + (m + 1) + " of " + models + ")");
            long t0 = System.nanoTime();
            model.fit(training, share(monitor, index * 2, models * 2));
            double fitSeconds = (System.nanoTime() - t0) / 1e9;
            monitor.checkCancelled();
            monitor.message("Evaluating " + name + " (" + (m + 1) + " of " + models + ")");
            EvalResult r = new Evaluator(request.threads()).evaluate(split, model, share(monitor, index * 2 + 1,
                    models * 2)).withFitSeconds(fitSeconds);
            if (model instanceof ReportsExtra extra) {
                r = r.withExtra(extra.report());
            }
            results.add(r);
            fitted.put(name, model);
        }
        long runId = store(data, request, split, results);
        return new EvalRun(runId, data, split, results, fitted);
    }

    /** A model that needs the loaded data itself (the LLM re-ranker's cache maps users to workspace ids). */
    public interface NeedsData {
        void bind(RankingData data);
    }

    /** A model that adds counts of its own to its result (the LLM re-ranker's invalid and invented ids). */
    public interface ReportsExtra {
        Map<String, Object> report();
    }

    private long store(RankingData data, EvalRequest request, Split split, List<EvalResult> results) {
        Map<String, Object> protocol = new LinkedHashMap<>(request.protocol().toMap());
        protocol.put("dataset", data.dataset());
        protocol.put("text_vectors", data.side().textSource());
        protocol.put("split_notes", split.notes());
        Map<String, Object> models = new LinkedHashMap<>();
        for (EvalResult r : results) {
            models.put(r.model(), r.toMap());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("models", models);
        try {
            StoredRun run = workspace.evalRuns().put(new StoredRun(0, data.datasetId(), "ranking", request.label(),
                    JSON.writeValueAsString(protocol), JSON.writeValueAsString(body), ""));
            return run.id();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the run as JSON", e);
        }
    }

    /** A stored run's protocol and per-model results, parsed. */
    public static StoredResults parse(StoredRun run) {
        try {
            Map<String, Object> protocol = JSON.readValue(run.protocolJson(), new TypeReference<>() { });
            Map<String, Object> body = JSON.readValue(run.resultsJson(), new TypeReference<>() { });
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> models = (Map<String, Map<String, Object>>) body.getOrDefault("models",
                    Map.of());
            return new StoredResults(run, protocol, models);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored run " + run.id() + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** A stored run read back: its protocol map and, per model, its result map (metrics, timings, slices). */
    public record StoredResults(StoredRun run, Map<String, Object> protocol, Map<String, Map<String, Object>> models) {
        public String describe() {
            return String.valueOf(protocol.getOrDefault("description", ""));
        }
    }

    /**
     * Fits {@code model} on all of the data (no hold-out), as a production recommender would be, and returns
     * {@code user}'s top {@code k} unseen items.
     */
    public List<Recommendation> recommendFromAll(RankingData data, String modelName, Map<String, String> params,
                                                 int user, int k, int threads, long seed, TaskMonitor monitor) {
        Protocol all = new Protocol(new SplitSpec.LeaveLastOut(), Filters.NONE, seed, EvalMode.FULL, List.of(k),
                "test", 0);
        Interactions d = data.interactions();
        Csr everything = d.matrix();
        Split split = new Split(d, all, everything, Csr.empty(d.numUsers(), d.numItems()),
                Csr.empty(d.numUsers(), d.numItems()), new boolean[d.numItems()], "all interactions in training");
        Recommender model = recommenders.create(modelName, params);
        if (model instanceof NeedsData needs) {
            needs.bind(data);
        }
        model.fit(TrainingData.of(split, data.side(), threads), monitor);
        return Recommendations.top(data, split, model, user, k, 3);
    }

    /** Progress of part {@code index} of {@code parts} equal parts of the whole. */
    private static TaskMonitor share(TaskMonitor whole, int index, int parts) {
        return new TaskMonitor() {
            @Override public void progress(long done, long total) {
                double f = total > 0 ? Math.min(1.0, (double) done / total) : 0;
                whole.progress(Math.round((index + f) * 1000), parts * 1000L);
            }

            @Override public void message(String message) {
                whole.message(message);
            }

            @Override public boolean isCancelled() {
                return whole.isCancelled();
            }
        };
    }
}
