package dev.augur.core.rank;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished evaluation kept in memory: the stored run's id, the data and split, each model's result and the
 * fitted models themselves, so the Rankings view can show any user's top-K without fitting again.
 */
public record EvalRun(long runId, RankingData data, Split split, List<EvalResult> results,
                      Map<String, Recommender> fitted) {

    /** A user's top {@code k} from {@code model}, training (and validation) items excluded, target items marked. */
    public List<Recommendation> recommend(int user, String model, int k, int reasons) {
        Recommender r = fitted.get(model);
        if (r == null) {
            throw new IllegalArgumentException("model " + model + " is not part of this run; it has " + fitted.keySet());
        }
        return Recommendations.top(data, split, r, user, k, reasons);
    }

    /** The results keyed by model name, in evaluation order. */
    public Map<String, EvalResult> byModel() {
        Map<String, EvalResult> m = new LinkedHashMap<>();
        for (EvalResult r : results) {
            m.put(r.model(), r);
        }
        return m;
    }

    public List<String> models() {
        return new ArrayList<>(fitted.keySet());
    }
}
