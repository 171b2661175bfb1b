package dev.augur.core.bench;

import dev.augur.core.rank.Recommender;
import dev.augur.core.rank.TrainingData;
import dev.augur.core.task.TaskMonitor;

import java.util.Map;

/** A peer's fitted factors as a {@link Recommender} scoring by dot product, so Augur's evaluator can score it. */
final class FactorsRecommender implements Recommender {
    private final String name;
    private final Map<String, Object> params;
    private final AlsPeer.Factors factors;

    FactorsRecommender(String name, Map<String, Object> params, AlsPeer.Factors factors) {
        this.name = name;
        this.params = params;
        this.factors = factors;
    }

    @Override public String name() {
        return name;
    }

    @Override public Map<String, Object> params() {
        return params;
    }

    @Override public void fit(TrainingData data, TaskMonitor monitor) {
        // fitted by the peer already
    }

    @Override public void score(int user, float[] scores) {
        int d = factors.rank();
        float[] uf = factors.users();
        float[] itf = factors.items();
        int uo = user * d;
        if (Float.isNaN(uf[uo])) {
            java.util.Arrays.fill(scores, Float.NEGATIVE_INFINITY);
            return;
        }
        for (int i = 0; i < scores.length; i++) {
            int io = i * d;
            if (Float.isNaN(itf[io])) {
                scores[i] = Float.NEGATIVE_INFINITY;
                continue;
            }
            float s = 0;
            for (int k = 0; k < d; k++) {
                s += uf[uo + k] * itf[io + k];
            }
            scores[i] = s;
        }
    }
}
