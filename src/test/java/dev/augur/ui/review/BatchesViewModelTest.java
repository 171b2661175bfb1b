package dev.augur.ui.review;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.ReviewDecision;
import dev.augur.core.store.ReviewStore;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.UiFixtures;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.augur.ui.UiFixtures.fx;
import static dev.augur.ui.UiFixtures.waitFx;
import static dev.augur.ui.review.ReviewViewModelTest.settle;
import static org.assertj.core.api.Assertions.assertThat;

/** The Batches tab without a stage: overlap, agreement as hand-computed, conflicts and their adjudication. */
class BatchesViewModelTest {
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

    private BatchesViewModel open(ReviewFixtures.Made m) throws Exception {
        List<DatasetInfo> datasets;
        try (Workspace ws = Workspace.open(m.file())) {
            datasets = ws.read().datasets();
        }
        vm = fx(() -> new ReviewViewModel(tasks));
        fx(() -> vm.open(m.file(), datasets));
        settle(vm);
        fx(() -> vm.annotator().set("lead"));
        settle(vm);
        return vm.batches();
    }

    /** Waits until no job of the app runs: the test then writes to the workspace alone. */
    private void quiet() throws Exception {
        settle(vm);
        waitFx(30, () -> tasks.jobs().stream().allMatch(j -> j.state().isFinished()));
    }

    private static void idle(BatchesViewModel b) throws Exception {
        // the reads chain (batches, then conflicts); wait until the conflicts match the selected batch's report
        waitFx(30, () -> b.selectedProperty().get() == null
                || b.conflicts().size() == b.selectedProperty().get().report().conflicts().size());
        Thread.sleep(100);
        waitFx(30, () -> b.selectedProperty().get() == null
                || b.conflicts().size() == b.selectedProperty().get().report().conflicts().size());
    }

    @Test
    void eachRowGoesToAsManyAnnotatorsAsAskedAndTheLoadIsEven() {
        List<Long> ids = List.of(10L, 11L, 12L, 13L, 14L, 15L);
        Map<List<String>, List<Long>> plan = BatchesViewModel.plan(ids, List.of("ana", "bo", "cy"), 2);
        Map<Long, Integer> perRow = new HashMap<>();
        Map<String, Integer> perPerson = new HashMap<>();
        plan.forEach((people, rows) -> rows.forEach(id -> {
            perRow.merge(id, people.size(), Integer::sum);
            people.forEach(p -> perPerson.merge(p, 1, Integer::sum));
        }));
        assertThat(perRow).containsOnlyKeys(ids).allSatisfy((id, n) -> assertThat(n).isEqualTo(2));
        assertThat(perPerson).containsOnlyKeys("ana", "bo", "cy").allSatisfy((p, n) -> assertThat(n).isEqualTo(4));
        assertThat(BatchesViewModel.plan(ids, List.of("ana", "bo", "cy"), 3)).hasSize(1)
                .containsEntry(List.of("ana", "bo", "cy"), ids);
        assertThat(BatchesViewModel.names(" ana, bo ,,ana, cy ")).containsExactly("ana", "bo", "cy");
    }

    @Test
    void twoAnnotatorsGetPercentAgreementCohensKappaPerLabelAgreementAndConflictsToAdjudicate() throws Exception {
        ReviewFixtures.Made m = ReviewFixtures.shopWithProposals(dir.resolve("shop.augur"));
        BatchesViewModel b = open(m);
        fx(() -> vm.filter().modelProperty().set("big")); // six rows
        settle(vm);
        fx(() -> {
            b.newNameProperty().set("round-1");
            b.newAnnotatorsProperty().set("ana, bo");
            b.perItemProperty().set(2);
        });
        assertThat(fx(() -> b.planLine().get())).contains("to all 2 annotators");
        fx(b::create);
        waitFx(30, () -> b.selectedProperty().get() != null && b.selectedProperty().get().batch().equals("round-1"));
        List<Long> batch;
        quiet();
        try (Workspace ws = Workspace.open(m.file())) {
            List<ReviewStore.BatchInfo> infos = ws.annotations().batches(m.datasetId());
            assertThat(infos).singleElement().satisfies(i -> {
                assertThat(i.annotators()).containsExactlyInAnyOrder("ana", "bo");
                assertThat(i.interactions()).isEqualTo(6);
            });
            batch = ws.annotations().labels("round-1").stream().map(ReviewStore.AnnotatorLabel::interactionId)
                    .distinct().toList();
            // ana: accept, accept, reject, reject; bo: accept, reject, reject, reject; the last two undecided
            String[] ana = {"accept", "accept", "reject", "reject"};
            String[] bo = {"accept", "reject", "reject", "reject"};
            for (int i = 0; i < 4; i++) {
                decide(ws, batch.get(i), "ana", ana[i]);
                decide(ws, batch.get(i), "bo", bo[i]);
            }
        }
        fx(b::refresh);
        waitFx(30, () -> b.selectedProperty().get().report().interactions() == 4);
        idle(b);
        BatchesViewModel.BatchRow row = fx(() -> b.selectedProperty().get());
        // po = 3/4; labels: ana {acc:x, acc:y, rej, rej}, bo {acc:x, rej, rej, rej}
        // pe = 1/4·1/4 (acc:x) + 1/4·0 (acc:y) + 1/2·3/4 (rej) = 7/16; kappa = (3/4 − 7/16) / (1 − 7/16) = 5/9
        assertThat(row.agreementText()).isEqualTo("75.0 %");
        assertThat(row.kappaText()).isEqualTo("Cohen κ 0.556");
        // "rejected": 2 agreeing ordered pairs on each of two rows, 1 pair involving it on the split row → 4/5
        assertThat(fx(() -> List.copyOf(b.labels()))).anySatisfy(l -> {
            assertThat(l.label()).isEqualTo("rejected");
            assertThat(l.agreementText()).isEqualTo("80.0 %");
        });
        List<BatchesViewModel.ConflictRow> conflicts = fx(() -> List.copyOf(b.conflicts()));
        assertThat(conflicts).singleElement().satisfies(c -> {
            assertThat(c.interactionId()).isEqualTo(batch.get(1));
            assertThat(c.labels()).contains("ana: accepted:").contains("bo: rejected");
            assertThat(c.adjudication()).isEmpty();
        });

        fx(() -> b.selectedConflictProperty().set(conflicts.get(0)));
        ReviewDecision d = fx(() -> b.adjudicate("accepted")).get();
        assertThat(d.action()).isEqualTo("adjudicate");
        assertThat(d.annotator()).isEqualTo("lead");
        assertThat(d.batch()).isEqualTo("round-1");
        waitFx(30, () -> !b.conflicts().isEmpty() && !b.conflicts().get(0).adjudication().isEmpty());
        assertThat(fx(() -> b.conflicts().get(0).adjudication())).isEqualTo("accepted by lead");
        try (Workspace ws = Workspace.open(m.file())) {
            assertThat(ws.synthetic().get(batch.get(1)).orElseThrow().status()).isEqualTo("accepted");
        }
    }

    @Test
    void threeAnnotatorsWithOverlapTwoGetFleissKappa() throws Exception {
        ReviewFixtures.Made m = ReviewFixtures.shopWithProposals(dir.resolve("shop.augur"));
        BatchesViewModel b = open(m);
        fx(() -> {
            b.newNameProperty().set("trio");
            b.newAnnotatorsProperty().set("ana, bo, cy");
            b.perItemProperty().set(2);
        });
        assertThat(fx(() -> b.planLine().get())).contains("to 2 of the 3 annotators");
        fx(b::create);
        waitFx(30, () -> b.selectedProperty().get() != null);
        quiet();
        try (Workspace ws = Workspace.open(m.file())) {
            List<ReviewStore.AnnotatorLabel> labels = ws.annotations().labels("trio");
            Map<Long, Integer> perRow = new HashMap<>();
            labels.forEach(l -> perRow.merge(l.interactionId(), 1, Integer::sum));
            assertThat(perRow).hasSize(11).allSatisfy((id, n) -> assertThat(n).isEqualTo(2));
            for (ReviewStore.AnnotatorLabel l : labels) {
                decide(ws, l.interactionId(), l.annotator(), l.interactionId() % 2 == 0 ? "accept" : "reject");
            }
        }
        fx(b::refresh);
        waitFx(30, () -> b.selectedProperty().get().report().interactions() == 11);
        BatchesViewModel.BatchRow row = fx(() -> b.selectedProperty().get());
        assertThat(row.agreementText()).isEqualTo("100.0 %");
        assertThat(row.kappaText()).startsWith("Fleiss κ");
        assertThat(row.report().conflicts()).isEmpty();
    }

    @Test
    void inABatchEachAnnotatorGoesThroughWhatTheyHaveNotLabelledWhateverTheOthersDecided() throws Exception {
        ReviewFixtures.Made m = ReviewFixtures.shopWithProposals(dir.resolve("shop.augur"));
        BatchesViewModel b = open(m);
        fx(() -> vm.filter().modelProperty().set("big"));
        settle(vm);
        fx(() -> {
            b.newNameProperty().set("pair");
            b.newAnnotatorsProperty().set("ana, bo");
        });
        assertThat(fx(b::create)).as(b.errorProperty().get()).isNotNull();
        waitFx(30, () -> b.selectedProperty().get() != null);
        fx(() -> vm.annotator().set("ana"));
        settle(vm);
        fx(() -> vm.filter().batchProperty().set("pair"));
        settle(vm);
        assertThat(fx(() -> vm.filter().statusProperty().get())).as("others' decisions show too").isEqualTo(QueueFilter.ALL);
        assertThat(fx(() -> vm.counts().line().get())).endsWith("yours to do 6");
        List<Long> rows = fx(() -> vm.page().rows().stream().map(dev.augur.core.store.SyntheticRow::interactionId).toList());
        assertThat(fx(vm::accept)).isTrue();
        assertThat(fx(vm::reject)).isTrue();
        settle(vm);
        assertThat(fx(() -> vm.counts().line().get())).endsWith("yours to do 4");
        assertThat(fx(() -> vm.page().currentProperty().get().interactionId())).isEqualTo(rows.get(2));

        fx(() -> vm.annotator().set("bo"));
        settle(vm);
        // accepted by ana, but bo has not labelled it: his queue starts there
        assertThat(fx(() -> vm.page().currentProperty().get().interactionId())).isEqualTo(rows.get(0));
        assertThat(fx(() -> vm.page().currentProperty().get().status())).isEqualTo("accepted");
        assertThat(fx(() -> vm.counts().line().get())).endsWith("yours to do 6");
        assertThat(fx(vm::reject)).isTrue();
        settle(vm);
        assertThat(fx(() -> vm.page().currentProperty().get().interactionId())).isEqualTo(rows.get(1));
        try (Workspace ws = Workspace.open(m.file())) {
            assertThat(ws.annotations().auditLog(m.datasetId())).extracting(ReviewDecision::batch).containsOnly("pair");
        }
        fx(b::refresh); // only the first row has two labels so far, and they differ
        waitFx(30, () -> b.selectedProperty().get().report().interactions() == 1);
        assertThat(fx(() -> b.selectedProperty().get().report().conflicts())).containsExactly(rows.get(0));
    }

    @Test
    void badBatchInputCreatesNothingAndSaysWhy() throws Exception {
        ReviewFixtures.Made m = ReviewFixtures.shopWithProposals(dir.resolve("shop.augur"));
        BatchesViewModel b = open(m);
        fx(() -> {
            b.newNameProperty().set("");
            b.newAnnotatorsProperty().set("ana, bo");
        });
        assertThat(fx(b::create)).isNull();
        assertThat(fx(() -> b.errorProperty().get())).isEqualTo("Give the batch a name.");
        fx(() -> {
            b.newNameProperty().set("x");
            b.perItemProperty().set(3);
        });
        assertThat(fx(b::create)).isNull();
        assertThat(fx(() -> b.errorProperty().get())).isEqualTo("Each row goes to 1 to 2 annotators, not 3.");
        try (Workspace ws = Workspace.open(m.file())) {
            assertThat(ws.annotations().batches(m.datasetId())).isEmpty();
        }
    }

    private static void decide(Workspace ws, long id, String who, String action) {
        ws.annotations().decide(id, who, action, action.equals("accept") ? "accepted" : "rejected", Double.NaN, "");
    }
}
