package dev.augur.core.review;

import dev.augur.core.store.ReviewStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Inter-annotator agreement on one batch. A label is {@code rejected} or {@code accepted:<value>} (so an edit to
 * another rating disagrees with a plain accept). Only interactions labelled by at least two annotators count.
 * Percent agreement is the mean share of agreeing annotator pairs per interaction; Cohen's kappa is defined for
 * exactly two annotators; Fleiss' kappa uses the per-interaction rater counts (Fleiss 1971, generalised to unequal
 * counts); per label, the share of pairs involving that label that agree on it.
 */
public final class Agreement {
    private Agreement() {
    }

    /** The agreement report of a batch. Kappas are NaN where undefined. */
    public record Report(int interactions, List<String> annotators, double percentAgreement, double cohensKappa,
                         double fleissKappa, Map<String, Double> perLabel, List<Long> conflicts) {
        public String describe() {
            return String.format(Locale.ROOT, "%d interactions, %d annotators: %.1f %% agreement, %s", interactions,
                    annotators.size(), percentAgreement * 100,
                    !Double.isNaN(cohensKappa) ? String.format(Locale.ROOT, "Cohen's κ %.3f", cohensKappa)
                            : String.format(Locale.ROOT, "Fleiss' κ %.3f", fleissKappa));
        }
    }

    /** The label an annotator's decision stands for, or "" when undecided. */
    public static String label(ReviewStore.AnnotatorLabel l) {
        if (l.status().isEmpty()) {
            return "";
        }
        if (l.status().equals("rejected")) {
            return "rejected";
        }
        double v = l.value();
        return "accepted:" + (Double.isNaN(v) ? "?" : v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
    }

    public static Report of(List<ReviewStore.AnnotatorLabel> labels) {
        Map<Long, Map<String, String>> byItem = new TreeMap<>();
        TreeSet<String> annotators = new TreeSet<>();
        for (ReviewStore.AnnotatorLabel l : labels) {
            String lab = label(l);
            if (!lab.isEmpty()) {
                byItem.computeIfAbsent(l.interactionId(), k -> new TreeMap<>()).put(l.annotator(), lab);
                annotators.add(l.annotator());
            }
        }
        byItem.values().removeIf(m -> m.size() < 2);
        TreeSet<String> categories = new TreeSet<>();
        byItem.values().forEach(m -> categories.addAll(m.values()));
        List<String> cats = new ArrayList<>(categories);
        int[][] counts = new int[byItem.size()][cats.size()];
        List<Long> conflicts = new ArrayList<>();
        int row = 0;
        for (Map.Entry<Long, Map<String, String>> e : byItem.entrySet()) {
            for (String lab : e.getValue().values()) {
                counts[row][cats.indexOf(lab)]++;
            }
            if (new TreeSet<>(e.getValue().values()).size() > 1) {
                conflicts.add(e.getKey());
            }
            row++;
        }
        double cohen = Double.NaN;
        List<String> raters = new ArrayList<>(annotators);
        if (raters.size() == 2) {
            List<String[]> pairs = new ArrayList<>();
            for (Map<String, String> m : byItem.values()) {
                pairs.add(new String[] {m.get(raters.get(0)), m.get(raters.get(1))});
            }
            cohen = cohensKappa(pairs);
        }
        return new Report(byItem.size(), raters, percentAgreement(counts), cohen, fleissKappa(counts),
                perLabel(counts, cats), conflicts);
    }

    /** Cohen's kappa of two raters' labels on the same items (each pair: rater one's, rater two's). */
    public static double cohensKappa(List<String[]> pairs) {
        int n = pairs.size();
        if (n == 0) {
            return Double.NaN;
        }
        Map<String, int[]> marg = new LinkedHashMap<>();
        int agree = 0;
        for (String[] p : pairs) {
            agree += p[0].equals(p[1]) ? 1 : 0;
            marg.computeIfAbsent(p[0], k -> new int[2])[0]++;
            marg.computeIfAbsent(p[1], k -> new int[2])[1]++;
        }
        double po = (double) agree / n;
        double pe = 0;
        for (int[] m : marg.values()) {
            pe += ((double) m[0] / n) * ((double) m[1] / n);
        }
        return pe == 1 ? (po == 1 ? 1.0 : Double.NaN) : (po - pe) / (1 - pe);
    }

    /** Fleiss' kappa from per-item category counts (rows: items, columns: categories; ≥ 2 raters per item). */
    public static double fleissKappa(int[][] counts) {
        int items = counts.length;
        if (items == 0) {
            return Double.NaN;
        }
        int cats = counts[0].length;
        double[] catTotals = new double[cats];
        double ratings = 0;
        double sumP = 0;
        for (int[] row : counts) {
            int n = 0;
            double sq = 0;
            for (int c = 0; c < cats; c++) {
                n += row[c];
                sq += (double) row[c] * row[c];
                catTotals[c] += row[c];
            }
            ratings += n;
            sumP += (sq - n) / ((double) n * (n - 1));
        }
        double pBar = sumP / items;
        double pe = 0;
        for (double t : catTotals) {
            double p = t / ratings;
            pe += p * p;
        }
        return pe == 1 ? (pBar == 1 ? 1.0 : Double.NaN) : (pBar - pe) / (1 - pe);
    }

    /** Mean over items of the share of rater pairs that agree. */
    static double percentAgreement(int[][] counts) {
        if (counts.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int[] row : counts) {
            int n = 0;
            double agreeing = 0;
            for (int c : row) {
                n += c;
                agreeing += (double) c * (c - 1);
            }
            sum += agreeing / ((double) n * (n - 1));
        }
        return sum / counts.length;
    }

    /** Per category: agreeing pairs on it over all pairs that involve it (specific agreement). */
    static Map<String, Double> perLabel(int[][] counts, List<String> cats) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int c = 0; c < cats.size(); c++) {
            double agree = 0;
            double involved = 0;
            for (int[] row : counts) {
                int n = 0;
                for (int x : row) {
                    n += x;
                }
                agree += (double) row[c] * (row[c] - 1);
                involved += (double) row[c] * (n - 1);
            }
            out.put(cats.get(c), involved == 0 ? Double.NaN : agree / involved);
        }
        return out;
    }
}
