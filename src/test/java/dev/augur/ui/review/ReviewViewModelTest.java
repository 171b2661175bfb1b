package dev.augur.ui.review;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.ReviewDecision;
import dev.augur.core.store.SyntheticRow;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskExecutor;
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
import static org.assertj.core.api.Assertions.assertThat;

/** The review queue without a stage, over a real workspace with synthetic proposals. */
class ReviewViewModelTest {
    @TempDir
    Path dir;

    private final TaskExecutor tasks = new TaskExecutor(2);
    private final List<ReviewViewModel> opened = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        UiFixtures.startFx();
    }

    @AfterEach
    void stop() {
        opened.forEach(ReviewViewModel::close);
        tasks.close();
    }

    private ReviewViewModel open(Path file, int pageSize) throws Exception {
        List<DatasetInfo> datasets;
        try (Workspace ws = Workspace.open(file)) {
            datasets = ws.read().datasets();
        }
        ReviewViewModel vm = fx(() -> new ReviewViewModel(tasks, pageSize));
        opened.add(vm);
        fx(() -> vm.open(file, datasets));
        settle(vm);
        return vm;
    }

    /** Waits until no read or write of the queue is on its way. */
    static void settle(ReviewViewModel vm) throws Exception {
        waitFx(30, () -> !vm.busy().get() && vm.writingProperty().get() == 0);
    }

    private static SyntheticRow stored(Path file, long id) {
        try (Workspace ws = Workspace.open(file)) {
            return ws.synthetic().get(id).orElseThrow();
        }
    }

    private static List<ReviewDecision> log(ReviewFixtures.Made m) {
        try (Workspace ws = Workspace.open(m.file())) {
            return ws.annotations().auditLog(m.datasetId());
        }
    }

    private static long current(ReviewViewModel vm) throws Exception {
        return fx(() -> vm.page().currentProperty().get().interactionId());
    }

    @Test
    void theQueueFiltersSortsCountsAndShowsWhatIsNeededToJudgeARow() throws Exception {
        ReviewFixtures.Made m = ReviewFixtures.shopWithProposals(dir.resolve("shop.augur"));
        assertThat(m.ids()).hasSize(11); // the three observed pairs are never proposed
        ReviewViewModel vm = open(m.file(), 500);
        assertThat(fx(() -> vm.page().rows().size())).isEqualTo(11);
        assertThat(fx(() -> vm.counts().line().get())).isEqualTo("Pending 11 · Accepted 0 · Rejected 0");
        assertThat(current(vm)).isEqualTo(m.ids().get(0));
        // u1 → k3: the item's text, u1's observed ratings, the proposal and its provenance
        assertThat(fx(() -> vm.detail().titleProperty().get())).isEqualTo("User u1 → Espresso Tamper (k3)");
        assertThat(fx(() -> vm.detail().itemTextProperty().get())).contains("Packs ground coffee evenly")
                .contains("kitchen, coffee");
        assertThat(fx(() -> vm.detail().historyProperty().get())).contains("5  Copper Tea Kettle (k1)")
                .contains("4  Glass Teapot (k2)").doesNotContain("Trail Running Shoes");
        assertThat(fx(() -> vm.detail().rationaleProperty().get())).isEqualTo("u1 would like k3");
        assertThat(fx(() -> vm.detail().factsProperty().get())).contains("proposed 3").contains("model tiny")
                .contains("confidence 0.19").contains("content 0.30").contains("collaborative 0.10");
        assertThat(fx(() -> vm.detail().profileLineProperty().get())).isEqualTo("No generated profile for this item.");

        fx(() -> vm.filter().modelProperty().set("big"));
        settle(vm);
        assertThat(fx(() -> List.copyOf(vm.page().rows()))).hasSize(6).allMatch(r -> r.model().equals("big"));
        assertThat(fx(() -> vm.counts().line().get())).isEqualTo("Pending 6 · Accepted 0 · Rejected 0");

        fx(() -> {
            vm.filter().modelProperty().set(QueueFilter.ALL);
            vm.filter().minConfidenceProperty().set("0.5");
            vm.filter().sortProperty().set("confidence");
        });
        settle(vm);
        List<Double> confidences = fx(() -> vm.page().rows().stream().map(SyntheticRow::confidence).toList());
        assertThat(confidences).isNotEmpty().allMatch(c -> c >= 0.5)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());

        fx(() -> vm.filter().minConfidenceProperty().set("high"));
        assertThat(fx(() -> vm.errorProperty().get())).contains("confidence from").contains("high");
        assertThat(fx(() -> vm.page().rows().size())).isEqualTo(confidences.size()); // the last good page stays

        fx(() -> {
            vm.filter().minConfidenceProperty().set("");
            vm.filter().itemProperty().set("g2");
        });
        settle(vm);
        assertThat(fx(() -> vm.errorProperty().get())).isEmpty();
        assertThat(fx(() -> List.copyOf(vm.page().rows()))).extracting(SyntheticRow::userExternalId)
                .containsExactlyInAnyOrder("u1", "u2");
    }

    @Test
    void eachKeyCommitsItsDecisionInOrderAndTheCursorMovesToTheNextPendingRow() throws Exception {
        ReviewFixtures.Made m = ReviewFixtures.shopWithProposals(dir.resolve("shop.augur"));
        List<Long> ids = m.ids();
        ReviewViewModel vm = open(m.file(), 500);
        fx(() -> vm.annotator().set("ana"));
        settle(vm);

        assertThat(fx(vm::accept)).isTrue();
        assertThat(current(vm)).as("moves on before the commit returns").isEqualTo(ids.get(1));
        assertThat(fx(vm::reject)).isTrue();
        settle(vm);
        assertThat(stored(m.file(), ids.get(0)).status()).isEqualTo("accepted");
        assertThat(stored(m.file(), ids.get(1)).status()).isEqualTo("rejected");
        assertThat(log(m)).extracting(ReviewDecision::action).containsExactly("accept", "reject");
        assertThat(log(m)).extracting(ReviewDecision::annotator).containsOnly("ana");
        assertThat(current(vm)).isEqualTo(ids.get(2));

        double proposed = stored(m.file(), ids.get(2)).value();
        assertThat(fx(vm::startEdit)).isTrue();
        assertThat(fx(() -> vm.editor().textProperty().get())).isEqualTo(RowText.value(proposed));
        fx(() -> vm.editor().textProperty().set("lots"));
        assertThat(fx(vm::commitEdit)).isFalse();
        assertThat(fx(() -> vm.editor().errorProperty().get())).contains("'lots'");
        assertThat(fx(() -> vm.editor().editingProperty().get())).isTrue();
        fx(() -> vm.editor().textProperty().set("4.5"));
        assertThat(fx(vm::commitEdit)).isTrue();
        settle(vm);
        SyntheticRow edited = stored(m.file(), ids.get(2));
        assertThat(edited.status()).isEqualTo("accepted");
        assertThat(edited.value()).isEqualTo(4.5);
        assertThat(edited.proposedValue()).isEqualTo(proposed);
        assertThat(current(vm)).isEqualTo(ids.get(3));

        assertThat(fx(vm::undo)).isTrue();
        settle(vm);
        SyntheticRow reverted = stored(m.file(), ids.get(2));
        assertThat(reverted.status()).isEqualTo("pending");
        assertThat(reverted.value()).isEqualTo(proposed);
        assertThat(current(vm)).as("undo shows the row it reverted").isEqualTo(ids.get(2));
        assertThat(fx(() -> vm.page().currentProperty().get().status())).isEqualTo("pending");
        assertThat(fx(() -> List.copyOf(vm.detail().decisions()))).extracting(ReviewDecision::action)
                .containsExactly("edit", "undo");
        assertThat(fx(() -> vm.messageProperty().get())).startsWith("Undone: back to pending");

        fx(vm::next);
        assertThat(current(vm)).isEqualTo(ids.get(3));
        fx(vm::previous);
        assertThat(current(vm)).isEqualTo(ids.get(2));
        assertThat(fx(vm::skip)).isTrue();
        settle(vm);
        assertThat(stored(m.file(), ids.get(2)).status()).isEqualTo("pending");
        assertThat(current(vm)).isEqualTo(ids.get(3));
        assertThat(log(m)).extracting(ReviewDecision::action)
                .containsExactly("accept", "reject", "edit", "undo", "skip");
        assertThat(fx(() -> vm.counts().line().get())).isEqualTo("Pending 9 · Accepted 1 · Rejected 1");
        assertThat(fx(() -> vm.page().rows().get(0).status())).isEqualTo("accepted");
        assertThat(fx(() -> vm.page().rows().get(1).status())).isEqualTo("rejected");
    }

    @Test
    void noDecisionIsMadeUntilTheAnnotatorIsNamedAndTheNameIsAskedOncePerWorkspace() throws Exception {
        ReviewFixtures.Made m = ReviewFixtures.shopWithProposals(dir.resolve("shop.augur"));
        ReviewViewModel vm = open(m.file(), 500);
        assertThat(fx(() -> vm.annotator().neededProperty().get())).isTrue();
        assertThat(fx(vm::accept)).isFalse();
        assertThat(fx(vm::undo)).isFalse();
        assertThat(fx(() -> vm.messageProperty().get())).contains("annotator name");
        assertThat(current(vm)).isEqualTo(m.ids().get(0));

        fx(() -> vm.annotator().set("   "));
        assertThat(fx(() -> vm.errorProperty().get())).contains("1 to 80 characters");
        fx(() -> vm.annotator().set("bo"));
        settle(vm);
        assertThat(fx(() -> vm.annotator().neededProperty().get())).isFalse();
        assertThat(log(m)).isEmpty();
        try (Workspace ws = Workspace.open(m.file())) {
            assertThat(ws.annotations().annotator()).contains("bo");
        }

        ReviewViewModel again = open(m.file(), 500);
        assertThat(fx(() -> again.annotator().neededProperty().get())).isFalse();
        assertThat(fx(() -> again.annotator().nameProperty().get())).isEqualTo("bo");
        assertThat(fx(again::accept)).isTrue();
        settle(again);
        assertThat(log(m)).extracting(ReviewDecision::annotator).containsExactly("bo");
    }

    @Test
    void aBulkDecisionChangesExactlyTheConfirmedRowsOfTheFilter() throws Exception {
        ReviewFixtures.Made m = ReviewFixtures.shopWithProposals(dir.resolve("shop.augur"));
        ReviewViewModel vm = open(m.file(), 500);
        fx(() -> vm.annotator().set("ana"));
        fx(() -> vm.filter().modelProperty().set("big"));
        settle(vm);

        fx(() -> vm.bulk().request(ReviewDecision.REJECT));
        waitFx(20, () -> vm.bulk().requestProperty().get() != null);
        fx(vm.bulk()::cancel);
        settle(vm);
        assertThat(log(m)).isEmpty();

        fx(() -> vm.bulk().request(ReviewDecision.ACCEPT));
        waitFx(20, () -> vm.bulk().requestProperty().get() != null);
        BulkDecisions.Request req = fx(() -> vm.bulk().requestProperty().get());
        assertThat(req.ids()).hasSize(6);
        assertThat(req.question()).startsWith("Accept 6 synthetic interactions").contains("model big");
        fx(vm.bulk()::confirm);
        settle(vm);
        try (Workspace ws = Workspace.open(m.file())) {
            for (long id : m.ids()) {
                SyntheticRow r = ws.synthetic().get(id).orElseThrow();
                assertThat(r.status()).as(r.model()).isEqualTo(r.model().equals("big") ? "accepted" : "pending");
            }
        }
        assertThat(log(m)).hasSize(6).allMatch(d -> d.action().equals("accept") && d.annotator().equals("ana"));
        assertThat(fx(() -> vm.counts().line().get())).isEqualTo("Pending 0 · Accepted 6 · Rejected 0");
        assertThat(fx(() -> vm.page().rows().size())).as("the pending filter is empty now").isZero();
    }

    @Test
    void decidingThroughAPageLoadsTheNextPendingRowsWithoutSkippingAny() throws Exception {
        ReviewFixtures.Made m = ReviewFixtures.shopWithProposals(dir.resolve("shop.augur"));
        List<Long> ids = m.ids();
        ReviewViewModel vm = open(m.file(), 4);
        fx(() -> vm.annotator().set("ana"));
        settle(vm);
        assertThat(fx(() -> vm.page().pageLineProperty().get())).isEqualTo("1–4 of 11");
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            seen.add(current(vm));
            assertThat(fx(vm::accept)).isTrue();
            settle(vm);
        }
        assertThat(seen).as("every pending row once, in order, across three pages").isEqualTo(ids);
        assertThat(fx(() -> vm.messageProperty().get())).contains("No pending rows after this one");
        try (Workspace ws = Workspace.open(m.file())) {
            assertThat(ws.annotations().auditLog(m.datasetId())).hasSize(11);
            assertThat(ws.synthetic().count(dev.augur.core.store.SyntheticFilter.all(m.datasetId())
                    .withStatus("accepted"))).isEqualTo(11);
        }

        fx(() -> vm.filter().statusProperty().set(QueueFilter.ALL));
        settle(vm);
        for (int i = 0; i < 4; i++) {
            fx(vm::next);
            settle(vm);
        }
        assertThat(current(vm)).isEqualTo(ids.get(4));
        assertThat(fx(() -> vm.page().pageLineProperty().get())).isEqualTo("5–8 of 11");
        fx(vm::previous);
        settle(vm);
        assertThat(current(vm)).isEqualTo(ids.get(3));
        assertThat(fx(() -> vm.page().pageLineProperty().get())).isEqualTo("1–4 of 11");
    }
}
