package dev.augur.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench startup}: starts the desktop app in fresh JVMs and reads, from its start-up probe, when the window
 * was shown and when it became interactive; the peer is the smallest JavaFX window started the same way.
 * The first Augur run builds the sample workspace (first start); the others open it (warm start).
 */
@Command(name = "startup", description = "Time from JVM start to Augur's window (needs a display, e.g. xvfb-run); peer: a one-label JavaFX window.")
final class StartupBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--runs", defaultValue = "5", description = "Warm runs; medians are reported (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--json", description = "Print one JSON object on the last line.")
    boolean json;

    @Option(names = "--scroll-interactions", defaultValue = "0", paramLabel = "N",
            description = "Also open a workspace of N generated interactions, scroll its Interactions table end to end and report the heap.")
    long scrollRows;

    @Override
    public Integer call() throws Exception {
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new IllegalArgumentException("bench startup opens windows and needs a display; run it under xvfb-run");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path home = Files.createTempDirectory("augur-startup");
        JsonNode first = probe("dev.augur.Main", home);
        List<JsonNode> warm = new ArrayList<>();
        List<JsonNode> peer = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            warm.add(probe("dev.augur.Main", home));
            peer.add(probe("dev.augur.ui.StartupPeer", home));
        }
        double shown = median(warm, "window_shown_ms");
        double ready = median(warm, "interactive_ms");
        double heap = median(warm, "heap_used_mb");
        double peerShown = median(peer, "window_shown_ms");
        JsonNode scroll = scrollRows > 0 ? scroll(scrollRows) : null;
        if (json) {
            ObjectNode o = JsonOut.object();
            if (scroll != null) {
                o.set("scroll", scroll);
            }
            o.put("benchmark", "startup");
            o.put("runs", runs);
            o.set("first_start", first);
            o.put("window_shown_ms", shown);
            o.put("interactive_ms", ready);
            o.put("heap_used_mb", heap);
            o.put("peer_window_shown_ms", peerShown);
            o.put("ratio", Math.round(shown / peerShown * 100) / 100.0);
            JsonOut.print(out, o);
        } else {
            out.printf(Locale.ROOT, "bench startup: %d warm runs, medians (ms after the JVM started)%n", runs);
            out.printf(Locale.ROOT, "  first start (builds the sample): window %s ms, interactive %s ms%n",
                    first.get("window_shown_ms"), first.get("interactive_ms"));
            out.printf(Locale.ROOT, "  Augur window shown %.0f ms, interactive %.0f ms, heap in use %.0f MB; runs: %s%n",
                    shown, ready, heap, values(warm, "interactive_ms"));
            out.printf(Locale.ROOT, "  peer (one-label JavaFX window) shown %.0f ms; runs: %s%n", peerShown,
                    values(peer, "window_shown_ms"));
            out.printf(Locale.ROOT, "  ratio Augur window / peer window = %.2f%n", shown / peerShown);
            if (scroll != null) {
                out.printf(Locale.ROOT, "  %,d interactions: interactive %s ms, scrolled end to end in %s ms, heap after %s MB,"
                                + " peak %s MB (max heap %s)%n", scroll.get("rows").asLong(), scroll.get("interactive_ms"),
                        scroll.get("scroll_ms"), scroll.get("heap_after_scroll_mb"), scroll.get("heap_peak_mb"), "512 MB");
            }
        }
        return 0;
    }

    /** Imports N generated interactions into a workspace the app opens as its last one, then scrolls it. */
    private static JsonNode scroll(long rows) throws Exception {
        Path home = Files.createTempDirectory("augur-scroll");
        Path csv = dev.augur.core.bench.RatingsFile.write(home.resolve("ratings.csv"), rows, 42);
        Path ws = home.resolve("big.augur");
        try (dev.augur.app.AppServices services = new dev.augur.app.AppServices();
             dev.augur.core.store.Workspace w = dev.augur.core.store.Workspace.open(ws)) {
            services.imports().run(w, csv, dev.augur.core.dataset.ImportOptions.defaults().withFormat("csv"),
                    dev.augur.core.task.TaskMonitor.NONE);
        }
        Files.delete(csv);
        dev.augur.app.Settings settings = new dev.augur.app.Settings();
        settings.rememberWorkspace(ws.toString());
        new dev.augur.app.SettingsStore(home.resolve("settings.json")).save(settings);
        return probe("dev.augur.Main", home, "-Daugur.probe.scroll=true", "-Xmx512m");
    }

    /** Runs one JVM with the probe on and returns what it wrote. */
    private static JsonNode probe(String mainClass, Path home, String... jvmArgs) throws Exception {
        Path result = Files.createTempFile(home, "probe", ".json");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Daugur.probe=" + result, "-Daugur.home=" + home));
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(mainClass + " did not become interactive within 120 s");
        }
        String text = Files.readString(result).strip();
        if (text.isEmpty()) {
            throw new IllegalStateException(mainClass + " exited (" + p.exitValue() + ") without writing its probe");
        }
        return JsonOut.MAPPER.readTree(text);
    }

    private static double median(List<JsonNode> xs, String key) {
        return dev.augur.core.bench.ImportBenchmark.median(xs.stream().mapToDouble(n -> n.get(key).asDouble()).toArray());
    }

    private static String values(List<JsonNode> xs, String key) {
        return Arrays.toString(xs.stream().mapToLong(n -> n.get(key).asLong()).toArray());
    }
}
