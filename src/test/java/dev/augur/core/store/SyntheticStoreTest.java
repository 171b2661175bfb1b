package dev.augur.core.store;

import dev.augur.core.dataset.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Synthetic proposals and review decisions on a real workspace file. */
class SyntheticStoreTest {
    @TempDir
    Path dir;

    private static SyntheticProposal proposal(long user, long item, double value, double confidence) {
        return new SyntheticProposal(user, item, value, "llm", "cold-items", "tiny", confidence, "because", 0.4, 0.1,
                0, "", 0);
    }

    @Test
    void proposalsArePendingNeverObservedAndRepeatsAreDropped() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            Fixtures.writeShop(ws);
            long d = ws.read().datasets().get(0).id();
            List<EntityRef> users = ws.read().entityIdsAfter(d, "user", 0, 10);
            List<EntityRef> items = ws.read().entityIdsAfter(d, "item", 0, 10);
            long u = users.get(0).id();
            SyntheticStore.Added added = ws.synthetic().add(d, List.of(proposal(u, items.get(5).id(), 1, 0.9),
                    proposal(u, items.get(6).id(), 0, 0.3), proposal(u, items.get(5).id(), 1, 0.8)));
            assertThat(added.created()).isEqualTo(2);
            assertThat(added.duplicates()).isEqualTo(1);
            WorkspaceStats stats = ws.read().stats(java.util.Optional.empty());
            assertThat(stats.synthetic().pending()).isEqualTo(2);
            assertThat(ws.interactions().load(d, true).size()).isEqualTo(ws.interactions().load(d, false).size());
            List<SyntheticRow> byConfidence = ws.synthetic().list(SyntheticFilter.all(d).sortedBy("confidence"), 0, 10);
            assertThat(byConfidence).extracting(SyntheticRow::confidence).containsExactly(0.9, 0.3);
            assertThat(byConfidence.get(0).itemTitle()).isNotEmpty();
            assertThat(ws.synthetic().count(SyntheticFilter.all(d).withConfidence(0.5, Double.NaN))).isEqualTo(1);
        }
    }

    @Test
    void decisionsChangeStatusLogBeforeAndAfterAndUndoIsLoggedToo() {
        Path file = dir.resolve("w.augur");
        long first;
        try (Workspace ws = Workspace.open(file)) {
            Fixtures.writeShop(ws);
            long d = ws.read().datasets().get(0).id();
            long u = ws.read().entityIdsAfter(d, "user", 0, 1).get(0).id();
            List<EntityRef> items = ws.read().entityIdsAfter(d, "item", 0, 10);
            List<Long> ids = ws.synthetic().add(d, List.of(proposal(u, items.get(5).id(), 1, 0.9),
                    proposal(u, items.get(6).id(), 3, 0.5))).ids();
            first = ids.get(0);
            ReviewStore review = ws.annotations();
            assertThatThrownBy(() -> review.accept(first, "")).hasMessageContaining("annotator");
            review.setAnnotator("ana");
            assertThat(review.annotator()).contains("ana");
            review.accept(ids.get(0), "ana");
            ReviewDecision edit = review.edit(ids.get(1), "ana", 4);
            assertThat(edit.beforeValue()).isEqualTo(3);
            assertThat(edit.afterValue()).isEqualTo(4);
            assertThat(ws.interactions().load(d, true).size()).isEqualTo(ws.interactions().load(d, false).size() + 2);
            ReviewDecision undo = review.undoLast("ana", d).orElseThrow();
            assertThat(undo.action()).isEqualTo("undo");
            assertThat(undo.undoes()).isEqualTo(edit.id());
            assertThat(ws.synthetic().get(ids.get(1)).orElseThrow().status()).isEqualTo("pending");
            assertThat(ws.synthetic().get(ids.get(1)).orElseThrow().value()).isEqualTo(3);
            // the next undo reverts the accept, not the already undone edit
            assertThat(review.undoLast("ana", d).orElseThrow().undoes()).isEqualTo(
                    review.history(ids.get(0)).get(0).id());
            assertThat(review.undoLast("ana", d)).isEmpty();
            assertThatThrownBy(() -> review.accept(99_999, "ana")).hasMessageContaining("no interaction 99999");
        }
        try (Workspace again = Workspace.open(file)) {
            long d = again.read().datasets().get(0).id();
            assertThat(again.annotations().auditLog(d)).extracting(ReviewDecision::action)
                    .containsExactly("accept", "edit", "undo", "undo");
            assertThat(again.annotations().history(first)).hasSize(2);
        }
    }

    @Test
    void batchLabelsAreEachAnnotatorsLatestDecision() {
        try (Workspace ws = Workspace.open(dir.resolve("w.augur"))) {
            Fixtures.writeShop(ws);
            long d = ws.read().datasets().get(0).id();
            long u = ws.read().entityIdsAfter(d, "user", 0, 1).get(0).id();
            List<EntityRef> items = ws.read().entityIdsAfter(d, "item", 0, 10);
            List<Long> ids = ws.synthetic().add(d, List.of(proposal(u, items.get(5).id(), 1, 0.9),
                    proposal(u, items.get(6).id(), 1, 0.5))).ids();
            ReviewStore r = ws.annotations();
            r.assign("b1", ids, List.of("ana", "bo"));
            r.accept(ids.get(0), "ana");
            r.reject(ids.get(0), "bo");
            r.accept(ids.get(1), "ana");
            assertThat(r.batches(d)).singleElement().satisfies(b -> {
                assertThat(b.interactions()).isEqualTo(2);
                assertThat(b.annotators()).containsExactlyInAnyOrder("ana", "bo");
            });
            assertThat(r.labels("b1")).extracting(ReviewStore.AnnotatorLabel::status)
                    .containsExactly("accepted", "rejected", "accepted", "");
            assertThat(ws.synthetic().count(SyntheticFilter.all(d).withBatch("b1"))).isEqualTo(2);
        }
    }
}
