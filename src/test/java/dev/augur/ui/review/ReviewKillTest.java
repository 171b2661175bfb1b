package dev.augur.ui.review;

import dev.augur.core.dataset.ImportOptions;
import dev.augur.core.dataset.ImportService;
import dev.augur.core.dataset.Importers;
import dev.augur.core.dataset.sample.SampleDataGenerator;
import dev.augur.core.dataset.sample.SampleSpec;
import dev.augur.core.store.EntityRef;
import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.ReviewDecision;
import dev.augur.core.store.SyntheticProposal;
import dev.augur.core.store.SyntheticRow;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A review session killed with SIGKILL in the middle of annotating: every decision it reported as committed is in
 * the audit log, in order, and every row's status and value are what its last logged decision left.
 */
class ReviewKillTest {
    private static final Pattern COMMITTED = Pattern.compile("committed (\\d+) (\\d+) (\\w+)");

    @TempDir
    Path dir;

    record Printed(long decision, long interaction, String action) {
    }

    @Test
    void killingTheAppMidAnnotationLosesNoCommittedDecision() throws Exception {
        Path data = dir.resolve("data");
        SampleDataGenerator.write(data, new SampleSpec(11, 200, 40, 400, 3, 0.2));
        Path file = dir.resolve("w.augur");
        long ds;
        try (Workspace ws = Workspace.open(file)) {
            new ImportService(Importers.standard()).run(ws, data, ImportOptions.defaults(), TaskMonitor.NONE);
            ds = ws.read().datasets().get(0).id();
            List<EntityRef> users = ws.read().entityIdsAfter(ds, "user", 0, 1000);
            List<SyntheticProposal> proposals = new ArrayList<>();
            for (ItemRecord item : ws.read().itemsAfter(ds, 0, 1000)) {
                if (item.interactions() == 0) { // the cold items, each proposed to every user
                    for (EntityRef u : users) {
                        proposals.add(new SyntheticProposal(u.id(), item.id(), 4, "llm", "cold-items", "tiny", 0.7,
                                "fits the user's topic", 0.5, 0.2, 0, "", 0));
                    }
                }
            }
            assertThat(ws.synthetic().add(ds, proposals).created()).isGreaterThan(1000);
        }

        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true",
                ReviewKillChild.class.getName(), file.toString());
        Process child = new ProcessBuilder(command).redirectError(dir.resolve("child.err").toFile()).start();
        List<Printed> printed = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    Matcher mt = COMMITTED.matcher(line);
                    if (mt.matches()) {
                        printed.add(new Printed(Long.parseLong(mt.group(1)), Long.parseLong(mt.group(2)), mt.group(3)));
                    }
                }
            } catch (java.io.IOException ignored) {
                // the pipe breaks when the child is killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (printed.size() < 60 && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as("the session was still annotating when killed; see " + dir.resolve("child.err"))
                .isTrue();
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, nothing flushed on the way out
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        reader.join(5000);
        List<Printed> seen = List.copyOf(printed);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(60);
        assertThat(seen).extracting(Printed::action).contains("accept", "reject", "edit", "undo", "skip");

        try (Workspace ws = Workspace.open(file)) {
            List<ReviewDecision> log = ws.annotations().auditLog(ds);
            // what the screen reported is the start of the log, in order; at most the decisions on their way when
            // the kill came follow it
            assertThat(log.size()).isGreaterThanOrEqualTo(seen.size());
            for (int i = 0; i < seen.size(); i++) {
                ReviewDecision d = log.get(i);
                assertThat(new Printed(d.id(), d.interactionId(), d.action())).isEqualTo(seen.get(i));
                assertThat(d.annotator()).isEqualTo("kim");
            }
            Map<Long, ReviewDecision> last = new LinkedHashMap<>();
            log.forEach(d -> last.put(d.interactionId(), d));
            for (ReviewDecision d : last.values()) {
                SyntheticRow row = ws.synthetic().get(d.interactionId()).orElseThrow();
                assertThat(row.status()).as("status of " + d.interactionId()).isEqualTo(d.afterStatus());
                assertThat(row.value()).as("value of " + d.interactionId()).isEqualTo(d.afterValue());
            }
            assertThat(last.values()).extracting(ReviewDecision::afterStatus).contains("accepted", "rejected");
        }
    }
}
