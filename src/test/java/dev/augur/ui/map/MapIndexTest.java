package dev.augur.ui.map;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The grid index, the id table and the colourings, without JavaFX. */
class MapIndexTest {

    @Test
    void gridQueriesFindExactlyWhatAScanFinds() {
        MapPoints p = SyntheticMapData.points(20_000, 5);
        LoadedMap m = LoadedMap.of(new MapSpace("k", "d", "l"), p);
        assertThat(m.grid().cols() * m.grid().rows()).isBetween(4_000, 6_000);
        SplittableRandom rnd = new SplittableRandom(1);
        for (int q = 0; q < 50; q++) {
            double x0 = rnd.nextDouble(m.minX(), m.maxX());
            double y0 = rnd.nextDouble(m.minY(), m.maxY());
            double x1 = x0 + rnd.nextDouble(0.01, 6);
            double y1 = y0 + rnd.nextDouble(0.01, 6);
            List<Integer> found = new ArrayList<>();
            m.grid().inside(x0, y0, x1, y1, found::add);
            List<Integer> scan = new ArrayList<>();
            for (int i = 0; i < p.size(); i++) {
                if (p.x(i) >= x0 && p.x(i) <= x1 && p.y(i) >= y0 && p.y(i) <= y1) {
                    scan.add(i);
                }
            }
            assertThat(found).containsExactlyInAnyOrderElementsOf(scan);
        }
        for (int i = 0; i < p.size(); i += 97) {
            assertThat(m.indexOf(p.ids()[i])).isEqualTo(i);
        }
        assertThat(m.indexOf(-5)).isEqualTo(-1);
        assertThat(m.indexOf(20_001)).isEqualTo(-1);
    }

    @Test
    void manyCategoriesShareAnOtherEntryAndFlagsCountBothSides() {
        MapPoints p = GridData.points(false);
        String[] many = new String[p.size()];
        for (int i = 0; i < many.length; i++) {
            many[i] = "c" + (i % 30);
        }
        MapPoints q = new MapPoints(p.ids(), p.xy(), p.titles(), p.externalIds(), many, p.popularity(), p.cold(),
                p.synthetic(), p.annotation(), p.cluster());
        Colouring c = Colouring.compute(q, ColourBy.CATEGORY, null);
        assertThat(c.legend()).hasSize(Colouring.MAX_VALUES);
        assertThat(c.legend().get(Colouring.MAX_VALUES - 1).label()).isEqualTo("other");
        assertThat(c.legend().get(Colouring.MAX_VALUES - 1).count()).isEqualTo(300 - 11 * 10);

        Colouring cold = Colouring.compute(p, ColourBy.COLD, null);
        assertThat(cold.legend()).extracting(Colouring.Legend::label, Colouring.Legend::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("warm", 280), org.assertj.core.groups.Tuple.tuple("cold", 20));
        Colouring pop = Colouring.compute(p, ColourBy.POPULARITY, null);
        assertThat(pop.legend()).extracting(Colouring.Legend::count).containsExactly(61, 60, 60, 60, 59);
        assertThat(pop.legend().get(0).label()).isEqualTo("popularity 0–60");
        Colouring change = Colouring.compute(p, ColourBy.CHANGE, null);
        assertThat(change.legend().get(5).count()).isEqualTo(300);
        assertThat(MapHitTest.insidePolygon(1, 1, new double[] {0, 2, 2, 0}, new double[] {0, 0, 2, 2}, 4)).isTrue();
        assertThat(MapHitTest.insidePolygon(3, 1, new double[] {0, 2, 2, 0}, new double[] {0, 0, 2, 2}, 4)).isFalse();
    }
}
