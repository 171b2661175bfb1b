package dev.augur.core.rank;

import dev.augur.core.dataset.ImportOptions;
import dev.augur.core.dataset.ImportService;
import dev.augur.core.dataset.Importers;
import dev.augur.core.encode.EncodeRequest;
import dev.augur.core.encode.EncodeService;
import dev.augur.core.encode.EncodeTarget;
import dev.augur.core.store.StoredRun;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service on a real workspace file: loading, side information from stored vectors, stored runs. */
class RankingServiceTest {
    @TempDir
    Path dir;

    private Workspace workspace() {
        Path data = RankingFixtures.movieLens(dir.resolve("ml"), 60, 50, 10, 5);
        Workspace ws = Workspace.open(dir.resolve("w.augur"));
        new ImportService(Importers.standard()).run(ws, data, ImportOptions.defaults(), TaskMonitor.NONE);
        return ws;
    }

    @Test
    void loadsEveryItemWithCategoriesTitlesAndExternalIds() {
        try (Workspace ws = workspace()) {
            long id = ws.read().datasets().get(0).id();
            RankingData d = new RankingService(ws, new Recommenders()).load(id, false, "");
            assertThat(d.interactions().numItems()).isEqualTo(50);
            assertThat(d.interactions().numUsers()).isEqualTo(60);
            assertThat(d.interactions().size()).isEqualTo(600);
            int movie7 = indexOfExternal(d, "7");
            assertThat(d.title(movie7)).isEqualTo("Comedy story number 7 (2001)");
            assertThat(d.side().categoryNames()[d.side().categories()[movie7][0]]).isEqualTo("Comedy");
            assertThat(d.side().hasVectors()).isFalse();
            assertThat(d.userByExternalId("12")).isNotNegative();
        }
    }

    @Test
    void textVectorsAreAlignedWithTheItemsTheyBelongTo() {
        try (Workspace ws = workspace(); EncodeService encoder = new EncodeService()) {
            encoder.run(ws, EncodeRequest.of(EncodeTarget.ITEMS, "minilm-q"), TaskMonitor.NONE);
            long id = ws.read().datasets().get(0).id();
            RankingService service = new RankingService(ws, new Recommenders());
            RankingData d = service.load(id, false, "");
            assertThat(d.side().dims()).isEqualTo(384);
            assertThat(d.side().textSource()).startsWith("item:").endsWith(":minilm-q");
            // two comedies are nearer to each other than a comedy to a horror film
            int c1 = indexOfExternal(d, "2");
            int c2 = indexOfExternal(d, "7");
            int h = indexOfExternal(d, "4");
            assertThat(cos(d.side(), c1, c2)).isGreaterThan(cos(d.side(), c1, h));
            assertThatThrownBy(() -> service.load(id, false, "item:nope:minilm"))
                    .hasMessageContaining("no vector set item:nope:minilm");
        }
    }

    @Test
    void runsAreStoredWithTheirProtocolAndReadBack() {
        try (Workspace ws = workspace()) {
            long id = ws.read().datasets().get(0).id();
            RankingService service = new RankingService(ws, new Recommenders());
            Protocol p = Protocol.of(new SplitSpec.LeaveLastOut(), 3, List.of(5, 10));
            EvalRun run = service.evaluate(new EvalRequest(id, p, List.of("pop"), Map.of(), "", 2, "baseline"),
                    TaskMonitor.NONE);
            assertThat(run.recommend(0, "pop", 5, 1)).hasSize(5);
            List<StoredRun> stored = ws.evalRuns().list(id);
            assertThat(stored).hasSize(1);
            RankingService.StoredResults back = RankingService.parse(stored.get(0));
            assertThat(back.run().label()).isEqualTo("baseline");
            assertThat(back.protocol().get("split")).isEqualTo("leave-last-out");
            assertThat(Protocol.fromMap(back.protocol())).isEqualTo(p);
            assertThat(((Number) back.models().get("pop").get("ndcg@10")).doubleValue())
                    .isEqualTo(run.results().get(0).metric("ndcg@10"));
            assertThat(back.describe()).contains("leave-last-out").contains("full ranking");
        }
        try (Workspace reopened = Workspace.open(dir.resolve("w.augur"))) {
            assertThat(reopened.evalRuns().list(0)).hasSize(1);
        }
    }

    private static int indexOfExternal(RankingData d, String external) {
        for (int i = 0; i < d.itemExternalIds().length; i++) {
            if (d.itemExternalIds()[i].equals(external)) {
                return i;
            }
        }
        throw new AssertionError("no item " + external);
    }

    private static double cos(SideInformation s, int a, int b) {
        double dot = 0;
        for (int k = 0; k < s.dims(); k++) {
            dot += s.itemText()[a * s.dims() + k] * s.itemText()[b * s.dims() + k];
        }
        return dot;
    }
}
