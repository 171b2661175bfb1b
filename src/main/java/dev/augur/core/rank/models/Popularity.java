package dev.augur.core.rank.models;

import dev.augur.core.rank.Reason;
import dev.augur.core.rank.Recommender;
import dev.augur.core.rank.TrainingData;
import dev.augur.core.task.TaskMonitor;

import java.util.List;
import java.util.Map;

/** Ranks every user's items by how many training interactions they have: the baseline any model must beat. */
public final class Popularity implements Recommender {
    private float[] counts = new float[0];

    @Override public String name() {
        return "pop";
    }

    @Override public Map<String, Object> params() {
        return Map.of();
    }

    @Override public void fit(TrainingData data, TaskMonitor monitor) {
        int[] c = data.train().columnCounts();
        counts = new float[c.length];
        for (int i = 0; i < c.length; i++) {
            counts[i] = c[i];
        }
    }

    @Override public void score(int user, float[] scores) {
        System.arraycopy(counts, 0, scores, 0, scores.length);
    }

    @Override public List<Reason> explain(int user, int item, int max) {
        return List.of(Reason.feature("training interactions", counts[item]));
    }
}
