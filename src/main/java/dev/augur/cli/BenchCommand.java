package dev.augur.cli;

import dev.augur.app.AppServices;
import dev.augur.core.bench.ImportBenchmark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "bench", description = {"Benchmarks, each beside a peer measured in the same run.",
        "Also: bench map [--points 100000,1000000] [--projection 10000,100000] [--json] (map redraw and projection"
                + " times; needs a display)."},
        subcommands = {BenchCommand.ImportBench.class, EncodeBench.class, AugmentBench.class, StartupBench.class,
                RankBench.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "import", description = "Import a generated ratings CSV; the peer is the sqlite3 shell's .import of the same file.")
    static final class ImportBench implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--rows", defaultValue = "1000000", description = "Rows in the generated file (default ${DEFAULT-VALUE}).")
        long rows;

        @Option(names = "--runs", defaultValue = "5", description = "Runs; medians are reported (default ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--dir", description = "Scratch folder (default: a new temporary folder).")
        Path dir;

        @Option(names = "--json", description = "Print one JSON object on the last line.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path work = dir != null ? dir : java.nio.file.Files.createTempDirectory("augur-bench");
            ConsoleProgress progress = ConsoleProgress.forTerminal(spec.commandLine().getErr());
            ImportBenchmark.Result r;
            try (AppServices services = new AppServices()) {
                r = new ImportBenchmark(services.imports()).run(rows, runs, work, progress);
            } finally {
                progress.done();
            }
            if (json) {
                ObjectNode o = JsonOut.object();
                o.put("benchmark", "import");
                o.put("rows", r.rows());
                o.put("runs", r.runs());
                o.put("file_bytes", r.fileBytes());
                ArrayNode a = o.putArray("augur_seconds");
                for (double s : r.augurSeconds()) {
                    a.add(s);
                }
                o.put("augur_rows_per_second", Math.round(r.augurRowsPerSecondMedian()));
                o.put("augur_committed_rows_per_second", Math.round(r.augurCommittedRowsPerSecondMedian()));
                r.sqliteSeconds().ifPresent(ps -> {
                    ArrayNode b = o.putArray("sqlite3_seconds");
                    for (double s : ps) {
                        b.add(s);
                    }
                });
                r.sqliteRowsPerSecondMedian().ifPresent(v -> o.put("sqlite3_rows_per_second", Math.round(v)));
                r.ratio().ifPresent(v -> o.put("ratio", Math.round(v * 1000) / 1000.0));
                r.sqliteIndexedRowsPerSecondMedian().ifPresent(v -> o.put("sqlite3_indexed_rows_per_second", Math.round(v)));
                r.ratioIndexed().ifPresent(v -> o.put("ratio_indexed", Math.round(v * 1000) / 1000.0));
                o.put("sqlite3_version", r.sqliteVersion());
                o.put("peak_heap_mb", r.peakHeapBytes() / (1024 * 1024));
                o.put("max_heap_mb", r.maxHeapBytes() / (1024 * 1024));
                JsonOut.print(out, o);
            } else {
                out.printf(Locale.ROOT, "bench import: %,d rows (%.1f MB), %d runs, medians%n", r.rows(), r.fileBytes() / 1e6, r.runs());
                out.printf(Locale.ROOT, "  augur import, data committed  %,12.0f rows/s  (runs: %s s), readable, indexes not yet built%n",
                        r.augurCommittedRowsPerSecondMedian(), fmt(r.augurCommittedSeconds()));
                out.printf(Locale.ROOT, "  augur import, end to end      %,12.0f rows/s  (runs: %s s), with its indexes%n",
                        r.augurRowsPerSecondMedian(), fmt(r.augurSeconds()));
                if (r.sqliteRowsPerSecondMedian().isPresent()) {
                    out.printf(Locale.ROOT, "  sqlite3 .import  %,12.0f rows/s  (runs: %s s; sqlite %s)%n",
                            r.sqliteRowsPerSecondMedian().get(), fmt(r.sqliteSeconds().get()), r.sqliteVersion());
                    out.printf(Locale.ROOT, "  sqlite3 .import + the same 2 indexes %,12.0f rows/s  (runs: %s s)%n",
                            r.sqliteIndexedRowsPerSecondMedian().get(), fmt(r.sqliteIndexedSeconds().get()));
                    out.printf(Locale.ROOT, "  ratio augur committed / sqlite3 .import = %.2f; augur end to end / sqlite3 .import + indexes = %.2f%n",
                            r.ratio().get(), r.ratioIndexed().get());
                } else {
                    out.println("  sqlite3 not installed: no peer measured (apt-get install sqlite3)");
                }
                out.printf(Locale.ROOT, "  peak heap %d MB (max heap %d MB)%n", r.peakHeapBytes() / (1024 * 1024),
                        r.maxHeapBytes() / (1024 * 1024));
            }
            return 0;
        }

    }

    /** Seconds of each run, two decimals, space-separated (every bench prints its runs). */
    static String fmt(double[] xs) {
        StringBuilder sb = new StringBuilder();
        for (double x : xs) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format(Locale.ROOT, "%.2f", x));
        }
        return sb.toString();
    }
}
