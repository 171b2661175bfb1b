package dev.augur.cli;

import dev.augur.app.AppServices;
import dev.augur.core.bench.EncodeBenchmark;
import dev.augur.core.encode.EncoderModel;
import dev.augur.core.encode.ModelRegistry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "encode", description = "Sentences/s of each bundled encoder beside a plain DJL + ONNX Runtime loop over"
        + " the same model in the same run; optionally a whole catalogue encode with its peak heap.")
final class EncodeBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--texts", defaultValue = "2000", description = "Texts of about 30 words (default ${DEFAULT-VALUE}).")
    int texts;

    @Option(names = "--runs", defaultValue = "3", description = "Runs per model; medians reported (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--models", defaultValue = "minilm,minilm-q,bge-small,bge-small-q", split = ",",
            description = "Models to measure (default ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--items", defaultValue = "0",
            description = "Also generate, import and encode a catalogue of this many items (e.g. 100000), reporting peak heap.")
    int items;

    @Option(names = "--catalogue-model", defaultValue = "minilm-q", description = "Model for --items (default ${DEFAULT-VALUE}).")
    String catalogueModel;

    @Option(names = "--dir", description = "Scratch folder for --items (default: a new temporary folder).")
    Path dir;

    @Option(names = "--json", description = "Print one JSON object on the last line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<EncoderModel> ms = new ArrayList<>();
        for (String m : models) {
            if (!m.isBlank()) {
                ms.add(ModelRegistry.byId(m.trim()));
            }
        }
        EncodeBenchmark bench = new EncodeBenchmark();
        ConsoleProgress progress = ConsoleProgress.forTerminal(spec.commandLine().getErr());
        List<EncodeBenchmark.ModelResult> results;
        EncodeBenchmark.CatalogueResult catalogue = null;
        try {
            results = ms.isEmpty() || texts <= 0 ? List.of() : bench.throughput(ms, texts, runs, progress);
            if (items > 0) {
                Path work = dir != null ? dir : java.nio.file.Files.createTempDirectory("augur-bench-encode");
                try (AppServices services = new AppServices()) {
                    catalogue = bench.catalogue(items, catalogueModel, work, services.imports(), progress);
                }
            }
        } finally {
            progress.done();
        }
        double fp32 = results.stream().filter(r -> r.model().equals("minilm")).mapToDouble(EncodeBenchmark.ModelResult::augurPerSecond).findFirst().orElse(0);
        double int8 = results.stream().filter(r -> r.model().equals("minilm-q")).mapToDouble(EncodeBenchmark.ModelResult::augurPerSecond).findFirst().orElse(0);
        if (json) {
            ObjectNode o = JsonOut.object();
            o.put("benchmark", "encode");
            o.put("texts", texts);
            o.put("runs", runs);
            ArrayNode a = o.putArray("models");
            for (var r : results) {
                ObjectNode x = a.addObject();
                x.put("model", r.model());
                x.put("device", r.device());
                x.put("augur_per_second", Math.round(r.augurPerSecond() * 10) / 10.0);
                x.put("plain_djl_per_second", Math.round(r.plainPerSecond() * 10) / 10.0);
                x.put("ratio", Math.round(r.ratio() * 1000) / 1000.0);
                x.put("tokens", r.tokens());
                ArrayNode s1 = x.putArray("augur_seconds");
                for (double s : r.augurSeconds()) {
                    s1.add(s);
                }
                ArrayNode s2 = x.putArray("plain_seconds");
                for (double s : r.plainSeconds()) {
                    s2.add(s);
                }
            }
            if (fp32 > 0 && int8 > 0) {
                o.put("minilm_int8_over_fp32", Math.round(int8 / fp32 * 1000) / 1000.0);
            }
            if (catalogue != null) {
                ObjectNode c = o.putObject("catalogue");
                c.put("items", catalogue.items());
                c.put("model", catalogue.model());
                c.put("encoded", catalogue.report().encoded());
                c.put("seconds", catalogue.report().seconds());
                c.put("per_second", catalogue.report().perSecond());
                c.put("peak_heap_mb", catalogue.peakHeapBytes() / (1024 * 1024));
                c.put("max_heap_mb", catalogue.maxHeapBytes() / (1024 * 1024));
            }
            JsonOut.print(out, o);
        } else {
            out.printf(Locale.ROOT, "bench encode: %,d texts of about 30 words, %d runs, medians (%d cores)%n", texts, runs,
                    Runtime.getRuntime().availableProcessors());
            for (var r : results) {
                out.printf(Locale.ROOT, "  %-12s augur %7.1f/s   plain DJL loop %7.1f/s   ratio %.2f   (%s; runs augur %s s, plain %s s)%n",
                        r.model(), r.augurPerSecond(), r.plainPerSecond(), r.ratio(), r.device(), BenchCommand.fmt(r.augurSeconds()), BenchCommand.fmt(r.plainSeconds()));
            }
            if (fp32 > 0 && int8 > 0) {
                out.printf(Locale.ROOT, "  minilm int8 / fp32 = %.2f%n", int8 / fp32);
            }
            if (catalogue != null) {
                out.printf(Locale.ROOT, "  catalogue: %,d items encoded with %s in %.1f s (%.1f/s); peak heap %d MB (max heap %d MB)%n",
                        catalogue.report().encoded(), catalogue.model(), catalogue.report().seconds(), catalogue.report().perSecond(),
                        catalogue.peakHeapBytes() / (1024 * 1024), catalogue.maxHeapBytes() / (1024 * 1024));
            }
        }
        return 0;
    }
}
