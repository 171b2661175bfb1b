package dev.augur.ui.datasets;

import dev.augur.core.store.ItemDetail;
import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.UserDetail;
import dev.augur.core.store.UserRecord;

import dev.augur.core.encode.DeviceChoice;
import dev.augur.core.encode.EncodeRequest;
import dev.augur.core.encode.EncodeService;
import dev.augur.core.encode.EncodeTarget;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskExecutor;
import dev.augur.core.task.TaskMonitor;
import dev.augur.core.vectors.SimilarItem;
import dev.augur.core.vectors.SimilarItems;
import dev.augur.ui.UiFixtures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.augur.ui.UiFixtures.fx;
import static dev.augur.ui.UiFixtures.waitFx;
import static org.assertj.core.api.Assertions.assertThat;

/** The detail pane's content, without a stage. */
class DetailViewModelTest {

    @Test
    void anItemShowsEveryFieldItsRatingBarsAndRecentUsers() {
        DetailViewModel vm = new DetailViewModel(null, null);
        ItemRecord item = new ItemRecord(7, "ml", "11", "American President, The (1995)", "A widowed president…",
                "[\"Comedy\",\"Romance\"]", "{\"year\":1995,\"imdb_id\":\"0112346\"}", 3, 1);
        vm.item(new ItemDetail(item, List.of(new ItemDetail.ValueCount(3.0, 1), new ItemDetail.ValueCount(4.5, 2)),
                List.of(new ItemDetail.UserInteraction("42", null, 4.5, 964981247L))));
        assertThat(vm.titleProperty().get()).isEqualTo("Item 11 — American President, The (1995)");
        assertThat(vm.fieldsProperty().get()).contains("description: A widowed president…")
                .contains("categories: Comedy, Romance").contains("year: 1995").contains("imdb_id: 0112346")
                .contains("interactions: 3 · reviews: 1");
        assertThat(vm.ratingBars()).hasSize(2);
        assertThat(vm.ratingBars().get(1)).startsWith(" 4.5").endsWith(" 2");
        assertThat(vm.ratingBars().get(1).chars().filter(c -> c == '█').count())
                .isGreaterThan(vm.ratingBars().get(0).chars().filter(c -> c == '█').count());
        assertThat(vm.timeline()).containsExactly("2000-07-30 18:20:47  user 42  rated 4.5");
    }

    @Test
    void aUserShowsAttributesAndTheHistoryInTimeOrder() {
        DetailViewModel vm = new DetailViewModel(null, null);
        UserRecord user = new UserRecord(1, "ml", "u1", "{\"age\":24,\"occupation\":\"technician\"}", 2, 0);
        vm.user(new UserDetail(user, List.of(
                new ItemDetail.UserInteraction("1", "Toy Story (1995)", 5.0, 874965758L),
                new ItemDetail.UserInteraction("2", "GoldenEye (1995)", null, null))));
        assertThat(vm.titleProperty().get()).isEqualTo("User u1");
        assertThat(vm.fieldsProperty().get()).contains("age: 24").contains("occupation: technician");
        assertThat(vm.ratingBars()).isEmpty();
        assertThat(vm.timeline().get(0)).startsWith("1997-09-22").contains("★5").contains("Toy Story (1995)");
        assertThat(vm.timeline().get(1)).startsWith("(no time)").contains("GoldenEye");
    }

    @Test
    void similarItemsAppearOnceItemsAreEncodedAndOpenTheirOwnDetail(@TempDir Path dir) throws Exception {
        UiFixtures.startFx();
        Path file = UiFixtures.shopWorkspace(dir.resolve("shop.augur"));
        try (TaskExecutor tasks = new TaskExecutor(2); SimilarItems similar = new SimilarItems();
             EncodeService encoder = new EncodeService()) {
            DetailViewModel vm = fx(() -> new DetailViewModel(tasks, similar));
            boolean[] navigated = {false};
            vm.setOnOpenVectors(() -> navigated[0] = true);
            fx(() -> vm.showItem(file, UiFixtures.DATASET, "k1"));
            waitFx(20, () -> vm.noVectorsProperty().get());
            assertThat(fx(() -> vm.titleProperty().get())).isEqualTo("Item k1 — Copper Tea Kettle");
            assertThat(fx(() -> vm.similarShownProperty().get())).isTrue();
            assertThat(fx(() -> vm.similarStatusProperty().get())).isEqualTo(DetailViewModel.NO_VECTORS);
            assertThat(fx(() -> vm.similar().isEmpty())).isTrue();
            fx(vm::openVectors);
            assertThat(navigated[0]).isTrue();

            try (Workspace ws = Workspace.open(file)) {
                encoder.run(ws, EncodeRequest.of(EncodeTarget.ITEMS, "minilm-q").withDevice(DeviceChoice.CPU), TaskMonitor.NONE);
            }
            fx(vm::refreshSimilar);
            waitFx(20, () -> !vm.similar().isEmpty());
            List<SimilarItem> near = fx(() -> List.copyOf(vm.similar()));
            assertThat(near).hasSize(5); // six items have vectors; k1 itself is not its own neighbour
            assertThat(near).extracting(SimilarItem::externalId).doesNotContain("k1", "c1");
            assertThat(near.get(0).externalId()).isEqualTo("k2"); // the teapot, not the hiking gear
            assertThat(near.get(0).cosine()).isGreaterThan(near.get(4).cosine());
            assertThat(fx(() -> vm.noVectorsProperty().get())).isFalse();
            assertThat(fx(() -> vm.similarStatusProperty().get())).isEmpty();
            assertThat(fx(() -> vm.similarSets().size())).isEqualTo(1);
            assertThat(fx(() -> vm.similarSetProperty().get().encoder())).isEqualTo("minilm-q");

            fx(() -> vm.openSimilar(near.get(0)));
            waitFx(20, () -> vm.titleProperty().get().startsWith("Item k2"));
            waitFx(20, () -> !vm.similar().isEmpty() && vm.similar().stream().anyMatch(s -> s.externalId().equals("k1")));
            assertThat(fx(() -> vm.similar().stream().map(SimilarItem::externalId).toList())).doesNotContain("k2");
        }
    }
}
