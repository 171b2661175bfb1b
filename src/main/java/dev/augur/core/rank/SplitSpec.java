package dev.augur.core.rank;

import java.util.Locale;

/**
 * How interactions are split into train, validation and test. Parsed from and written back to the command-line
 * form: {@code random:0.8,0.1,0.1}, {@code leave-last-out}, {@code temporal:0.2}, {@code cold-items:0.1}.
 */
public sealed interface SplitSpec {

    /** The canonical text form, which {@link #parse} reads back. */
    String text();

    /** A sentence for reports and tooltips. */
    String describe();

    /** Per user, a seeded random share of their interactions to each part (RecBole's "RO" split by ratio). */
    record Random(double train, double valid, double test) implements SplitSpec {
        public Random {
            if (train <= 0 || valid < 0 || test <= 0 || Math.abs(train + valid + test - 1) > 1e-6) {
                throw new IllegalArgumentException("random split ratios must be positive and add up to 1, not "
                        + train + "," + valid + "," + test);
            }
        }

        @Override public String text() {
            return "random:" + num(train) + "," + num(valid) + "," + num(test);
        }

        @Override public String describe() {
            return "random " + pct(train) + "/" + pct(valid) + "/" + pct(test) + " per user";
        }
    }

    /** Per user, by time: the last interaction is the test, the one before it validation (users with ≥ 3). */
    record LeaveLastOut() implements SplitSpec {
        @Override public String text() {
            return "leave-last-out";
        }

        @Override public String describe() {
            return "per user leave-last-out by time";
        }
    }

    /** Globally by time: the latest {@code testFraction} of all interactions is the test. */
    record Temporal(double testFraction) implements SplitSpec {
        public Temporal {
            if (testFraction <= 0 || testFraction >= 1) {
                throw new IllegalArgumentException("temporal test fraction must be in (0, 1), not " + testFraction);
            }
        }

        @Override public String text() {
            return "temporal:" + num(testFraction);
        }

        @Override public String describe() {
            return "global temporal, latest " + pct(testFraction) + " of interactions as test";
        }
    }

    /** A seeded random {@code fraction} of the interacted items held out entirely: all their interactions are test. */
    record ColdItems(double fraction) implements SplitSpec {
        public ColdItems {
            if (fraction <= 0 || fraction >= 1) {
                throw new IllegalArgumentException("cold-items fraction must be in (0, 1), not " + fraction);
            }
        }

        @Override public String text() {
            return "cold-items:" + num(fraction);
        }

        @Override public String describe() {
            return "cold-start items: " + pct(fraction) + " of items held out entirely";
        }
    }

    static SplitSpec parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String kind = colon < 0 ? t : t.substring(0, colon);
        String args = colon < 0 ? "" : t.substring(colon + 1);
        try {
            switch (kind) {
                case "random": {
                    if (args.isEmpty()) {
                        return new Random(0.8, 0.1, 0.1);
                    }
                    String[] p = args.split(",");
                    if (p.length != 3) {
                        throw new IllegalArgumentException("random split needs three ratios, e.g. random:0.8,0.1,0.1");
                    }
                    return new Random(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]));
                }
                case "leave-last-out":
                case "loo":
                    return new LeaveLastOut();
                case "temporal":
                    return new Temporal(args.isEmpty() ? 0.2 : Double.parseDouble(args));
                case "cold-items":
                    return new ColdItems(args.isEmpty() ? 0.1 : Double.parseDouble(args));
                default:
                    throw new IllegalArgumentException("unknown split '" + text
                            + "'; use random:0.8,0.1,0.1, leave-last-out, temporal:0.2 or cold-items:0.1");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot read the numbers of split '" + text + "'");
        }
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String pct(double d) {
        return Math.round(d * 100) + "%";
    }
}
