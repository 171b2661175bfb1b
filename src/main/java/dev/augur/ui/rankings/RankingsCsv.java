package dev.augur.ui.rankings;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** The CSV files the Rankings section exports: the top-K lists shown, and the metrics table with its protocol. */
public final class RankingsCsv {
    public static final String RANKINGS_HEADER = "user,model,rank,item_id,title,score,held_out";

    private RankingsCsv() {
    }

    /** One line per recommended item of every column, in column and rank order. */
    public static void writeRankings(Writer w, String user, List<ModelColumn> columns) throws IOException {
        w.write(RANKINGS_HEADER);
        w.write('\n');
        for (ModelColumn c : columns) {
            for (ItemCard card : c.cards()) {
                w.write(String.join(",", cell(user), cell(c.model()), Integer.toString(card.recommendation().rank()),
                        cell(card.recommendation().externalId()), cell(card.recommendation().title()),
                        number(card.recommendation().score()), Boolean.toString(card.heldOut())));
                w.write('\n');
            }
        }
    }

    /** The header of the metrics file at cut-off {@code k}. */
    public static String metricsHeader(int k) {
        StringBuilder b = new StringBuilder("run,model,slice,users");
        for (String m : MetricRow.METRICS) {
            b.append(',').append(MetricRow.header(m, k).replace(' ', '_'));
        }
        return b.append(",protocol").toString();
    }

    /** The metrics rows at {@code k}; every line carries the protocol, so the numbers never travel without it. */
    public static void writeMetrics(Writer w, long runId, int k, List<MetricRow> rows, String protocol)
            throws IOException {
        w.write(metricsHeader(k));
        w.write('\n');
        for (MetricRow r : rows) {
            StringBuilder b = new StringBuilder();
            b.append(runId).append(',').append(cell(r.model())).append(',').append(cell(r.slice())).append(',')
                    .append(r.users());
            for (String m : MetricRow.METRICS) {
                double v = r.value(m);
                b.append(',').append(Double.isNaN(v) ? "" : number(v));
            }
            b.append(',').append(cell(protocol)).append('\n');
            w.write(b.toString());
        }
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    static String cell(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
