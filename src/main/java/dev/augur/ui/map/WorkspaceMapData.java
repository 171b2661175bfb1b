package dev.augur.ui.map;

import dev.augur.core.projection.KMeans;
import dev.augur.core.projection.NeighbourhoodChange;
import dev.augur.core.projection.NeighbourhoodChanges;
import dev.augur.core.projection.Projection;
import dev.augur.core.projection.ProjectionMethod;
import dev.augur.core.projection.ProjectionService;
import dev.augur.core.projection.UmapParams;
import dev.augur.core.store.ItemMapAttributes;
import dev.augur.core.store.VectorMatrix;
import dev.augur.core.store.VectorSetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The map's data from a workspace: one space per item vector set (item text, pooled reviews, item profiles) and
 * layout (UMAP first, then PCA); layouts are computed once and cached in the workspace by {@link ProjectionService}.
 * Points carry the item's attributes for colouring: first category, observed interactions (popularity), cold (none),
 * synthetic rows, and a k-means cluster of the 2-D layout.
 */
public final class WorkspaceMapData implements MapDataSource {
    /** Vector kinds whose entities are items. */
    static final Set<String> ITEM_KINDS = Set.of("item", "item-reviews", "item-profile");
    static final int CLUSTERS = 12;
    static final int CHANGE_K = 10;

    private final Path file;
    private final ProjectionService projections;

    /** Each call opens the workspace for its own duration, as the app's other background jobs do. */
    public WorkspaceMapData(Path file, ProjectionService projections) {
        this.file = file;
        this.projections = projections;
    }

    @Override
    public List<MapSpace> spaces() {
        try (Workspace workspace = Workspace.open(file)) {
            return spaces(workspace);
        }
    }

    private static List<MapSpace> spaces(Workspace workspace) {
        List<VectorSetInfo> sets = new ArrayList<>();
        for (VectorSetInfo s : workspace.vectors().sets()) {
            if (ITEM_KINDS.contains(s.kind())) {
                sets.add(s);
            }
        }
        sets.sort(Comparator.comparing(VectorSetInfo::updatedAt).reversed());
        List<MapSpace> out = new ArrayList<>();
        for (ProjectionMethod method : List.of(ProjectionMethod.UMAP, ProjectionMethod.PCA)) {
            for (VectorSetInfo s : sets) {
                out.add(new MapSpace(key(s, method), s.dataset(), label(s, method)));
            }
        }
        return out;
    }

    static String label(VectorSetInfo s, ProjectionMethod method) {
        String what = switch (s.kind()) {
            case "item-reviews" -> "reviews";
            case "item-profile" -> "profile " + s.field();
            default -> s.field();
        };
        return s.encoder() + " · " + what + " · " + method.name() + " (" + String.format("%,d", s.count()) + ")";
    }

    private static String key(VectorSetInfo s, ProjectionMethod method) {
        return s.datasetId() + "\u0001" + s.kind() + "\u0001" + s.field() + "\u0001" + s.encoder() + "\u0001" + method.name();
    }

    private record Key(VectorSetInfo set, ProjectionMethod method) {
    }

    private static Key resolve(Workspace workspace, MapSpace space) {
        String[] k = space.key().split("\u0001", -1);
        long dataset = Long.parseLong(k[0]);
        VectorSetInfo set = workspace.vectors().sets().stream()
                .filter(s -> s.datasetId() == dataset && s.kind().equals(k[1]) && s.field().equals(k[2]) && s.encoder().equals(k[3]))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the vectors behind \"" + space.label() + "\" are gone from the workspace"));
        return new Key(set, ProjectionMethod.valueOf(k[4]));
    }

    @Override
    public MapPoints load(MapSpace space, TaskMonitor monitor) {
        try (Workspace workspace = Workspace.open(file)) {
            return load(workspace, space, monitor);
        }
    }

    private MapPoints load(Workspace workspace, MapSpace space, TaskMonitor monitor) {
        Key key = resolve(workspace, space);
        Projection p = projections.project(workspace, key.set(), key.method(), UmapParams.DEFAULTS, monitor);
        monitor.checkCancelled();
        ItemMapAttributes attrs = workspace.read().itemMapAttributes(key.set().datasetId());
        int n = p.size();
        long[] ids = p.entityIds();
        String[] titles = new String[n];
        String[] external = new String[n];
        String[] category = new String[n];
        int[] popularity = new int[n];
        boolean[] cold = new boolean[n];
        boolean[] synthetic = new boolean[n];
        String[] annotation = new String[n];
        for (int i = 0; i < n; i++) {
            int a = attrs.indexOf(ids[i]);
            if (a < 0) {
                titles[i] = "";
                external[i] = Long.toString(ids[i]);
                category[i] = "";
            } else {
                titles[i] = attrs.titles()[a];
                external[i] = attrs.externalIds()[a];
                category[i] = attrs.firstCategory()[a].isEmpty() ? "(none)" : attrs.firstCategory()[a];
                popularity[i] = attrs.interactions()[a];
                cold[i] = attrs.interactions()[a] == 0;
                synthetic[i] = attrs.synthetic()[a] > 0;
            }
            annotation[i] = synthetic[i] ? "synthetic, unreviewed" : "none"; // the review queue fills this in
        }
        monitor.message("Clustering " + n + " points");
        int[] cluster = n == 0 ? new int[0] : KMeans.cluster(p.xy(), n, 2, Math.min(CLUSTERS, n), 42);
        return new MapPoints(ids, p.xy(), titles, external, category, popularity, cold, synthetic, annotation, cluster);
    }

    @Override
    public float[] neighbourhoodChange(MapSpace a, MapSpace b, TaskMonitor monitor) {
        try (Workspace workspace = Workspace.open(file)) {
            return neighbourhoodChange(workspace, a, b, monitor);
        }
    }

    private static float[] neighbourhoodChange(Workspace workspace, MapSpace a, MapSpace b, TaskMonitor monitor) {
        Key ka = resolve(workspace, a);
        Key kb = resolve(workspace, b);
        VectorMatrix ma = workspace.vectors().load(ka.set().datasetId(), ka.set().kind(), ka.set().field(), ka.set().encoder());
        VectorMatrix mb = workspace.vectors().load(kb.set().datasetId(), kb.set().kind(), kb.set().field(), kb.set().encoder());
        NeighbourhoodChanges changes = NeighbourhoodChange.score(ma, mb, CHANGE_K, NeighbourhoodChange.DEFAULT_PCA_DIMS, monitor);
        Map<Long, Float> byId = new HashMap<>(changes.size() * 2);
        for (int i = 0; i < changes.size(); i++) {
            byId.put(changes.entityIds()[i], changes.changed()[i]);
        }
        // one score per point of load(a): the projection lists the set's entities in id order, as the matrix does
        long[] order = ma.entityIds();
        float[] out = new float[order.length];
        Arrays.fill(out, Float.NaN);
        for (int i = 0; i < order.length; i++) {
            Float c = byId.get(order[i]);
            if (c != null) {
                out[i] = c;
            }
        }
        return out;
    }
}
