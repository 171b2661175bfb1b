package dev.augur.core.rank;

import dev.augur.core.dataset.ImportOptions;
import dev.augur.core.dataset.ImportService;
import dev.augur.core.dataset.Importers;
import dev.augur.core.rank.ctr.CtrFeatures;
import dev.augur.core.rank.ctr.CtrLabels;
import dev.augur.core.rank.ctr.CtrReport;
import dev.augur.core.rank.ctr.FactorizationMachine;
import dev.augur.core.store.Generation;
import dev.augur.core.store.ItemCatalog;
import dev.augur.core.store.StoredRun;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CTR comparison on a real workspace where whether a user likes a film depends on its mood, which neither the
 * ids' popularity nor the genre reveals but an LLM-generated attribute does.
 */
class CtrServiceTest {
    @TempDir
    Path dir;

    private Workspace workspace() throws IOException {
        Path d = dir.resolve("ml");
        Files.createDirectories(d);
        StringBuilder movies = new StringBuilder("movieId,title,genres\n");
        for (int i = 1; i <= 90; i++) {
            movies.append(i).append(",Film ").append(i).append(" (2000),").append(RankingFixtures.GENRES[i % 5])
                    .append('\n');
        }
        StringBuilder ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        SplittableRandom rnd = new SplittableRandom(4);
        for (int u = 1; u <= 200; u++) {
            boolean likesDark = u % 2 == 0;
            boolean[] seen = new boolean[91];
            for (int j = 0; j < 25; j++) {
                int m;
                do {
                    m = 1 + rnd.nextInt(90);
                } while (seen[m]);
                seen[m] = true;
                boolean dark = m % 3 == 0;
                boolean likes = (dark == likesDark) ^ (rnd.nextDouble() < 0.1);
                ratings.append(u).append(',').append(m).append(',').append(likes ? 4 + rnd.nextInt(2) : 1 + rnd.nextInt(3))
                        .append(".0,").append(1_000_000 + j).append('\n');
            }
        }
        Files.writeString(d.resolve("movies.csv"), movies);
        Files.writeString(d.resolve("ratings.csv"), ratings);
        Workspace ws = Workspace.open(dir.resolve("w.augur"));
        new ImportService(Importers.standard()).run(ws, d, ImportOptions.defaults(), TaskMonitor.NONE);
        long id = ws.read().datasets().get(0).id();
        ItemCatalog items = ws.interactions().catalog(id);
        for (int i = 0; i < items.size(); i++) {
            int movie = Integer.parseInt(items.externalIds()[i]);
            String json = "{\"mood\": \"" + (movie % 3 == 0 ? "dark" : "light") + "\", \"themes\": [\"film\"]}";
            ws.generations().put(Generation.imported(id, "item", items.ids()[i], "llmrec-item-attributes", "test-llm",
                    "", json, json, "moods.jsonl", i + 1));
        }
        return ws;
    }

    @Test
    void onColdItemsGeneratedAttributesRaiseAucAndLowerLogLossAndTheRunIsStored() throws IOException {
        try (Workspace ws = workspace()) {
            long id = ws.read().datasets().get(0).id();
            // held-out items have no trained id embedding: only the attribute can tell their mood
            Protocol p = Protocol.of(new SplitSpec.ColdItems(0.2), 42, List.of(10));
            CtrService.Result r = new CtrService(ws).run(new CtrService.Request(id, p, CtrLabels.ratingAtLeast(4),
                    List.of(CtrFeatures.Group.ATTRIBUTES), "", "llmrec-item-attributes",
                    FactorizationMachine.Config.fm().withSeed(42), "moods"), TaskMonitor.NONE);
            CtrReport.Variant base = r.report().base();
            CtrReport.Variant with = r.report().variant("+attributes");
            assertThat(with.auc()).isGreaterThan(base.auc() + 0.05);
            assertThat(with.logLoss()).isLessThan(base.logLoss());
            assertThat(r.report().gain("+attributes").relaImprPct()).isPositive();
            List<StoredRun> runs = ws.evalRuns().list(id);
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).task()).isEqualTo("ctr");
            assertThat(runs.get(0).protocolJson()).contains("cold-items:0.2").contains("llmrec-item-attributes");
        }
    }

    @Test
    void aMissingFeatureGroupSaysHowToCreateIt() throws IOException {
        try (Workspace ws = workspace()) {
            long id = ws.read().datasets().get(0).id();
            Protocol p = Protocol.of(new SplitSpec.Random(0.8, 0.1, 0.1), 42, List.of(10));
            assertThatThrownBy(() -> new CtrService(ws).run(new CtrService.Request(id, p, CtrLabels.ratingAtLeast(4),
                    List.of(CtrFeatures.Group.ITEM_PROFILE), "", "llmrec-item-attributes",
                    FactorizationMachine.Config.fm(), ""), TaskMonitor.NONE))
                    .hasMessageContaining("item-profile").hasMessageContaining("encode --target item-profiles");
            assertThatThrownBy(() -> new CtrService(ws).run(new CtrService.Request(id, p, CtrLabels.ratingAtLeast(4),
                    List.of(CtrFeatures.Group.ATTRIBUTES), "", "kar-item-knowledge",
                    FactorizationMachine.Config.fm(), ""), TaskMonitor.NONE))
                    .hasMessageContaining("kar-item-knowledge");
        }
    }
}
