package dev.augur.core.rank;

import dev.augur.core.task.TaskMonitor;

import java.util.List;
import java.util.Map;

/**
 * A ranking model: fitted once on a training split, then asked for a score for every item for one user. The
 * evaluator and the Rankings view exclude the user's training items themselves; a model never needs to.
 * After {@link #fit}, {@link #score} and {@link #explain} must be safe to call from several threads at once.
 */
public interface Recommender {

    /** The short name used on the command line and in reports ({@code bpr}, {@code als}, …). */
    String name();

    /** The parameters it was (or will be) fitted with, for the run's provenance; stable key order. */
    Map<String, Object> params();

    /** Fits on {@code data.train()}; reports progress and honours cancel through {@code monitor}. */
    void fit(TrainingData data, TaskMonitor monitor);

    /**
     * Writes a score for each of the {@code scores.length} items for dense user {@code user}: higher ranks first;
     * {@link Float#NEGATIVE_INFINITY} for an item the model cannot rank.
     */
    void score(int user, float[] scores);

    /** Up to {@code max} reasons why {@code item} scores as it does for {@code user}, strongest first. */
    default List<Reason> explain(int user, int item, int max) {
        return List.of();
    }
}
