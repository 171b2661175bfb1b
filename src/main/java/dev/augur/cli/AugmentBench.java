package dev.augur.cli;

import dev.augur.app.AppServices;
import dev.augur.core.bench.AugmentBenchmark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "augment", description = "The augmentation batch runner against a local OpenAI-compatible server with a"
        + " fixed delay and a fixed number of slots (its capacity), measured in the same run.")
final class AugmentBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--items", defaultValue = "1000", description = "Items per run (default ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--concurrency", defaultValue = "8", description = "Runner concurrency (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--capacity", defaultValue = "8", description = "Server slots (default ${DEFAULT-VALUE}).")
    int capacity;

    @Option(names = "--delay-ms", defaultValue = "50", description = "Server delay per request (default ${DEFAULT-VALUE}).")
    int delayMs;

    @Option(names = "--runs", defaultValue = "3", description = "Runs; medians reported (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--json", description = "Print one JSON object on the last line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("augur-bench-augment");
        ConsoleProgress progress = ConsoleProgress.forTerminal(spec.commandLine().getErr());
        AugmentBenchmark.Result r;
        try (AppServices services = new AppServices()) {
            r = new AugmentBenchmark().run(items, concurrency, capacity, Duration.ofMillis(delayMs), runs, work,
                    services.imports(), progress);
        } finally {
            progress.done();
        }
        if (json) {
            ObjectNode o = JsonOut.object();
            o.put("benchmark", "augment");
            o.put("items", r.items());
            o.put("concurrency", r.concurrency());
            o.put("server_capacity_per_second", r.capacityPerSecond());
            o.put("items_per_second", Math.round(r.medianItemsPerSecond() * 10) / 10.0);
            o.put("ratio", Math.round(r.ratio() * 1000) / 1000.0);
            JsonOut.print(out, o);
        } else {
            out.printf(Locale.ROOT, "bench augment: %d items, concurrency %d, server %d slots × %d ms = %.0f requests/s%n",
                    r.items(), r.concurrency(), r.capacity(), r.delayMillis(), r.capacityPerSecond());
            out.printf(Locale.ROOT, "  runner %.1f items/s (median; runs %s s), ratio to the server's capacity %.2f%n",
                    r.medianItemsPerSecond(), BenchCommand.fmt(r.seconds()), r.ratio());
        }
        return 0;
    }
}
