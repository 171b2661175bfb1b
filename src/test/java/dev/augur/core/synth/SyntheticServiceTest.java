package dev.augur.core.synth;

import dev.augur.core.augment.TemplateRegistry;
import dev.augur.core.llm.LlmRequest;
import dev.augur.core.rank.Recommenders;
import dev.augur.core.store.Generation;
import dev.augur.core.store.SyntheticFilter;
import dev.augur.core.store.SyntheticRow;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskMonitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Proposals from a scripted model on a dataset with planted tastes: what is asked, what is stored, what is not. */
class SyntheticServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern USER = Pattern.compile("User (\\S+), ");
    private static final Pattern ITEM = Pattern.compile("Candidate item (\\S+): ");

    @TempDir
    Path dir;

    private final SyntheticService service = new SyntheticService(new TemplateRegistry(), new Recommenders(),
            Duration.ofMillis(1));

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    /** A model that says a user would interact with an item of their genre (rating 5) and not with others. */
    private static String byGenre(LlmRequest r) {
        String user = find(USER, r.user());
        String item = find(ITEM, r.user());
        boolean match = SynthFixtures.genreOf(user) == SynthFixtures.genreOf(item);
        return "{\"interact\":" + match + ",\"rating\":" + (match ? 5 : 2) + ",\"confidence\":0.8,"
                + "\"rationale\":\"" + user + " and " + item + "\"}";
    }

    private static List<SyntheticRow> rows(Workspace ws, long ds) {
        return ws.synthetic().list(SyntheticFilter.all(ds), 0, 1000);
    }

    @Test
    void coldItemsAreAskedAboutUsersWhoseHistoryFitsAndAnswersWaitAsPendingWithProvenance() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            long ds = SynthFixtures.tastes(ws, 40, 10, 1, 0, true);
            long observed = ws.interactions().load(ds, false).size();
            SynthFixtures.FakeLlm llm = new SynthFixtures.FakeLlm(SyntheticServiceTest::byGenre);

            SynthReport r = service.run(ws, SynthRequest.of(SynthTarget.COLD_ITEMS, 10).withCandidates(3), llm,
                    TaskMonitor.NONE);

            assertThat(r.targets()).isEqualTo(4);
            assertThat(r.prompts()).isEqualTo(12);
            assertThat(r.llmCalls()).isEqualTo(12);
            assertThat(r.created()).isEqualTo(12);
            assertThat(r.failed() + r.invalid() + r.cached() + r.duplicates()).isZero();
            assertThat(r.contentSource()).startsWith("text vectors item:default:test-encoder");
            assertThat(r.collabModel()).isEmpty();
            List<SyntheticRow> rows = rows(ws, ds);
            assertThat(rows).hasSize(12).allSatisfy(row -> {
                assertThat(row.status()).isEqualTo("pending");
                assertThat(row.origin()).isEqualTo("llm");
                assertThat(row.target()).isEqualTo("cold-items");
                assertThat(row.model()).isEqualTo("fake-1");
                assertThat(row.itemExternalId()).startsWith("cold-");
                // the content score picked users of the item's genre, and the model agreed
                assertThat(SynthFixtures.genreOf(row.userExternalId())).isEqualTo(SynthFixtures.genreOf(
                        row.itemExternalId()));
                assertThat(row.value()).isEqualTo(5);
                assertThat(row.confidence()).isEqualTo(0.8);
                assertThat(row.rationale()).isEqualTo(row.userExternalId() + " and " + row.itemExternalId());
                assertThat(row.contentScore()).isGreaterThan(0.5);
                assertThat(row.collabScore()).isNaN();
                Generation g = ws.generations().get(row.generationId()).orElseThrow();
                assertThat(g.templateId()).isEqualTo("synth-pair");
                assertThat(g.entityKind()).isEqualTo("item");
                assertThat(g.entityId()).isEqualTo(row.itemId());
                assertThat(g.cacheKey()).hasSize(64);
                assertThat(g.prompt()).contains(row.userExternalId()).contains(row.itemExternalId());
            });
            // proposals never count as observed data
            assertThat(ws.interactions().load(ds, false).size()).isEqualTo(observed);
            assertThat(ws.read().stats(Optional.empty()).synthetic().pending()).isEqualTo(12);
            // the prompt carries the user's history and the item's text inside the data block
            String prompt = llm.requests.get(0).user();
            assertThat(prompt).contains("<data id=\"pair\">").contains("A new ").contains(" film ").doesNotContain("{{")
                    .contains("Ratings in this dataset: observed values range from 1 to 5");
            assertThat(JSON.readTree(llm.requests.get(0).jsonSchema().orElseThrow()).path("required").toString())
                    .contains("interact");

            SynthReport again = service.run(ws, SynthRequest.of(SynthTarget.COLD_ITEMS, 10).withCandidates(3), llm,
                    TaskMonitor.NONE);
            assertThat(again.llmCalls()).isZero();
            assertThat(again.created()).isZero();
            assertThat(again.duplicates()).isEqualTo(12);
            assertThat(llm.calls.get()).isEqualTo(12);
        }
    }

    @Test
    void tailItemsAlsoCarryTheCollaborativeScoreAndNoOneIsAskedAboutAnItemTheyHave() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            long ds = SynthFixtures.tastes(ws, 60, 12, 0, 0, true);
            SynthFixtures.FakeLlm llm = new SynthFixtures.FakeLlm(SyntheticServiceTest::byGenre);

            SynthReport r = service.run(ws, SynthRequest.of(SynthTarget.TAIL_ITEMS, 3).withCandidates(4), llm,
                    TaskMonitor.NONE);

            assertThat(r.collabModel()).isEqualTo("itemknn");
            assertThat(r.targets()).isEqualTo(3);
            assertThat(r.prompts()).isEqualTo(12);
            List<SyntheticRow> rows = rows(ws, ds);
            assertThat(rows).isNotEmpty().allSatisfy(row -> {
                assertThat(row.target()).isEqualTo("tail-items");
                assertThat(row.collabScore()).isNotNaN();
                assertThat(row.contentScore()).isNotNaN();
            });
            // a "no" is stored as label 0, a "yes" as the rating
            assertThat(rows).extracting(SyntheticRow::value).containsAnyOf(5.0, 0.0).allMatch(v -> v == 5 || v == 0);
            assertThat(r.created()).isEqualTo(12);
            for (SyntheticRow row : rows) {
                long observedPair = ws.read().userHistory(row.userId(), 1000).stream()
                        .filter(h -> h.itemId() == row.itemId()).count();
                assertThat(observedPair).isZero();
            }
        }
    }

    @Test
    void shortUsersPickAmongCandidatesAndInventedIdsAreCountedNotStored() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            long ds = SynthFixtures.tastes(ws, 40, 10, 0, 4, true);
            // likes the first two candidates, dislikes the third, and names one that was not offered
            SynthFixtures.FakeLlm llm = new SynthFixtures.FakeLlm(req -> {
                JsonNode schema = readTree(req.jsonSchema().orElseThrow());
                JsonNode ids = schema.path("properties").path("likes").path("items").path("properties").path("id")
                        .path("enum");
                return "{\"likes\":[{\"id\":\"" + ids.get(0).asText() + "\",\"rating\":5,\"confidence\":0.9,"
                        + "\"rationale\":\"same genre\"},{\"id\":\"" + ids.get(1).asText() + "\",\"rating\":4,"
                        + "\"confidence\":0.6,\"rationale\":\"close\"},{\"id\":\"made-up\",\"rating\":5,"
                        + "\"confidence\":0.5,\"rationale\":\"?\"}],\"dislikes\":[{\"id\":\"" + ids.get(2).asText()
                        + "\",\"confidence\":0.7,\"rationale\":\"other genre\"}]}";
            });

            SynthReport r = service.run(ws, SynthRequest.of(SynthTarget.SHORT_USERS, 4).withCandidates(6), llm,
                    TaskMonitor.NONE);

            assertThat(r.targets()).isEqualTo(4);
            assertThat(r.prompts()).isEqualTo(4);
            assertThat(r.created()).isEqualTo(12);
            assertThat(r.invalid()).isEqualTo(4);
            assertThat(r.problems()).anyMatch(p -> p.contains("'made-up' is not one of the 6 candidates"));
            List<SyntheticRow> rows = rows(ws, ds);
            assertThat(rows).hasSize(12).allSatisfy(row -> {
                assertThat(row.userExternalId()).startsWith("s");
                assertThat(row.target()).isEqualTo("short-users");
                assertThat(row.itemExternalId()).isNotEqualTo("made-up");
                Generation g = ws.generations().get(row.generationId()).orElseThrow();
                assertThat(g.templateId()).isEqualTo("synth-user-picks");
                assertThat(g.entityKind()).isEqualTo("user");
            });
            assertThat(rows).extracting(SyntheticRow::value).containsOnly(5.0, 4.0, 0.0);
            // the top candidates of a short user are of their genre
            assertThat(rows).filteredOn(row -> row.value() == 5.0).allSatisfy(row -> assertThat(
                    SynthFixtures.genreOf(row.itemExternalId())).isEqualTo(SynthFixtures.genreOf(row.userExternalId())));
            assertThat(llm.requests.get(0).user()).contains("Candidate items (id · title · categories):");

            // rejected proposals stay rejected: the re-run answers from the cache and proposes nothing again
            ws.annotations().setAnnotator("ana");
            ws.annotations().bulk(ws.synthetic().ids(SyntheticFilter.all(ds)), "ana", "reject");
            SynthReport again = service.run(ws, SynthRequest.of(SynthTarget.SHORT_USERS, 4).withCandidates(6), llm,
                    TaskMonitor.NONE);
            assertThat(again.llmCalls()).isZero();
            assertThat(again.cached()).isEqualTo(4);
            assertThat(again.created()).isZero();
            assertThat(again.duplicates()).isEqualTo(12);
            assertThat(ws.read().stats(Optional.empty()).synthetic().pending()).isZero();
        }
    }

    @Test
    void answersThatBreakTheSchemaAreFailedGenerationsAndNeverProposals() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            long ds = SynthFixtures.tastes(ws, 40, 10, 1, 0, true);
            AtomicInteger n = new AtomicInteger();
            SynthFixtures.FakeLlm llm = new SynthFixtures.FakeLlm(req -> n.incrementAndGet() <= 2
                    ? "I think they would like it." : byGenre(req));

            SynthReport r = service.run(ws, SynthRequest.of(SynthTarget.COLD_ITEMS, 1).withCandidates(2), llm,
                    TaskMonitor.NONE);

            // the first pair: an answer that is not JSON, then the re-ask is not JSON either
            assertThat(r.failed()).isEqualTo(1);
            assertThat(r.created()).isEqualTo(1);
            assertThat(r.llmCalls()).isEqualTo(3);
            assertThat(r.problems()).singleElement().asString().contains("invalid output");
            assertThat(ws.generations().list(dev.augur.core.store.GenerationFilter.all().withStatus("failed"), 0, 10)
                    .rows()).hasSize(1);
            assertThat(rows(ws, ds)).hasSize(1);

            // a failure is not cached: the re-run asks about that pair again, and only about it
            SynthReport again = service.run(ws, SynthRequest.of(SynthTarget.COLD_ITEMS, 1).withCandidates(2), llm,
                    TaskMonitor.NONE);
            assertThat(again.llmCalls()).isEqualTo(1);
            assertThat(again.created()).isEqualTo(1);
            assertThat(again.duplicates()).isEqualTo(1);
        }
    }

    @Test
    void aCancelledRunKeepsTheChunksItCommittedAndTheRerunAsksOnlyForTheRest() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            long ds = SynthFixtures.tastes(ws, 40, 10, 3, 0, true);
            SynthFixtures.FakeLlm llm = new SynthFixtures.FakeLlm(SyntheticServiceTest::byGenre);
            TaskMonitor stopAfterTwenty = new TaskMonitor() {
                @Override public void progress(long done, long total) { }
                @Override public void message(String message) { }
                @Override public boolean isCancelled() {
                    return llm.calls.get() >= 20;
                }
            };
            SynthRequest request = SynthRequest.of(SynthTarget.COLD_ITEMS, 12).withCandidates(3);

            assertThatThrownBy(() -> service.run(ws, request, llm, stopAfterTwenty))
                    .isInstanceOf(TaskCancelledException.class);

            int first = llm.calls.get();
            assertThat(first).isEqualTo(20);
            // every answer that came before the cancel was committed with its chunk
            assertThat(rows(ws, ds)).hasSize(20);
            SynthReport rest = service.run(ws, request, llm, TaskMonitor.NONE);
            assertThat(rest.llmCalls()).isEqualTo(36 - 20);
            assertThat(rest.created()).isEqualTo(16);
            assertThat(rows(ws, ds)).hasSize(36);
        }
    }

    private static JsonNode readTree(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void coldItemsWithoutAnyContentAreExplained() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            try (var w = ws.newDataset("bare", "test", null)) {
                int u = w.user("u1");
                w.putItem("a", "A", "", "[]", "{}");
                w.putItem("b", "B", "", "[]", "{}");
                w.interaction(u, w.item("a"), 1, 1, -1);
                w.commit(d -> "{}");
            }
            SynthFixtures.FakeLlm llm = new SynthFixtures.FakeLlm(r -> "{}");
            assertThatThrownBy(() -> service.run(ws, SynthRequest.of(SynthTarget.COLD_ITEMS, 5), llm,
                    TaskMonitor.NONE)).hasMessageContaining("neither item text vectors nor categories")
                    .hasMessageContaining("augur encode");
            assertThat(llm.calls.get()).isZero();
        }
    }
}
