package dev.augur.cli;

import dev.augur.core.bench.FixedCapacityLlmServer;
import dev.augur.core.dataset.ImportOptions;
import dev.augur.core.dataset.ImportService;
import dev.augur.core.dataset.Importers;
import dev.augur.core.dataset.sample.SampleDataGenerator;
import dev.augur.core.dataset.sample.SampleSpec;
import dev.augur.core.store.GenerationFilter;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.augur.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch killed with SIGKILL (kill -9) in the middle, then run again: the second run calls the model only for the
 * items the first did not commit, and the workspace ends with one generation per item.
 */
class AugmentKillTest {
    @TempDir
    Path dir;

    @Test
    void aKilledBatchResumesWithoutRepeatingCommittedItems() throws Exception {
        Path data = dir.resolve("data");
        SampleDataGenerator.write(data, new SampleSpec(7, 60, 10, 100, 3, 0.1));
        Path ws = dir.resolve("w.augur");
        try (Workspace w = Workspace.open(ws)) {
            new ImportService(Importers.standard()).run(w, data, ImportOptions.defaults(), TaskMonitor.NONE);
        }
        try (FixedCapacityLlmServer server = new FixedCapacityLlmServer(2, Duration.ofMillis(60))) {
            List<String> args = List.of("augment", "--workspace", ws.toString(), "--template", "genre-item-summary",
                    "--target", "items", "--base-url", server.baseUrl().toString(), "--model", "bench", "--concurrency", "2");
            List<String> command = new java.util.ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.augur.Main"));
            command.addAll(args);
            Process child = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child.log").toFile()).start();
            long committed = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (committed < 15 && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(50);
                committed = count(ws);
            }
            assertThat(child.isAlive()).as("the batch was still running when killed").isTrue();
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no last commit
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            long before = count(ws);
            assertThat(before).isBetween(15L, 59L);
            Thread.sleep(200); // requests the killed child had in flight still finish on the server side
            long servedBefore = server.served();

            CliTest.Run again = cli(concat(args, "--json"));
            assertThat(again.exit()).as(again.err()).isZero();
            JsonNode r = again.json();
            assertThat(r.get("generated").asLong()).isEqualTo(60 - before);
            assertThat(r.get("cached").asLong()).isEqualTo(before);
            assertThat(r.get("llm_calls").asLong()).isEqualTo(60 - before);
            assertThat(server.served() - servedBefore).isEqualTo(60 - before);
            assertThat(count(ws)).isEqualTo(60);
        }
    }

    private static long count(Path ws) {
        try (Workspace w = Workspace.open(ws)) {
            return w.generations().list(GenerationFilter.all(), 0, 1).total();
        }
    }

    private static String[] concat(List<String> args, String more) {
        List<String> all = new java.util.ArrayList<>(args);
        all.add(more);
        return all.toArray(String[]::new);
    }
}
