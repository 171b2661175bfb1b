package dev.augur.ui.review;

import dev.augur.core.dataset.ImportOptions;
import dev.augur.core.dataset.ImportService;
import dev.augur.core.dataset.Importers;
import dev.augur.core.rank.RankingFixtures;
import dev.augur.core.review.SyntheticEffect;
import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.EntityRef;
import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.SyntheticProposal;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskExecutor;
import dev.augur.core.task.TaskMonitor;
import dev.augur.ui.UiFixtures;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.augur.ui.UiFixtures.fx;
import static dev.augur.ui.UiFixtures.waitFx;
import static dev.augur.ui.review.ReviewViewModelTest.settle;
import static org.assertj.core.api.Assertions.assertThat;

/** The Effect tab without a stage: one job, the table of changes per model and slice, the protocol shown. */
class EffectViewModelTest {
    @TempDir
    Path dir;

    private final TaskExecutor tasks = new TaskExecutor(2);
    private ReviewViewModel vm;

    @BeforeAll
    static void start() throws Exception {
        UiFixtures.startFx();
    }

    @AfterEach
    void stop() {
        if (vm != null) {
            vm.close();
        }
        tasks.close();
    }

    @Test
    void theEffectJobComparesWithoutAndWithTheAcceptedInteractionsAndSaysWhenThereAreNone() throws Exception {
        Path file = dir.resolve("ml.augur");
        Path data = RankingFixtures.movieLens(dir.resolve("ml"), 60, 50, 10, 3);
        List<Long> ids;
        List<DatasetInfo> datasets;
        try (Workspace ws = Workspace.open(file)) {
            new ImportService(Importers.standard()).run(ws, data, ImportOptions.defaults(), TaskMonitor.NONE);
            long d = ws.read().datasets().get(0).id();
            List<EntityRef> users = ws.read().entityIdsAfter(d, "user", 0, 100);
            List<ItemRecord> items = ws.read().itemsAfter(d, 0, 100);
            List<SyntheticProposal> proposals = new ArrayList<>();
            for (int u = 0; u < 20; u++) {
                proposals.add(new SyntheticProposal(users.get(u).id(), items.get(u % items.size()).id(), 1, "llm",
                        "tail-items", "test", 0.8, "fits", Double.NaN, Double.NaN, 0, "", 0));
            }
            ids = ws.synthetic().add(d, proposals).ids();
            ws.annotations().setAnnotator("ana");
            datasets = ws.read().datasets();
        }
        vm = fx(() -> new ReviewViewModel(tasks));
        fx(() -> vm.open(file, datasets));
        settle(vm);
        EffectViewModel effect = vm.effect();

        fx(effect::run);
        waitFx(60, () -> !effect.runningProperty().get());
        assertThat(fx(() -> effect.errorProperty().get())).contains("no accepted synthetic interactions");
        assertThat(fx(() -> effect.rows().size())).isZero();

        try (Workspace ws = Workspace.open(file)) {
            ws.annotations().bulk(ids, "ana", "accept");
        }
        fx(() -> effect.models().forEach((name, on) -> on.set(name.equals("pop"))));
        fx(effect::run);
        waitFx(120, () -> !effect.runningProperty().get());
        assertThat(fx(() -> effect.errorProperty().get())).isEmpty();
        List<SyntheticEffect.Row> rows = fx(() -> List.copyOf(effect.rows()));
        assertThat(rows).isNotEmpty().allMatch(r -> r.model().equals("pop"));
        assertThat(rows).extracting(SyntheticEffect.Row::slice).contains("all", "cold-items");
        assertThat(rows).extracting(SyntheticEffect.Row::metric).contains("ndcg@10", "recall@10");
        assertThat(fx(() -> effect.protocolLineProperty().get()))
                .isEqualTo("Protocol: " + effect.protocol().describe()).contains("random 80%/10%/10%");
        assertThat(fx(() -> effect.statusProperty().get())).startsWith(ids.size() + " accepted synthetic interactions");
    }
}
