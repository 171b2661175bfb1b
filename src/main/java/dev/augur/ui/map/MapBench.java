package dev.augur.ui.map;

import dev.augur.core.bench.ProjectionBenchmark;
import dev.augur.core.task.TaskMonitor;

import javafx.application.Platform;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code augur bench map [--points 100000,1000000] [--redraws 30] [--projection 10000,100000] [--json]}: the median
 * redraw time of the map canvas at each size and the projection times (PCA, UMAP) at each projection size. Lives
 * in the UI layer because it draws; {@link dev.augur.Main} routes {@code bench map} here (the command line itself
 * never depends on the UI). Needs a display (e.g. Xvfb) or the Monocle headless properties.
 */
public final class MapBench {
    private MapBench() {
    }

    public static int run(String[] args, PrintStream out) {
        int[] points = {100_000, 1_000_000};
        int[] projection = {10_000, 100_000};
        int redraws = 30;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--points" -> points = ints(args[++i]);
                case "--projection" -> {
                    String v = args[++i];
                    projection = v.equals("0") ? new int[0] : ints(v);
                }
                case "--redraws" -> redraws = Integer.parseInt(args[++i]);
                case "--json" -> json = true;
                case "-h", "--help" -> {
                    out.println("Usage: augur bench map [--points 100000,1000000] [--redraws 30] [--projection 10000,100000|0] [--json]");
                    return 0;
                }
                default -> {
                    System.err.println("error: unknown option " + args[i] + " (try --help)");
                    return 2;
                }
            }
        }
        List<String> rows = new ArrayList<>();
        StringBuilder js = new StringBuilder("{\"benchmark\":\"map\",\"pipeline\":\"")
                .append(System.getProperty("prism.order", "default")).append("\",\"redraw\":[");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        try {
            started.get(1, TimeUnit.MINUTES);
            for (int k = 0; k < points.length; k++) {
                int n = points[k];
                MapRedrawBench.redrawMillis(n, 6); // JIT warm-up
                double[] draw = MapRedrawBench.redrawMillis(n, redraws);
                double[] rendered = MapRedrawBench.renderedMillis(n, Math.max(6, redraws / 3));
                double[] peer = MapRedrawBench.fillRectPeerMillis(n, Math.max(3, redraws / 10));
                double med = MapRedrawBench.median(draw);
                double medRendered = MapRedrawBench.median(rendered);
                double medPeer = MapRedrawBench.median(peer);
                rows.add(String.format(Locale.ROOT, "  %,9d points: redraw median %6.1f ms (max %.1f; %d redraws); with rasterising median %6.1f ms;"
                                + " peer (fillRect per point, rasterised) %6.1f ms; ratio peer/augur %.1f",
                        n, med, Arrays.stream(draw).max().orElse(0), redraws, medRendered, medPeer, medPeer / medRendered));
                js.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"points\":%d,\"redraw_median_ms\":%.2f,\"redraw_max_ms\":%.2f,\"rendered_median_ms\":%.2f,\"peer_fillrect_median_ms\":%.2f}",
                        n, med, Arrays.stream(draw).max().orElse(0), medRendered, medPeer));
            }
        } catch (Exception e) {
            System.err.println("error: map benchmark failed: " + e);
            return 1;
        } finally {
            Platform.exit();
        }
        js.append("],\"projection\":[");
        for (int k = 0; k < projection.length; k++) {
            ProjectionBenchmark.Result r = ProjectionBenchmark.run(projection[k], TaskMonitor.NONE);
            rows.add(String.format(Locale.ROOT, "  %,9d points × %d dims: PCA %.2f s (trustworthiness@10 %.3f), UMAP %.1f s (%.3f)",
                    r.points(), ProjectionBenchmark.DIMS, r.pcaSeconds(), r.pcaTrust(), r.umapSeconds(), r.umapTrust()));
            js.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"points\":%d,\"pca_seconds\":%.3f,\"umap_seconds\":%.3f,\"pca_trustworthiness\":%.4f,\"umap_trustworthiness\":%.4f}",
                    r.points(), r.pcaSeconds(), r.umapSeconds(), r.pcaTrust(), r.umapTrust()));
        }
        js.append("]}");
        out.printf(Locale.ROOT, "bench map: %d×%d canvas, %s pipeline, %d cores%n", MapRedrawBench.WIDTH, MapRedrawBench.HEIGHT,
                System.getProperty("prism.order", "default"), Runtime.getRuntime().availableProcessors());
        rows.forEach(out::println);
        if (json) {
            out.println(js);
        }
        return 0;
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
    }
}
