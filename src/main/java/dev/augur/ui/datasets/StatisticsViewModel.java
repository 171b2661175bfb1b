package dev.augur.ui.datasets;

import dev.augur.core.store.DatasetProfile;
import dev.augur.core.store.WorkspaceStats;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statistics panel of one dataset: headline numbers, the long-tail curve (item popularity by rank, log
 * scale) and the interactions-per-user histogram in doubling bins. Chart data are plain records, so the
 * panel's content is tested without a stage.
 */
public final class StatisticsViewModel {
    /** One point of the popularity curve: the item at this rank has {@code log10(interactions)}. */
    public record CurvePoint(long rank, double log10Interactions) {
    }

    /** One histogram bar: users with between {@code from} and {@code to} interactions. */
    public record Bin(String label, long from, long to, long users) {
    }

    private static final int MAX_CURVE_POINTS = 300;

    private final StringProperty headline = new SimpleStringProperty("Select a dataset to see its statistics.");
    private final StringProperty dataset = new SimpleStringProperty("");
    private final ObservableList<CurvePoint> curve = FXCollections.observableArrayList();
    private final ObservableList<Bin> histogram = FXCollections.observableArrayList();

    public void show(String name, DatasetProfile p) {
        WorkspaceStats s = p.stats();
        dataset.set(name);
        headline.set(String.format(Locale.ROOT, "%,d users · %,d items · %,d interactions · %,d reviews · density %.4f%% · "
                        + "%,d cold items (%.1f%%) · median %.0f interactions per user, %.0f per item",
                s.users(), s.items(), s.interactions(), s.reviews(), s.density() * 100, s.coldItems(),
                s.items() == 0 ? 0 : 100.0 * s.coldItems() / s.items(), s.perUser().median(), s.perItem().median()));
        curve.setAll(curve(p.itemPopularityDescending()));
        histogram.setAll(histogram(p.userActivity()));
    }

    public void clear() {
        dataset.set("");
        headline.set("Select a dataset to see its statistics.");
        curve.clear();
        histogram.clear();
    }

    /** At most 300 points, spaced geometrically in rank so the head and the tail both keep their shape. */
    static List<CurvePoint> curve(long[] descending) {
        List<CurvePoint> out = new ArrayList<>();
        int warm = 0;
        while (warm < descending.length && descending[warm] > 0) {
            warm++;
        }
        if (warm == 0) {
            return out;
        }
        double step = Math.pow(warm, 1.0 / MAX_CURVE_POINTS);
        long last = -1;
        for (double r = 1; r <= warm; r = Math.max(r * step, r + 1)) {
            long rank = (long) Math.floor(r);
            if (rank != last) {
                out.add(new CurvePoint(rank, Math.log10(descending[(int) rank - 1])));
                last = rank;
            }
        }
        if (last != warm) {
            out.add(new CurvePoint(warm, Math.log10(descending[warm - 1])));
        }
        return out;
    }

    /** Doubling bins: 0, 1, 2–3, 4–7, 8–15 … from the least to the most active user. */
    static List<Bin> histogram(long[] perUser) {
        long max = 0;
        for (long v : perUser) {
            max = Math.max(max, v);
        }
        List<long[]> bounds = new ArrayList<>();
        bounds.add(new long[] {0, 0});
        for (long from = 1; from <= Math.max(1, max); from *= 2) {
            bounds.add(new long[] {from, from * 2 - 1});
        }
        long[] counts = new long[bounds.size()];
        for (long v : perUser) {
            int b = v == 0 ? 0 : 64 - Long.numberOfLeadingZeros(v);
            counts[Math.min(b, counts.length - 1)]++;
        }
        List<Bin> out = new ArrayList<>();
        for (int i = 0; i < bounds.size(); i++) {
            long from = bounds.get(i)[0];
            long to = bounds.get(i)[1];
            if (out.isEmpty() && counts[i] == 0) {
                continue; // bins below the least active user stay out of the chart
            }
            out.add(new Bin(from == to ? Long.toString(from) : from + "–" + to, from, to, counts[i]));
        }
        return out;
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline;
    }

    public ReadOnlyStringProperty datasetProperty() {
        return dataset;
    }

    public ObservableList<CurvePoint> curve() {
        return curve;
    }

    public ObservableList<Bin> histogram() {
        return histogram;
    }
}
