package dev.augur.core.review;

import dev.augur.core.dataset.ImportOptions;
import dev.augur.core.dataset.ImportService;
import dev.augur.core.dataset.Importers;
import dev.augur.core.rank.Protocol;
import dev.augur.core.rank.RankingData;
import dev.augur.core.rank.RankingFixtures;
import dev.augur.core.rank.RankingService;
import dev.augur.core.rank.Recommenders;
import dev.augur.core.rank.Split;
import dev.augur.core.rank.SplitSpec;
import dev.augur.core.rank.Splitter;
import dev.augur.core.store.SyntheticProposal;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Accepted synthetic interactions that put held-out (cold) items in front of the users whose taste they match
 * must lift the cold-start slice; pending and rejected ones must change nothing.
 */
class SyntheticEffectTest {
    @TempDir
    Path dir;

    @Test
    void acceptedSyntheticInteractionsLiftTheColdStartSlice() {
        Path data = RankingFixtures.movieLens(dir.resolve("ml"), 150, 100, 15, 8);
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            new ImportService(Importers.standard()).run(ws, data, ImportOptions.defaults(), TaskMonitor.NONE);
            long d = ws.read().datasets().get(0).id();
            Protocol p = Protocol.of(new SplitSpec.ColdItems(0.2), 5, List.of(10));
            SyntheticEffect effect = new SyntheticEffect(ws, new Recommenders());
            assertThatThrownBy(() -> effect.run(d, p, List.of("itemknn"), 2, TaskMonitor.NONE))
                    .hasMessageContaining("no accepted synthetic");

            // the same split the effect will make: propose each held-out item to users of its genre
            RankingData rd = new RankingService(ws, new Recommenders()).load(d, false, "");
            Split split = Splitter.split(rd.interactions(), p);
            List<SyntheticProposal> proposals = new ArrayList<>();
            for (int i = 0; i < rd.interactions().numItems(); i++) {
                if (!split.heldOut()[i]) {
                    continue;
                }
                int genre = (Integer.parseInt(rd.itemExternalIds()[i]) - 1) % 5;
                for (int u = 0; u < rd.interactions().numUsers(); u++) {
                    int user = Integer.parseInt(rd.userExternalIds()[u]);
                    if (user % 5 == genre && user % 3 == 0) {
                        proposals.add(new SyntheticProposal(rd.interactions().userIds()[u],
                                rd.interactions().itemIds()[i], 1, "llm", "cold-items", "test", 0.9, "fits", Double.NaN,
                                Double.NaN, 0, "", 0));
                    }
                }
            }
            List<Long> ids = ws.synthetic().add(d, proposals).ids();
            ws.annotations().setAnnotator("ana");
            ws.annotations().bulk(ids.subList(0, ids.size() - 5), "ana", "accept");
            ws.annotations().bulk(ids.subList(ids.size() - 5, ids.size()), "ana", "reject");

            SyntheticEffect.Report r = effect.run(d, p, List.of("pop", "itemknn"), 2, TaskMonitor.NONE);
            assertThat(r.accepted()).isEqualTo(ids.size() - 5);
            SyntheticEffect.ModelEffect knn = r.models().get(1);
            assertThat(knn.coldWithout().get("ndcg@10")).isLessThan(0.01);
            assertThat(knn.coldWith().get("ndcg@10")).isGreaterThan(knn.coldWithout().get("ndcg@10") + 0.05);
            // the slice is the same users either way: synthetic rows never enter the test
            assertThat(knn.coldWith().get("users")).isEqualTo(knn.coldWithout().get("users"));
            assertThat(r.toRows()).anySatisfy(row -> {
                assertThat(row.model()).isEqualTo("itemknn");
                assertThat(row.slice()).isEqualTo("cold-items");
                assertThat(row.metric()).isEqualTo("ndcg@10");
                assertThat(row.delta()).isPositive();
            });
            assertThat(ws.evalRuns().get(r.withRunId()).orElseThrow().protocolJson()).contains("\"with_synthetic\":true");
        }
    }
}
