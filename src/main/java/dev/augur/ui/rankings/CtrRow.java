package dev.augur.ui.rankings;

/**
 * A row of the CTR table in the papers' form: one feature variant measured on the test part and, for every
 * variant but the base, its gain over the base (AUC difference, RelaImpr in %, log-loss change in %; NaN on the
 * base row and where a number is missing).
 */
public record CtrRow(String variant, String features, double auc, double aucGain, double relaImprPct, double gauc,
                     double logLoss, double logLossChangePct, int epochs, double fitSeconds) {
    public static final String BASE = "base";

    public boolean isBase() {
        return BASE.equals(variant);
    }
}
