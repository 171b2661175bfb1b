package dev.augur.ui.rankings;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.Job;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.UiFixtures;
import dev.augur.ui.common.ItemSelection;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.augur.ui.UiFixtures.fx;
import static dev.augur.ui.UiFixtures.waitFx;
import static org.assertj.core.api.Assertions.assertThat;

/** The Rankings section without a stage: real evaluations of pop and a co-occurrence model through the executor. */
class RankingsViewModelTest {
    @TempDir
    Path dir;

    private final TaskExecutor tasks = new TaskExecutor(2);
    private final ItemSelection selection = new ItemSelection();

    @BeforeAll
    static void start() throws Exception {
        UiFixtures.startFx();
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    private RankingsViewModel open(Path file, dev.augur.core.rank.Recommenders recommenders) throws Exception {
        return open(file, ModelSession.Source.of(recommenders));
    }

    private RankingsViewModel open(Path file, ModelSession.Source source) throws Exception {
        List<DatasetInfo> datasets;
        try (Workspace ws = Workspace.open(file)) {
            datasets = ws.read().datasets();
        }
        RankingsViewModel vm = fx(() -> new RankingsViewModel(tasks, source, selection, 2));
        fx(() -> vm.open(file, datasets));
        waitFx(20, () -> !vm.experiments().statusProperty().get().startsWith("Reading")
                && !vm.form().models().isEmpty());
        return vm;
    }

    /** The shop log with pop and the co-occurrence model ticked (whatever else the registry holds). */
    private RankingsViewModel open() throws Exception {
        Path file = RankingsFixtures.shopLog(dir.resolve("shop.augur"));
        RankingsViewModel vm = open(file, RankingsFixtures.recommenders());
        tick(vm, "pop", "cooc");
        return vm;
    }

    private static void tick(RankingsViewModel vm, String... names) throws Exception {
        Set<String> chosen = Set.of(names);
        fx(() -> vm.form().models().forEach(m -> m.selected().set(chosen.contains(m.name()))));
    }

    /** Evaluates with the form as set and waits until the first user's columns are shown. */
    private static void evaluate(RankingsViewModel vm) throws Exception {
        UserPanelViewModel shown = vm.userPanel();
        long before = fx(() -> shown.runProperty().get() == null ? -1 : shown.runProperty().get().runId());
        assertThat(fx(() -> vm.evaluate().isPresent())).isTrue();
        waitFx(60, () -> !vm.runningProperty().get());
        assertThat(fx(() -> vm.errorProperty().get())).isEmpty();
        waitFx(20, () -> shown.runProperty().get() != null && shown.runProperty().get().runId() != before
                && shown.panelProperty().get() != null
                && shown.panelProperty().get().user().equals(shown.userProperty().get())
                && shown.columns().size() == shown.runProperty().get().models().size());
    }

    private static void leaveLastOut(RankingsViewModel vm, int k, String seed) throws Exception {
        fx(() -> {
            vm.form().splitProperty().set(SplitChoice.LEAVE_LAST_OUT);
            vm.form().kProperty().set(k);
            vm.form().seedProperty().set(seed);
        });
    }

    @Test
    void offersEveryRegisteredModelAndDescribesTheProtocolBeforeAnyRun() throws Exception {
        Path file = RankingsFixtures.shopLog(dir.resolve("shop.augur"));
        var recommenders = RankingsFixtures.recommenders()
                .with("llm-test", p -> new dev.augur.core.rank.models.Popularity());
        RankingsViewModel vm = open(file, recommenders);
        // every registered model is offered, ticked, except an LLM model, which costs per user and is opt-in
        assertThat(vm.form().models()).extracting(ModelChoice::name).containsExactlyElementsOf(recommenders.names())
                .contains("pop", "cooc");
        assertThat(vm.form().models())
                .allSatisfy(m -> assertThat(m.selected().get()).isEqualTo(!m.name().equals("llm-test")));
        assertThat(vm.form().datasets()).containsExactly(RankingsFixtures.DATASET);
        leaveLastOut(vm, 10, "42");
        assertThat(fx(() -> vm.form().protocolLineProperty().get())).contains("leave-last-out").contains("seed 42")
                .contains("full ranking");
        fx(() -> vm.form().modeProperty().set(ModeChoice.SAMPLED));
        assertThat(fx(() -> vm.form().protocolLineProperty().get())).contains("SAMPLED");
        fx(() -> vm.form().seedProperty().set("forty-two"));
        assertThat(fx(() -> vm.form().protocolLineProperty().get())).contains("seed").contains("forty-two");
        assertThat(fx(() -> vm.evaluate().isPresent())).isFalse();
        assertThat(fx(() -> vm.errorProperty().get())).contains("seed must be a whole number");
        fx(() -> vm.form().models().forEach(m -> m.selected().set(false)));
        assertThat(fx(() -> vm.canEvaluate().get())).isFalse();
    }

    @Test
    void filtersAndAUserSampleEnterTheProtocolAndBadValuesAreNamed() throws Exception {
        Path file = RankingsFixtures.shopLog(dir.resolve("shop.augur"));
        RankingsViewModel vm = open(file, RankingsFixtures.recommenders());
        leaveLastOut(vm, 10, "42");
        fx(() -> {
            vm.form().minRatingProperty().set("4");
            vm.form().minUserInteractionsProperty().set("5");
            vm.form().withSyntheticProperty().set(true);
            vm.form().maxUsersProperty().set("10");
            return null;
        });
        var p = fx(vm.form()::protocol);
        assertThat(p.filters().minRating()).isEqualTo(4.0);
        assertThat(p.filters().minUserInteractions()).isEqualTo(5);
        assertThat(p.filters().minItemInteractions()).isZero();
        assertThat(p.filters().withSynthetic()).isTrue();
        assertThat(p.maxUsers()).isEqualTo(10);
        assertThat(fx(() -> vm.form().protocolLineProperty().get())).contains("value ≥ 4.0")
                .contains("users with ≥ 5").contains("with accepted synthetic").contains("10 users sampled");
        fx(() -> {
            vm.form().minItemInteractionsProperty().set("-2");
            return null;
        });
        assertThat(fx(() -> vm.form().protocolLineProperty().get())).contains("minimum interactions per item")
                .contains("'-2'");
        assertThat(fx(() -> vm.evaluate().isPresent())).isFalse();
    }

    @Test
    void aRunShowsAUserWithHeldOutItemsTheirHistoryAndKTitledItemsPerModel() throws Exception {
        RankingsViewModel vm = open();
        leaveLastOut(vm, 10, "42");
        evaluate(vm);
        UserPanelViewModel shown = vm.userPanel();
        UserPanel p = fx(() -> shown.panelProperty().get());
        assertThat(p.user().heldOut()).isPositive();
        assertThat(shown.heldOut()).hasSize(p.user().heldOut());
        assertThat(shown.history()).hasSize(p.user().train()).isNotEmpty();
        assertThat(shown.history()).allSatisfy(h -> assertThat(h.title()).isEqualTo(RankingsFixtures.TITLES.get(h.externalId())));
        // leave-last-out: the held-out item is the user's latest purchase, the newest history item the one before
        Set<Integer> heldOutItems = shown.heldOut().stream().map(HistoryItem::item).collect(Collectors.toSet());
        assertThat(shown.columns()).extracting(ModelColumn::model).containsExactly("pop", "cooc");
        for (ModelColumn c : shown.columns()) {
            assertThat(c.cards()).hasSize(10);
            assertThat(c.cards()).extracting(card -> card.recommendation().rank()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            for (ItemCard card : c.cards()) {
                assertThat(card.title()).isEqualTo(RankingsFixtures.TITLES.get(card.recommendation().externalId()));
                assertThat(card.heldOut()).isEqualTo(heldOutItems.contains(card.item()));
                assertThat(shown.history()).extracting(HistoryItem::item).doesNotContain(card.item());
            }
            assertThat(c.cards()).extracting(card -> card.recommendation().score()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
        // the co-occurrence model finds the held-out kitchen or outdoor item among the user's aisle
        ModelColumn cooc = shown.columns().get(1);
        assertThat(cooc.hits()).isPositive();
        assertThat(shown.heldOut()).anySatisfy(h -> assertThat(h.foundBy()).anyMatch(f -> f.startsWith("cooc #")));
        // why: pop by its training count, cooc by the history items it co-occurs with
        assertThat(shown.columns().get(0).cards().get(0).reasons()).singleElement().asString()
                .startsWith("training interactions +");
        Set<String> historyTitles = shown.history().stream().map(HistoryItem::title).collect(Collectors.toSet());
        assertThat(cooc.cards().get(0).reasons()).isNotEmpty().allSatisfy(r -> {
            assertThat(r).startsWith("near: ");
            assertThat(historyTitles).contains(r.substring("near: ".length()));
        });
    }

    @Test
    void pickingAnotherUserBySearchShowsTheirLists() throws Exception {
        RankingsViewModel vm = open();
        leaveLastOut(vm, 5, "42");
        evaluate(vm);
        UserPanelViewModel shown = vm.userPanel();
        String first = fx(() -> shown.userProperty().get().externalId());
        assertThat(shown.usersLineProperty().get()).contains("40 users").contains("40 with held-out items");
        fx(() -> shown.userQueryProperty().set("u17"));
        assertThat(fx(() -> shown.userMatches().get(0).externalId())).isEqualTo("u17");
        assertThat(fx(shown::pickQuery)).isTrue();
        waitFx(20, () -> shown.panelProperty().get().user().externalId().equals("u17"));
        assertThat(first).isNotEqualTo("u17");
        assertThat(shown.columns()).allSatisfy(c -> assertThat(c.cards()).hasSize(5));
        assertThat(fx(() -> shown.pickUser("nobody"))).isFalse();
    }

    @Test
    void selectingAnItemLinksItAcrossColumnsAndSelectsItInTheApp() throws Exception {
        RankingsViewModel vm = open();
        leaveLastOut(vm, 10, "42");
        evaluate(vm);
        UserPanelViewModel shown = vm.userPanel();
        List<ItemCard> pop = shown.columns().get(0).cards();
        List<ItemCard> cooc = shown.columns().get(1).cards();
        // 20 items, under 10 excluded for any user: two top-10 lists must share an item
        ItemCard shared = cooc.stream().filter(c -> pop.stream().anyMatch(p -> p.item() == c.item())).findFirst()
                .orElseThrow();
        assertThat(shared.sharedWith()).containsExactly("pop");
        fx(() -> shown.select(shared.item()));
        assertThat(fx(() -> shown.linkedItemProperty().get())).isEqualTo(shared.item());
        assertThat(selection.datasetProperty().get()).isEqualTo(RankingsFixtures.DATASET);
        assertThat(selection.ids()).containsExactly(shared.recommendation().itemId());
        // hovering another item links that one while the mouse is over it
        int other = pop.stream().mapToInt(ItemCard::item).filter(i -> i != shared.item()).findFirst().orElseThrow();
        fx(() -> shown.hover(other));
        assertThat(fx(() -> shown.linkedItemProperty().get())).isEqualTo(other);
        fx(() -> shown.hover(-1));
        assertThat(fx(() -> shown.linkedItemProperty().get())).isEqualTo(shared.item());
    }

    @Test
    void metricsHaveARowPerModelAndSliceAtTheChosenK() throws Exception {
        RankingsViewModel vm = open();
        leaveLastOut(vm, 5, "42");
        evaluate(vm);
        assertThat(vm.metrics().ks()).containsExactly(5, 10, 20);
        assertThat(vm.metrics().kProperty().get()).isEqualTo(5);
        List<MetricRow> rows = List.copyOf(vm.metrics().rows());
        Set<String> slices = rows.stream().map(MetricRow::slice).collect(Collectors.toSet());
        assertThat(slices).contains(MetricRow.ALL, "cold-items", "head-items", "tail-items", "users:1-5", "users:6-20");
        assertThat(rows).hasSize(2 * slices.size());
        for (String model : List.of("pop", "cooc")) {
            assertThat(rows).filteredOn(r -> r.model().equals(model)).extracting(MetricRow::slice)
                    .containsExactlyInAnyOrderElementsOf(slices);
        }
        var run = vm.userPanel().runProperty().get();
        MetricRow coocAll = rows.stream().filter(r -> r.model().equals("cooc") && r.slice().equals(MetricRow.ALL))
                .findFirst().orElseThrow();
        assertThat(coocAll.value("ndcg")).isEqualTo(run.byModel().get("cooc").metric("ndcg@5"));
        assertThat(coocAll.value("gauc")).isEqualTo(run.byModel().get("cooc").metric("gauc"));
        assertThat(coocAll.users()).isEqualTo(run.byModel().get("cooc").users());
        // the planted aisles make co-occurrence beat popularity
        assertThat(coocAll.value("ndcg")).isGreaterThan(run.byModel().get("pop").metric("ndcg@5"));
        fx(() -> vm.metrics().kProperty().set(20));
        MetricRow at20 = fx(() -> vm.metrics().rows().stream().filter(r -> r.model().equals("cooc")
                && r.slice().equals(MetricRow.ALL)).findFirst().orElseThrow());
        assertThat(at20.value("recall")).isEqualTo(run.byModel().get("cooc").metric("recall@20"));
    }

    @Test
    void experimentsCompareTwoRunsWithDeltasAndFlagADifferentProtocol() throws Exception {
        RankingsViewModel vm = open();
        leaveLastOut(vm, 10, "42");
        evaluate(vm);
        long first = vm.userPanel().runProperty().get().runId();
        ExperimentsViewModel ex = vm.experiments();
        waitFx(10, () -> ex.rows().size() == 2);
        leaveLastOut(vm, 10, "7");
        evaluate(vm);
        long second = vm.userPanel().runProperty().get().runId();
        waitFx(10, () -> ex.rows().size() == 4);
        // the first run's pop became the baseline with the first run and stays it; the second run has another seed
        assertThat(fx(() -> ex.baselineProperty().get())).isEqualTo(new RunModel(first, "pop"));
        List<ExperimentRow> rows = fx(() -> List.copyOf(ex.rows()));
        ExperimentRow basePop = row(rows, first, "pop");
        ExperimentRow firstCooc = row(rows, first, "cooc");
        assertThat(basePop.flag()).isEqualTo(ExperimentRow.BASELINE);
        assertThat(basePop.ndcgDelta()).isNaN(); // no difference to itself is shown
        assertThat(firstCooc.flag()).isEmpty();
        assertThat(firstCooc.ndcgDelta()).isEqualTo(firstCooc.ndcg() - basePop.ndcg());
        assertThat(firstCooc.ndcgDelta()).isPositive();
        assertThat(firstCooc.recallPercent()).isEqualTo((firstCooc.recall() - basePop.recall()) / basePop.recall() * 100);
        for (String model : List.of("pop", "cooc")) {
            ExperimentRow r = row(rows, second, model);
            assertThat(r.flag()).startsWith("⚠ different protocol").contains("seed").doesNotContain("split");
            assertThat(r.protocol()).contains("seed 7");
        }
        assertThat(basePop.protocol()).contains("seed 42").contains("leave-last-out");
        assertThat(fx(() -> ex.baselineLineProperty().get())).contains("run #" + first).contains("seed 42");
        // another baseline: now the first run's rows are the ones under a different protocol
        fx(() -> ex.baselineProperty().set(new RunModel(second, "cooc")));
        List<ExperimentRow> again = fx(() -> List.copyOf(ex.rows()));
        assertThat(row(again, first, "cooc").flag()).startsWith("⚠ different protocol");
        assertThat(row(again, second, "pop").flag()).isEmpty();
        assertThat(row(again, second, "pop").ndcgDelta()).isNegative();
        // K follows the Metrics tab's K
        fx(() -> vm.metrics().kProperty().set(20));
        ExperimentRow at20 = row(fx(() -> List.copyOf(ex.rows())), first, "cooc");
        assertThat(at20.ndcg()).isEqualTo(((Number) ex.run(first).orElseThrow().models().get("cooc").get("ndcg@20")).doubleValue());
        // a stored run's metrics can be shown again
        fx(() -> vm.metrics().showStored(first));
        assertThat(fx(() -> vm.metrics().lineProperty().get())).startsWith("Run #" + first).contains("seed 42");
    }

    private static ExperimentRow row(List<ExperimentRow> rows, long run, String model) {
        return rows.stream().filter(r -> r.key().equals(new RunModel(run, model))).findFirst().orElseThrow();
    }

    @Test
    void exportsTheRankingsShownAndTheMetricsWithTheirProtocol() throws Exception {
        RankingsViewModel vm = open();
        leaveLastOut(vm, 5, "42");
        evaluate(vm);
        Path rankings = dir.resolve("rankings.csv");
        UserPanelViewModel shown = vm.userPanel();
        Job<Path> job = fx(() -> shown.exportRankings(rankings));
        job.result().get();
        List<String> lines = Files.readAllLines(rankings);
        assertThat(lines.get(0)).isEqualTo("user,model,rank,item_id,title,score,held_out");
        assertThat(lines).hasSize(1 + 2 * 5);
        String user = shown.panelProperty().get().user().externalId();
        ItemCard top = shown.columns().get(1).cards().get(0);
        assertThat(lines.get(6)).startsWith(user + ",cooc,1," + top.recommendation().externalId() + ","
                + RankingsCsv.cell(top.title()) + ",");
        Set<String> heldOutIds = new HashSet<>(shown.heldOut().stream().map(HistoryItem::externalId).toList());
        for (String line : lines.subList(1, lines.size())) {
            String id = line.split(",")[3];
            assertThat(line).endsWith(heldOutIds.contains(id) ? ",true" : ",false");
        }

        Path metrics = dir.resolve("metrics.csv");
        fx(() -> vm.metrics().export(metrics)).result().get();
        List<String> m = Files.readAllLines(metrics);
        assertThat(m.get(0)).startsWith("run,model,slice,users,ndcg@5,recall@5,").endsWith(",fit_s,eval_s,protocol");
        assertThat(m).hasSize(1 + vm.metrics().rows().size());
        String protocol = shown.runProperty().get().split().protocol().describe();
        assertThat(m.subList(1, m.size())).allSatisfy(l -> assertThat(l).endsWith(RankingsCsv.cell(protocol)));
        assertThat(m.get(1)).startsWith(shown.runProperty().get().runId() + ",pop,all,40,");
    }

    @Test
    void theModelsOfARunStayOpenWhileItIsShownAndCloseWhenAnotherReplacesIt() throws Exception {
        Path file = RankingsFixtures.shopLog(dir.resolve("shop.augur"));
        List<java.util.concurrent.atomic.AtomicBoolean> closed = new java.util.concurrent.CopyOnWriteArrayList<>();
        RankingsViewModel vm = open(file, ws -> {
            var flag = new java.util.concurrent.atomic.AtomicBoolean();
            closed.add(flag);
            return new ModelSession(RankingsFixtures.recommenders(), () -> flag.set(true));
        });
        tick(vm, "pop", "cooc");
        leaveLastOut(vm, 5, "42");
        evaluate(vm);
        evaluate(vm);
        // listing the names, then two runs: only the shown run's models are still open
        waitFx(10, () -> closed.size() == 3 && closed.stream().filter(b -> !b.get()).count() == 1);
        assertThat(closed.get(2).get()).isFalse();
        // picking another user scores with the open models
        UserPanelViewModel shown = vm.userPanel();
        fx(() -> shown.pickUser("u2"));
        waitFx(20, () -> shown.panelProperty().get().user().externalId().equals("u2"));
        assertThat(shown.columns()).allSatisfy(c -> assertThat(c.cards()).hasSize(5));
    }

    @Test
    void cancellingARunStoresNothing() throws Exception {
        Path file = RankingsFixtures.shopLog(dir.resolve("shop.augur"));
        RankingsViewModel vm = open(file, RankingsFixtures.recommenders()
                .with("slow", p -> new RankingsFixtures.UntilCancelled()));
        tick(vm, "pop", "slow");
        leaveLastOut(vm, 5, "42");
        assertThat(fx(() -> vm.evaluate().isPresent())).isTrue();
        waitFx(20, () -> vm.jobLineProperty().get().contains("Fitting slow"));
        fx(vm::cancel);
        waitFx(20, () -> !vm.runningProperty().get());
        assertThat(fx(() -> vm.statusProperty().get())).contains("Cancelled");
        assertThat(fx(() -> vm.userPanel().runProperty().get())).isNull();
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.evalRuns().list(0)).isEmpty();
        }
    }
}
