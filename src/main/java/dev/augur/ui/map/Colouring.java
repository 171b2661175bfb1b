package dev.augur.ui.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The colours of one map under one {@link ColourBy}: per point a legend group (what a legend toggle hides) and a
 * palette index (what is drawn; the same as the group except on the continuous change scale). Pure computation,
 * O(n) (popularity quantiles: O(n log n)); run it in a background job for large maps.
 *
 * @param group   legend entry of each point
 * @param colour  palette index of each point
 * @param palette colours as 0xAARRGGBB
 * @param legend  one entry per group, in group order
 */
public record Colouring(ColourBy by, short[] group, short[] colour, int[] palette, List<Legend> legend) {

    /** One legend entry: its label, colour (0xAARRGGBB) and how many points it has. */
    public record Legend(String label, int argb, int count) {
    }

    /** At most this many distinct values get their own colour; the rest are "other". */
    public static final int MAX_VALUES = 12;
    /** Bins of the neighbourhood-change legend. */
    public static final int CHANGE_BINS = 5;
    /** Steps of the neighbourhood-change colour ramp. */
    public static final int CHANGE_STEPS = 32;

    static final int[] CATEGORICAL = {0xFF4E79A7, 0xFFF28E2B, 0xFFE15759, 0xFF76B7B2, 0xFF59A14F, 0xFFEDC948,
            0xFFB07AA1, 0xFFFF9DA7, 0xFF9C755F, 0xFF17BECF, 0xFF8C564B, 0xFFBCBD22};
    static final int OTHER = 0xFFBAB0AC;
    static final int NO_SCORE = 0xFFD0D0D0;
    private static final int[] RAMP = {0xFFB3CDE3, 0xFFFDD49E, 0xFFFC8D59, 0xFFD7301F, 0xFF7F0000};
    private static final int[] BLUES = {0xFFC6DBEF, 0xFF9ECAE1, 0xFF6BAED6, 0xFF3182BD, 0xFF08519C, 0xFF08306B};

    /** The colouring of {@code p}; {@code change} (one score per point, or null) matters only for CHANGE. */
    public static Colouring compute(MapPoints p, ColourBy by, float[] change) {
        return switch (by) {
            case CATEGORY -> topValues(by, p.size(), i -> blankToNone(p.category()[i]), Map.of());
            case ANNOTATION -> topValues(by, p.size(), i -> blankToNone(p.annotation()[i]), Map.of(
                    "none", 0xFFC7C7C7, "accepted", 0xFF59A14F, "rejected", 0xFFE15759, "pending", 0xFFF28E2B,
                    "edited", 0xFF4E79A7));
            case CLUSTER -> clusters(p);
            case COLD -> flags(by, p.cold(), "warm", "cold", 0xFFF28E2B, 0xFF4E79A7);
            case SOURCE -> flags(by, p.synthetic(), "observed", "synthetic", 0xFF76B7B2, 0xFFE15759);
            case POPULARITY -> popularity(p);
            case CHANGE -> change(p.size(), change);
        };
    }

    private static String blankToNone(String s) {
        return s == null || s.isBlank() ? "(none)" : s;
    }

    private static Colouring clusters(MapPoints p) {
        int[] c = p.cluster();
        return topValues(ColourBy.CLUSTER, p.size(), i -> c[i] < 0 ? "noise" : "cluster " + c[i], Map.of("noise", OTHER));
    }

    /**
     * The {@link #MAX_VALUES} most frequent values get their own group (most frequent first, ties by label), the rest
     * one "other" group. {@code label} is called twice per point; it should not allocate for common values.
     */
    private static Colouring topValues(ColourBy by, int n, IntFunction<String> label, Map<String, Integer> fixed) {
        HashMap<String, int[]> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            counts.computeIfAbsent(label.apply(i), k -> new int[1])[0]++;
        }
        List<Map.Entry<String, int[]>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Integer.compare(b.getValue()[0], a.getValue()[0])
                : a.getKey().compareTo(b.getKey()));
        boolean needOther = sorted.size() > MAX_VALUES;
        int own = needOther ? MAX_VALUES - 1 : sorted.size();
        HashMap<String, Short> groupOf = new HashMap<>();
        List<Legend> legend = new ArrayList<>();
        int nextColour = 0;
        for (int g = 0; g < own; g++) {
            String key = sorted.get(g).getKey();
            Integer argb = fixed.get(key);
            if (argb == null) {
                argb = CATEGORICAL[nextColour++ % CATEGORICAL.length];
            }
            groupOf.put(key, (short) g);
            legend.add(new Legend(key, argb, sorted.get(g).getValue()[0]));
        }
        int otherCount = 0;
        for (int g = own; g < sorted.size(); g++) {
            otherCount += sorted.get(g).getValue()[0];
        }
        if (needOther) {
            legend.add(new Legend("other", OTHER, otherCount));
        }
        short other = (short) own;
        short[] group = new short[n];
        for (int i = 0; i < n; i++) {
            Short g = groupOf.get(label.apply(i));
            group[i] = g == null ? other : g;
        }
        return categorical(by, group, legend);
    }

    private static Colouring categorical(ColourBy by, short[] group, List<Legend> legend) {
        int[] palette = legend.stream().mapToInt(Legend::argb).toArray();
        return new Colouring(by, group, group, palette, List.copyOf(legend));
    }

    private static Colouring flags(ColourBy by, boolean[] flag, String no, String yes, int noArgb, int yesArgb) {
        short[] group = new short[flag.length];
        int yesCount = 0;
        for (int i = 0; i < flag.length; i++) {
            if (flag[i]) {
                group[i] = 1;
                yesCount++;
            }
        }
        return categorical(by, group, List.of(new Legend(no, noArgb, flag.length - yesCount),
                new Legend(yes, yesArgb, yesCount)));
    }

    /** Up to five quantile buckets of popularity (fewer when many items share a value, e.g. the cold tail). */
    private static Colouring popularity(MapPoints p) {
        int[] pop = p.popularity();
        int n = pop.length;
        int[] sorted = pop.clone();
        Arrays.sort(sorted);
        int[] cuts = new int[4]; // bucket b holds values <= cuts[b]; the last bucket the rest
        int k = 0;
        for (int q = 1; q <= 4 && n > 0; q++) {
            int v = sorted[Math.min(n - 1, (int) ((long) q * n / 5))];
            if (v < sorted[n - 1] && (k == 0 || v > cuts[k - 1])) {
                cuts[k++] = v;
            }
        }
        int buckets = k + 1;
        int[] counts = new int[buckets];
        short[] group = new short[n];
        for (int i = 0; i < n; i++) {
            int b = 0;
            while (b < k && pop[i] > cuts[b]) {
                b++;
            }
            group[i] = (short) b;
            counts[b]++;
        }
        List<Legend> legend = new ArrayList<>();
        int low = n == 0 ? 0 : sorted[0];
        for (int b = 0; b < buckets; b++) {
            String label;
            if (b < k) {
                label = low == cuts[b] ? "popularity " + low : String.format(Locale.ROOT, "popularity %,d–%,d", low, cuts[b]);
                low = cuts[b] + 1;
            } else {
                int high = n == 0 ? 0 : sorted[n - 1];
                label = low == high ? "popularity " + low : String.format(Locale.ROOT, "popularity %,d–%,d", low, high);
            }
            int shade = BLUES.length == buckets ? b : (int) Math.round(b * (BLUES.length - 1.0) / Math.max(1, buckets - 1));
            legend.add(new Legend(label, BLUES[shade], counts[b]));
        }
        return categorical(ColourBy.POPULARITY, group, legend);
    }

    /** The colour of a change score on the ramp (low: pale, high: dark red). */
    public static int changeArgb(double score) {
        double t = Math.max(0, Math.min(1, score)) * (RAMP.length - 1);
        int k = Math.min(RAMP.length - 2, (int) t);
        return mix(RAMP[k], RAMP[k + 1], t - k);
    }

    /** The ramp step a score is drawn with. */
    static int changeStep(float score) {
        return Math.min(CHANGE_STEPS - 1, Math.max(0, (int) (score * CHANGE_STEPS)));
    }

    private static Colouring change(int n, float[] change) {
        int[] palette = new int[CHANGE_STEPS + 1];
        for (int s = 0; s < CHANGE_STEPS; s++) {
            palette[s] = changeArgb((s + 0.5) / CHANGE_STEPS);
        }
        palette[CHANGE_STEPS] = NO_SCORE;
        short[] group = new short[n];
        short[] colour = new short[n];
        int[] counts = new int[CHANGE_BINS + 1];
        for (int i = 0; i < n; i++) {
            float s = change == null || i >= change.length ? Float.NaN : change[i];
            if (Float.isNaN(s)) {
                group[i] = CHANGE_BINS;
                colour[i] = CHANGE_STEPS;
            } else {
                int b = Math.min(CHANGE_BINS - 1, Math.max(0, (int) (s * CHANGE_BINS)));
                group[i] = (short) b;
                colour[i] = (short) changeStep(s);
            }
            counts[group[i]]++;
        }
        List<Legend> legend = new ArrayList<>();
        for (int b = 0; b < CHANGE_BINS; b++) {
            double lo = (double) b / CHANGE_BINS;
            double hi = (double) (b + 1) / CHANGE_BINS;
            legend.add(new Legend(String.format(Locale.ROOT, "change %.1f–%.1f", lo, hi),
                    changeArgb((lo + hi) / 2), counts[b]));
        }
        legend.add(new Legend(change == null ? "no score (turn on Side by side)" : "no score", NO_SCORE,
                counts[CHANGE_BINS]));
        return new Colouring(ColourBy.CHANGE, group, colour, palette, List.copyOf(legend));
    }

    static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - t) + ((b >> 16) & 0xFF) * t);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - t) + ((b >> 8) & 0xFF) * t);
        int bl = (int) Math.round((a & 0xFF) * (1 - t) + (b & 0xFF) * t);
        return 0xFF000000 | (r << 16) | (g << 8) | bl;
    }
}
