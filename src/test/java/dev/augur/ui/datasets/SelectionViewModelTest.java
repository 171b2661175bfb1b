package dev.augur.ui.datasets;

import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.UiFixtures;
import dev.augur.ui.common.ItemSelection;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static dev.augur.ui.UiFixtures.fx;
import static dev.augur.ui.UiFixtures.waitFx;
import static org.assertj.core.api.Assertions.assertThat;

/** Items picked on the map appear, with their titles, in the Datasets section's Selection tab. */
class SelectionViewModelTest {
    @TempDir
    Path dir;

    private final TaskExecutor tasks = new TaskExecutor(2);

    @BeforeAll
    static void fxStart() throws Exception {
        UiFixtures.startFx();
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    @Test
    void aMapSelectionListsThoseItemsAndClearingEmptiesIt() throws Exception {
        Path file = UiFixtures.shopWorkspace(dir.resolve("shop.augur"));
        long kettle;
        long shoes;
        try (Workspace ws = Workspace.open(file)) {
            kettle = ws.read().items("k1", Optional.empty()).get(0).id();
            shoes = ws.read().items("g1", Optional.empty()).get(0).id();
        }
        ItemSelection selection = new ItemSelection();
        SelectionViewModel vm = fx(() -> new SelectionViewModel(tasks, selection, () -> file));
        fx(() -> selection.replace(UiFixtures.DATASET, new long[] {shoes, kettle}));
        waitFx(10, () -> vm.items().size() == 2);
        assertThat(fx(() -> vm.items().stream().map(ItemRecord::title).toList()))
                .containsExactly("Copper Tea Kettle", "Trail Running Shoes"); // in id order
        assertThat(fx(() -> vm.summaryProperty().get())).startsWith("2 items of shop selected");

        fx(vm::clear);
        waitFx(10, () -> vm.items().isEmpty());
        assertThat(selection.ids()).isEmpty();
    }
}
