package dev.augur.ui.rankings;

import dev.augur.core.rank.ctr.CtrFeatures;
import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.StoredRun;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.UiFixtures;
import dev.augur.ui.common.ItemSelection;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.augur.ui.UiFixtures.fx;
import static dev.augur.ui.UiFixtures.waitFx;
import static org.assertj.core.api.Assertions.assertThat;

/** The CTR tab without a stage: real comparisons through the executor on a workspace where attributes matter. */
class CtrViewModelTest {
    @TempDir
    Path dir;

    private final TaskExecutor tasks = new TaskExecutor(2);

    @BeforeAll
    static void start() throws Exception {
        UiFixtures.startFx();
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    /** The Rankings section on {@code file}, once the CTR tab has read what the dataset has. */
    private CtrViewModel open(Path file) throws Exception {
        List<DatasetInfo> datasets;
        try (Workspace ws = Workspace.open(file)) {
            datasets = ws.read().datasets();
        }
        RankingsViewModel rankings = fx(() -> new RankingsViewModel(tasks,
                ModelSession.Source.of(RankingsFixtures.recommenders()), new ItemSelection(), 2));
        fx(() -> rankings.open(file, datasets));
        CtrViewModel vm = rankings.ctr();
        waitFx(20, () -> vm.runsLineProperty().get().contains("stored CTR run")
                && !vm.runsLineProperty().get().startsWith("Reading"));
        // the tab shares the top bar's split and seed
        fx(() -> {
            rankings.form().splitProperty().set(SplitChoice.COLD_ITEMS);
            rankings.form().seedProperty().set("42");
        });
        return vm;
    }

    private static CtrFeatureChoice feature(CtrViewModel vm, CtrFeatures.Group g) {
        return vm.form().features().stream().filter(c -> c.group() == g).findFirst().orElseThrow();
    }

    private static CtrRun runAndWait(CtrViewModel vm) throws Exception {
        int before = fx(() -> vm.runs().size());
        assertThat(fx(() -> vm.run().isPresent())).isTrue();
        waitFx(120, () -> !vm.runningProperty().get());
        assertThat(fx(() -> vm.errorProperty().get())).isEmpty();
        waitFx(20, () -> vm.runs().size() == before + 1);
        return fx(() -> vm.shownProperty().get());
    }

    private static CtrRow row(List<CtrRow> rows, String variant) {
        return rows.stream().filter(r -> r.variant().equals(variant)).findFirst().orElseThrow();
    }

    @Test
    void onColdItemsTheGeneratedAttributesGainOverTheBaseAndTheRunIsListedAndReloadable() throws Exception {
        CtrViewModel vm = open(CtrFixtures.moods(dir));
        // the dataset has generated attributes and no vectors: only attributes can be added, and it is ticked
        assertThat(feature(vm, CtrFeatures.Group.ATTRIBUTES).available().get()).isTrue();
        assertThat(feature(vm, CtrFeatures.Group.ATTRIBUTES).selected().get()).isTrue();
        assertThat(vm.form().settingsLineProperty().get()).contains("+ attributes").contains("label = value ≥ 4")
                .contains("seed 42");

        CtrRun fm = runAndWait(vm);
        assertThat(vm.statusProperty().get()).isEqualTo("Stored as run #" + fm.runId() + ".");
        List<CtrRow> rows = fx(() -> List.copyOf(vm.rows()));
        assertThat(rows).extracting(CtrRow::variant).containsExactly("base", "+attributes");
        CtrRow base = row(rows, "base");
        CtrRow with = row(rows, "+attributes");
        assertThat(base.features()).isEqualTo("ids+categories");
        assertThat(with.features()).isEqualTo("ids+categories+attributes");
        // held-out films have no trained id: only their mood tells whether a user will like them
        assertThat(with.auc()).isGreaterThan(base.auc() + 0.05);
        assertThat(with.aucGain()).isEqualTo(with.auc() - base.auc());
        assertThat(with.relaImprPct()).isPositive();
        assertThat(with.logLoss()).isLessThan(base.logLoss());
        assertThat(with.logLossChangePct()).isNegative();
        assertThat(base.relaImprPct()).isNaN(); // no gain of the base over itself
        assertThat(with.epochs()).isPositive();
        assertThat(vm.resultLineProperty().get()).startsWith("Run #" + fm.runId() + " · FM k=16")
                .contains("label = value ≥ 4").contains("cold-start items").contains("seed 42");

        // the slice chooser: on a cold-items split every test item is cold, so that slice is the whole test part
        assertThat(fx(() -> List.copyOf(vm.slices()))).startsWith(CtrRun.ALL).contains("cold-items")
                .doesNotContain("head-items", "tail-items");
        fx(() -> vm.sliceProperty().set("cold-items"));
        CtrRow coldWith = fx(() -> row(vm.rows(), "+attributes"));
        assertThat(coldWith.auc()).isCloseTo(with.auc(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(vm.resultLineProperty().get()).contains("slice cold-items: ").contains("test samples");
        String users = fx(() -> vm.slices().stream().filter(n -> n.startsWith("users:")).findFirst().orElseThrow());
        fx(() -> vm.sliceProperty().set(users));
        assertThat(fx(() -> List.copyOf(vm.rows()))).extracting(CtrRow::variant).containsExactly("base", "+attributes");
        assertThat(vm.resultLineProperty().get()).contains("slice " + users);
        fx(() -> vm.sliceProperty().set(CtrRun.ALL));
        assertThat(fx(() -> List.copyOf(vm.rows()))).isEqualTo(rows);

        // the stored run is the one listed, read back from the workspace
        assertThat(vm.runs()).extracting(CtrRun::runId).containsExactly(fm.runId());
        try (Workspace ws = Workspace.open(dir.resolve("moods.augur"))) {
            List<StoredRun> stored = ws.evalRuns().list(ws.read().datasets().get(0).id());
            assertThat(stored).singleElement().satisfies(r -> {
                assertThat(r.id()).isEqualTo(fm.runId());
                assertThat(r.task()).isEqualTo("ctr");
            });
        }

        // a second comparison with logistic regression is listed first; picking the first shows its rows again
        fx(() -> vm.form().backboneProperty().set(CtrFormViewModel.Backbone.LR));
        CtrRun lr = runAndWait(vm);
        assertThat(vm.runs()).extracting(CtrRun::runId).containsExactly(lr.runId(), fm.runId());
        assertThat(vm.resultLineProperty().get()).contains("· LR ·");
        assertThat(fx(() -> row(vm.rows(), "base").auc())).isNotEqualTo(base.auc());
        fx(() -> vm.shownProperty().set(vm.runs().get(1)));
        assertThat(fx(() -> List.copyOf(vm.rows()))).isEqualTo(rows);
        assertThat(vm.resultLineProperty().get()).startsWith("Run #" + fm.runId());
    }

    @Test
    void groupsTheDatasetCannotFeedAreOffWithHowToCreateThemAndBadSettingsAreRefused() throws Exception {
        Path file = CtrFixtures.moods(dir);
        try (Workspace ws = Workspace.open(file)) {
            long id = ws.read().datasets().get(0).id();
            // a ranking run is not a CTR run; a CTR run whose results cannot be read is counted, not shown
            ws.evalRuns().put(new StoredRun(0, id, "ranking", "", "{}", "{\"models\": {}}", ""));
            ws.evalRuns().put(new StoredRun(0, id, "ctr", "", "{}", "not json", ""));
        }
        CtrViewModel vm = open(file);
        assertThat(vm.runs()).isEmpty();
        assertThat(vm.runsLineProperty().get()).isEqualTo("0 stored CTR runs; 1 could not be read");
        for (CtrFeatures.Group g : List.of(CtrFeatures.Group.ITEM_TEXT, CtrFeatures.Group.ITEM_PROFILE,
                CtrFeatures.Group.USER_PROFILE)) {
            CtrFeatureChoice c = feature(vm, g);
            assertThat(c.available().get()).as(g.text()).isFalse();
            assertThat(c.selected().get()).as(g.text()).isFalse();
        }
        assertThat(feature(vm, CtrFeatures.Group.ITEM_TEXT).howToCreate()).contains("Embeddings → Vectors")
                .contains("augur encode --target items");
        assertThat(feature(vm, CtrFeatures.Group.ITEM_PROFILE).howToCreate()).contains("item-profiles");
        assertThat(feature(vm, CtrFeatures.Group.USER_PROFILE).howToCreate()).contains("user-profiles");

        // a threshold that is not a number is named; clicks need none
        fx(() -> vm.form().thresholdProperty().set("four"));
        assertThat(vm.form().settingsLineProperty().get()).contains("label threshold").contains("four");
        assertThat(fx(() -> vm.run().isPresent())).isFalse();
        assertThat(vm.errorProperty().get()).contains("label threshold must be a number").contains("four");
        fx(() -> vm.form().labelRuleProperty().set(CtrFormViewModel.LabelRule.CLICKS));
        assertThat(fx(() -> vm.form().request().labels().clickLabels())).isTrue();
        assertThat(vm.form().settingsLineProperty().get()).contains("label = value > 0");

        // nothing to add to the base: nothing to compare
        fx(() -> feature(vm, CtrFeatures.Group.ATTRIBUTES).selected().set(false));
        assertThat(fx(() -> vm.canRun().get())).isFalse();
        assertThat(vm.form().settingsLineProperty().get()).contains("tick at least one feature group");
    }
}
