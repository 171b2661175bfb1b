package dev.augur.ui.rankings;

/** One model of one stored run: a row of the experiments table and a possible baseline. */
public record RunModel(long runId, String model) {
    @Override
    public String toString() {
        return "run #" + runId + " · " + model;
    }
}
