package dev.augur.ui.datasets;

import dev.augur.core.store.ItemDetail;
import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.UserDetail;
import dev.augur.core.store.UserRecord;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The detail pane's content, without a stage. */
class DetailViewModelTest {

    @Test
    void anItemShowsEveryFieldItsRatingBarsAndRecentUsers() {
        DetailViewModel vm = new DetailViewModel(null);
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
        DetailViewModel vm = new DetailViewModel(null);
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
}
