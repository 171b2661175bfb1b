package dev.augur.ui.map;

import dev.augur.core.task.TaskExecutor;
import dev.augur.core.task.TaskMonitor;
import dev.augur.ui.UiFixtures;
import dev.augur.ui.common.ItemSelection;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.augur.ui.UiFixtures.fx;
import static dev.augur.ui.UiFixtures.waitFx;
import static org.assertj.core.api.Assertions.assertThat;

/** The map's view model without a stage, over seeded synthetic clusters: loading, change list, search, selection. */
class MapViewModelTest {
    private static final int N = 3_000;

    @TempDir
    Path dir;

    private final TaskExecutor tasks = new TaskExecutor(2);
    private final ItemSelection selection = new ItemSelection();
    private final SyntheticMapData data = new SyntheticMapData(N, 11);

    @BeforeAll
    static void start() throws Exception {
        UiFixtures.startFx();
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    private MapViewModel open() throws Exception {
        MapViewModel vm = fx(() -> new MapViewModel(tasks, data, selection));
        fx(vm::refresh);
        waitFx(20, () -> vm.left().colouringProperty().get() != null);
        return vm;
    }

    @Test
    void loadsTheFirstSpaceColouredByCategoryWithALegendThatCountsEveryPoint() throws Exception {
        MapViewModel vm = open();
        assertThat(vm.spaces()).containsExactly(data.first(), data.second());
        assertThat(vm.leftSpaceProperty().get()).isEqualTo(data.first());
        assertThat(vm.left().mapProperty().get().size()).isEqualTo(N);
        assertThat(vm.right().mapProperty().get()).isNull();
        assertThat(vm.legend()).hasSizeBetween(2, Colouring.MAX_VALUES);
        assertThat(vm.legend().stream().mapToInt(LegendEntry::count).sum()).isEqualTo(N);
        assertThat(fx(() -> vm.statusProperty().get())).isEqualTo("3,000 points");

        fx(() -> vm.colourByProperty().set(ColourBy.POPULARITY));
        waitFx(20, () -> vm.left().colouringProperty().get() != null
                && vm.left().colouringProperty().get().by() == ColourBy.POPULARITY);
        assertThat(vm.legend()).hasSizeBetween(2, 5);
        assertThat(vm.legend().get(0).label()).startsWith("popularity ");
        assertThat(vm.legend().stream().mapToInt(LegendEntry::count).sum()).isEqualTo(N);
    }

    @Test
    void sideBySideScoresTheNeighbourhoodChangeAndListsTheTop200() throws Exception {
        MapViewModel vm = open();
        fx(() -> vm.sideBySideProperty().set(true));
        waitFx(20, () -> vm.changeReadyProperty().get());
        assertThat(vm.rightSpaceProperty().get()).isEqualTo(data.second());
        float[] scores = data.neighbourhoodChange(data.first(), data.second(), TaskMonitor.NONE);
        long[] ids = data.load(data.first(), TaskMonitor.NONE).ids();
        List<Long> expected = IntStream.range(0, N).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingLong(i -> ids[i]))
                .limit(MapViewModel.CHANGE_LIST_SIZE).map(i -> ids[i]).toList();
        assertThat(vm.changes()).extracting(ChangeRow::id).containsExactlyElementsOf(expected);
        assertThat(vm.changes().get(0).score()).isGreaterThan(vm.changes().get(199).score());
        assertThat(vm.left().change()).hasSize(N);
        assertThat(vm.right().change()).containsExactly(vm.left().change()); // same ids, same order here

        fx(() -> vm.sideBySideProperty().set(false));
        assertThat(vm.changes()).isEmpty();
        assertThat(vm.right().mapProperty().get()).isNull();
        assertThat(vm.left().change()).isNull();
    }

    @Test
    void searchCountsTitleAndIdMatchesIgnoringCase() throws Exception {
        MapViewModel vm = open();
        MapPoints p = vm.left().mapProperty().get().points();
        long expected = IntStream.range(0, N).filter(i -> p.titles()[i].toLowerCase().contains("river")
                || p.externalIds()[i].contains("river")).count();
        assertThat(expected).isBetween(1L, (long) N - 1);
        fx(() -> vm.searchProperty().set("RIVER"));
        waitFx(20, () -> vm.matchCountProperty().get() >= 0);
        assertThat(vm.matchCountProperty().get()).isEqualTo((int) expected);
        fx(() -> vm.searchProperty().set("item-2999"));
        waitFx(20, () -> vm.matchCountProperty().get() == 1);
    }

    @Test
    void selectionGesturesWriteTheSharedSelectionAndExportAsCsv() throws Exception {
        MapViewModel vm = open();
        fx(() -> vm.select(new long[] {5, 3, 9}, MapCanvas.SelectMode.REPLACE));
        assertThat(selection.ids()).containsExactlyInAnyOrder(5L, 3L, 9L);
        assertThat(selection.datasetProperty().get()).isEqualTo(SyntheticMapData.DATASET);
        assertThat(vm.selectionCountProperty().get()).isEqualTo(3);
        fx(() -> vm.select(new long[] {3}, MapCanvas.SelectMode.TOGGLE));
        fx(() -> vm.select(new long[] {12}, MapCanvas.SelectMode.ADD));
        assertThat(selection.ids()).containsExactlyInAnyOrder(5L, 9L, 12L);
        long revision = selection.revisionProperty().get();
        fx(() -> vm.select(new long[] {1, 2, 4, 8, 16, 32, 64}, MapCanvas.SelectMode.REPLACE));
        assertThat(selection.revisionProperty().get()).isEqualTo(revision + 1); // one change, not one per id

        Path csv = dir.resolve("sel.csv");
        fx(() -> vm.exportSelectionCsv(csv)).result().get(20, TimeUnit.SECONDS);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0)).isEqualTo("id,external_id,title,category,popularity,x,y");
        MapPoints p = vm.left().mapProperty().get().points();
        assertThat(lines.get(1)).isEqualTo(String.join(",", "1", "item-1", p.titles()[0], p.category()[0],
                Integer.toString(p.popularity()[0]), Float.toString(p.x(0)), Float.toString(p.y(0))));

        List<ItemSelection.Opened> opened = new java.util.ArrayList<>();
        selection.addOpenListener(opened::add);
        fx(() -> vm.open(64));
        assertThat(opened).containsExactly(new ItemSelection.Opened(SyntheticMapData.DATASET, 64, "item-64"));
    }

    @Test
    void anEmptySourceSaysSoAndShowsNoMap() throws Exception {
        MapViewModel vm = fx(() -> new MapViewModel(tasks, MapDataSource.empty(), selection));
        fx(vm::refresh);
        waitFx(20, () -> vm.emptyProperty().get());
        assertThat(vm.left().mapProperty().get()).isNull();
        assertThat(fx(() -> vm.statusProperty().get())).isEqualTo("No 2-D projections yet.");
    }
}
