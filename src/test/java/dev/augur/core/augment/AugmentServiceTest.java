package dev.augur.core.augment;

import dev.augur.core.augment.AugmentFixtures.FakeLlm;
import dev.augur.core.llm.LlmException;
import dev.augur.core.store.Generation;
import dev.augur.core.store.GenerationCounts;
import dev.augur.core.store.GenerationFilter;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.augur.core.augment.AugmentFixtures.GOOD_ITEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Batch augmentation against a fake model: cache, retries, failures, resume, concurrency, re-ask, estimate. */
class AugmentServiceTest {
    @TempDir
    Path dir;

    private final AugmentService service = new AugmentService(new TemplateRegistry(), new PromptRenderer(),
            Duration.ofMillis(1), Duration.ofMillis(5));

    private static AugmentRequest items() {
        return AugmentRequest.of("kar-item-knowledge", AugmentTarget.ITEMS);
    }

    @Test
    void generatesStoresAndASecondRunWithTheSameKeyMakesNoCalls() {
        try (Workspace ws = AugmentFixtures.shop(dir.resolve("a.augur"), 0)) {
            FakeLlm llm = FakeLlm.always(GOOD_ITEM);
            AugmentReport first = service.run(ws, items(), llm, TaskMonitor.NONE);
            assertThat(first.total()).isEqualTo(5);
            assertThat(first.generated()).isEqualTo(5);
            assertThat(first.llmCalls()).isEqualTo(5);
            assertThat(first.completionTokens()).isPositive();
            assertThat(llm.requests.get(0).jsonSchema()).isPresent();
            assertThat(llm.requests.get(0).seed()).isEqualTo(AugmentRequest.DEFAULT_SEED);

            long ds = ws.read().datasets().get(0).id();
            long k1 = ws.read().entityId(ds, "item", "k1").orElseThrow();
            Generation g = ws.generations().latest(ds, "item", k1, "kar-item-knowledge").orElseThrow();
            assertThat(g.provenance()).isEqualTo("llm");
            assertThat(g.model()).isEqualTo("fake-1");
            assertThat(g.templateVersion()).isEqualTo(1);
            assertThat(g.cacheKey()).hasSize(64);
            assertThat(g.paramsJson()).isEqualTo("{\"maxTokens\":512,\"seed\":42,\"temperature\":0.2}");
            assertThat(g.prompt()).contains("Copper Tea Kettle");
            assertThat(g.parsedJson()).contains("\"summary\":\"A kettle.\"");

            FakeLlm second = FakeLlm.always(GOOD_ITEM);
            AugmentReport again = service.run(ws, items(), second, TaskMonitor.NONE);
            assertThat(second.calls).hasValue(0);
            assertThat(again.cached()).isEqualTo(5);
            assertThat(again.generated()).isZero();

            // another seed is another key
            AugmentReport seeded = service.run(ws, items().withSeed(7).withIds(List.of("k1")), second, TaskMonitor.NONE);
            assertThat(seeded.generated()).isEqualTo(1);
            assertThat(second.calls).hasValue(1);
        }
    }

    @Test
    void retriesRateLimitedCallsAndFailsClientErrorsWithoutRetry() {
        try (Workspace ws = AugmentFixtures.shop(dir.resolve("b.augur"), 0)) {
            AtomicInteger n = new AtomicInteger();
            FakeLlm flaky = new FakeLlm(r -> {
                if (n.incrementAndGet() <= 2) {
                    throw new LlmException(LlmException.Kind.RATE_LIMITED, "slow down", Duration.ofMillis(10), null);
                }
                return GOOD_ITEM;
            }, 0);
            AugmentReport r = service.run(ws, items().withIds(List.of("k1")), flaky, TaskMonitor.NONE);
            assertThat(r.generated()).isEqualTo(1);
            assertThat(r.retries()).isEqualTo(2);
            assertThat(r.llmCalls()).isEqualTo(3);

            FakeLlm refused = new FakeLlm(q -> {
                throw new LlmException(LlmException.Kind.CLIENT, "HTTP 404: no such model");
            }, 0);
            AugmentReport f = service.run(ws, items().withIds(List.of("k2")), refused, TaskMonitor.NONE);
            assertThat(f.failed()).isEqualTo(1);
            assertThat(f.retries()).isZero();
            assertThat(refused.calls).hasValue(1);
            long ds = ws.read().datasets().get(0).id();
            Generation failed = ws.generations().list(GenerationFilter.dataset(ds).withStatus("failed"), 0, 10).rows().get(0);
            assertThat(failed.error()).isEqualTo("CLIENT: HTTP 404: no such model");

            // failed items are retried on the next run; ok ones are not
            FakeLlm good = FakeLlm.always(GOOD_ITEM);
            AugmentReport next = service.run(ws, items().withIds(List.of("k1", "k2")), good, TaskMonitor.NONE);
            assertThat(next.cached()).isEqualTo(1);
            assertThat(next.generated()).isEqualTo(1);
            assertThat(good.calls).hasValue(1);

            // retries exhausted → failed
            FakeLlm down = new FakeLlm(q -> {
                throw new LlmException(LlmException.Kind.SERVER, "HTTP 503");
            }, 0);
            AugmentReport d = service.run(ws, items().withIds(List.of("k3")).withMaxRetries(2), down, TaskMonitor.NONE);
            assertThat(d.failed()).isEqualTo(1);
            assertThat(down.calls).hasValue(3);
        }
    }

    @Test
    void invalidOutputIsRepairedLocallyOrReaskedOnceOrStoredAsFailed() {
        try (Workspace ws = AugmentFixtures.shop(dir.resolve("c.augur"), 0)) {
            FakeLlm fenced = FakeLlm.always("```json\n" + GOOD_ITEM + "\n```");
            AugmentReport a = service.run(ws, items().withIds(List.of("k1")), fenced, TaskMonitor.NONE);
            assertThat(a.generated()).isEqualTo(1);
            assertThat(a.reasks()).isZero();

            FakeLlm secondTime = new FakeLlm(r -> r.user().contains("previous-answer") ? GOOD_ITEM : "{\"summary\":1}", 0);
            AugmentReport b = service.run(ws, items().withIds(List.of("k2")), secondTime, TaskMonitor.NONE);
            assertThat(b.generated()).isEqualTo(1);
            assertThat(b.reasks()).isEqualTo(1);
            assertThat(secondTime.calls).hasValue(2);
            assertThat(secondTime.requests.get(1).user()).contains("$.summary: expected string");

            FakeLlm hopeless = FakeLlm.always("I cannot do that.");
            AugmentReport c = service.run(ws, items().withIds(List.of("k3")), hopeless, TaskMonitor.NONE);
            assertThat(c.failed()).isEqualTo(1);
            assertThat(hopeless.calls).hasValue(2);
            long ds = ws.read().datasets().get(0).id();
            Generation g = ws.generations().list(GenerationFilter.dataset(ds).withStatus("failed"), 0, 1).rows().get(0);
            assertThat(g.error()).startsWith("invalid output: invalid after one re-ask");
            assertThat(g.rawOutput()).isEqualTo("I cannot do that.");
        }
    }

    @Test
    void aCancelledRunResumesWithOnlyTheRest() {
        try (Workspace ws = AugmentFixtures.shop(dir.resolve("d.augur"), 7)) { // 12 items
            FakeLlm llm = FakeLlm.always(GOOD_ITEM);
            TaskMonitor cancelAfter4 = new TaskMonitor() {
                @Override public void progress(long done, long total) { }
                @Override public void message(String message) { }
                @Override public boolean isCancelled() { return llm.calls.get() >= 4; }
            };
            assertThatThrownBy(() -> service.run(ws, items(), llm, cancelAfter4)).isInstanceOf(TaskCancelledException.class);
            assertThat(ws.generations().counts(GenerationFilter.all()).ok()).isEqualTo(4);

            FakeLlm rest = FakeLlm.always(GOOD_ITEM);
            AugmentReport r = service.run(ws, items(), rest, TaskMonitor.NONE);
            assertThat(rest.calls).hasValue(8);
            assertThat(r.cached()).isEqualTo(4);
            assertThat(r.generated()).isEqualTo(8);
        }
    }

    @Test
    void aCrashedRunKeepsFinishedItemsAndTheRerunDoesTheRest() {
        try (Workspace ws = AugmentFixtures.shop(dir.resolve("e.augur"), 7)) {
            AtomicInteger n = new AtomicInteger();
            FakeLlm crashing = new FakeLlm(r -> {
                if (n.incrementAndGet() > 5) {
                    throw new IllegalStateException("power cut");
                }
                return GOOD_ITEM;
            }, 0);
            assertThatThrownBy(() -> service.run(ws, items(), crashing, TaskMonitor.NONE)).hasMessage("power cut");
            assertThat(ws.generations().counts(GenerationFilter.all()).ok()).isEqualTo(5);
            FakeLlm rest = FakeLlm.always(GOOD_ITEM);
            service.run(ws, items(), rest, TaskMonitor.NONE);
            assertThat(rest.calls).hasValue(7);
        }
    }

    @Test
    void fourConcurrentRequestsFinishFortyItemsFarFasterThanInSeries() {
        try (Workspace ws = AugmentFixtures.shop(dir.resolve("f.augur"), 35)) { // 40 items
            FakeLlm slow = new FakeLlm(r -> GOOD_ITEM, 50);
            List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
            TaskMonitor monitor = new TaskMonitor() {
                @Override public void progress(long done, long total) { }
                @Override public void message(String message) { messages.add(message); }
                @Override public boolean isCancelled() { return false; }
            };
            long t0 = System.nanoTime();
            AugmentReport r = service.run(ws, items().withConcurrency(4), slow, monitor);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.generated()).isEqualTo(40);
            assertThat(ms).isLessThan(40 * 50 * 6 / 10); // 2,000 ms in series; ~500 ms ideal
            assertThat(messages).anyMatch(m -> m.contains("items/s") && m.contains("tokens/s") && m.contains("ETA"));
        }
    }

    @Test
    void aRateLimitSpacesTheCalls() {
        try (Workspace ws = AugmentFixtures.shop(dir.resolve("g.augur"), 0)) {
            long t0 = System.nanoTime();
            service.run(ws, items().withConcurrency(4).withRequestsPerSecond(20), FakeLlm.always(GOOD_ITEM), TaskMonitor.NONE);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).isGreaterThanOrEqualTo(190).isLessThan(2_000); // 5 calls 50 ms apart: the first at once
        }
    }

    @Test
    void estimatesTokensAndTimeFromMaxTokensThenFromMeasuredOutput() {
        try (Workspace ws = AugmentFixtures.shop(dir.resolve("h.augur"), 0)) {
            Estimate before = Estimate.of(ws, service, items(), 50, 0);
            assertThat(before.items()).isEqualTo(5);
            assertThat(before.promptTokens()).isPositive();
            assertThat(before.outputTokens()).isEqualTo(5 * 512);
            assertThat(before.outputBasis()).isEqualTo("template maxTokens");
            assertThat(before.seconds()).isEqualTo(5 * 512 / 50.0);
            service.run(ws, items(), FakeLlm.always(GOOD_ITEM), TaskMonitor.NONE);
            Estimate after = Estimate.of(ws, service, items().withLimit(2), 0, 2);
            assertThat(after.items()).isEqualTo(2);
            assertThat(after.outputTokensPerItem()).isEqualTo(GOOD_ITEM.length() / 4);
            assertThat(after.outputBasis()).startsWith("measured");
            assertThat(after.seconds()).isEqualTo(1.0);
        }
    }

    @Test
    void storeKeepsEditsReviewStatusAndCounts() {
        try (Workspace ws = AugmentFixtures.shop(dir.resolve("i.augur"), 0)) {
            service.run(ws, items().withIds(List.of("k1", "k2")), FakeLlm.always(GOOD_ITEM), TaskMonitor.NONE);
            long ds = ws.read().datasets().get(0).id();
            long k1 = ws.read().entityId(ds, "item", "k1").orElseThrow();
            Generation orig = ws.generations().latest(ds, "item", k1, "kar-item-knowledge").orElseThrow();
            Generation edit = ws.generations().edit(orig.id(), "{\"summary\":\"Better.\",\"facts\":[]}",
                    "{\"summary\":\"Better.\",\"facts\":[]}", "ana");
            assertThat(edit.parentId()).isEqualTo(orig.id());
            assertThat(edit.provenance()).isEqualTo("edit");
            assertThat(edit.author()).isEqualTo("ana");
            assertThat(ws.generations().latest(ds, "item", k1, "kar-item-knowledge").orElseThrow().id()).isEqualTo(edit.id());
            assertThat(ws.generations().history(ds, "item", k1)).extracting(Generation::id).containsExactly(orig.id(), edit.id());
            assertThat(ws.generations().get(orig.id()).orElseThrow().parsedJson()).isEqualTo(orig.parsedJson());
            assertThat(ws.generations().latestPerEntity(ds, "item", "kar-item-knowledge")).hasSize(2);
            ws.generations().setReviewStatus(edit.id(), "approved");
            GenerationCounts c = ws.generations().counts(GenerationFilter.dataset(ds));
            assertThat(c).isEqualTo(new GenerationCounts(3, 3, 0, 2, 1, 0, 2, 0, 1));
            assertThat(ws.generations().list(GenerationFilter.dataset(ds).withReviewStatus("approved"), 0, 10).rows())
                    .extracting(Generation::id).containsExactly(edit.id());
            assertThat(ws.generations().list(GenerationFilter.all().withTemplate("kar-item-knowledge"), 1, 1))
                    .satisfies(p -> {
                        assertThat(p.total()).isEqualTo(3);
                        assertThat(p.rows()).hasSize(1);
                    });
        }
    }
}
