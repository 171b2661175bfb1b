package dev.augur.core.bench;

import dev.augur.core.augment.AugmentReport;
import dev.augur.core.augment.AugmentRequest;
import dev.augur.core.augment.AugmentService;
import dev.augur.core.augment.AugmentTarget;
import dev.augur.core.augment.TemplateRegistry;
import dev.augur.core.dataset.ImportOptions;
import dev.augur.core.dataset.ImportService;
import dev.augur.core.dataset.sample.SampleDataGenerator;
import dev.augur.core.dataset.sample.SampleSpec;
import dev.augur.core.llm.LlmClient;
import dev.augur.core.llm.LlmClients;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code bench augment}: the batch runner against {@link FixedCapacityLlmServer} (a local OpenAI-compatible server that
 * answers after a fixed delay with a fixed number of slots), each run on a fresh workspace so nothing is cached;
 * throughput is compared with the server's capacity (slots / delay), measured in the same process.
 */
public final class AugmentBenchmark {

    public record Result(int items, int concurrency, int capacity, long delayMillis, double capacityPerSecond,
                         double[] seconds, double[] itemsPerSecond, long llmCalls) {
        public double medianItemsPerSecond() {
            return ImportBenchmark.median(itemsPerSecond);
        }

        public double ratio() {
            return medianItemsPerSecond() / capacityPerSecond;
        }
    }

    public Result run(int items, int concurrency, int capacity, Duration delay, int runs, Path workDir,
                      ImportService imports, TaskMonitor monitor) {
        try {
            Files.createDirectories(workDir);
            Path data = workDir.resolve("catalogue");
            SampleDataGenerator.write(data, new SampleSpec(42, items, Math.max(10, items / 10), Math.max(items, items / 10 * 10), 3, 0.1));
            double[] seconds = new double[runs];
            double[] rate = new double[runs];
            long calls = 0;
            try (FixedCapacityLlmServer server = new FixedCapacityLlmServer(capacity, delay)) {
                for (int r = 0; r < runs; r++) {
                    Path ws = workDir.resolve("augment-" + r + ".augur");
                    Files.deleteIfExists(ws);
                    try (Workspace w = Workspace.open(ws); LlmClient client = LlmClients.http(server.baseUrl(), "bench")) {
                        imports.run(w, data, ImportOptions.defaults(), TaskMonitor.NONE);
                        monitor.message("Run " + (r + 1) + "/" + runs + ": " + items + " items at concurrency " + concurrency);
                        AugmentRequest request = AugmentRequest.of("kar-item-knowledge", AugmentTarget.ITEMS)
                                .withConcurrency(concurrency).withTimeout(Duration.ofSeconds(30));
                        AugmentReport report = new AugmentService(new TemplateRegistry()).run(w, request, client, TaskMonitor.NONE);
                        if (report.generated() != items) {
                            throw new IllegalStateException("bench augment generated " + report.generated() + " of " + items
                                    + " (failed " + report.failed() + ")");
                        }
                        seconds[r] = report.seconds();
                        rate[r] = report.llmCalls() / report.seconds();
                        calls += report.llmCalls();
                    }
                    Files.deleteIfExists(ws);
                    monitor.progress(r + 1, runs);
                }
                return new Result(items, concurrency, capacity, delay.toMillis(), server.capacityPerSecond(), seconds, rate, calls);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
