package dev.augur.core.rank;

import java.util.ArrayList;
import java.util.List;

/** Turns a fitted model's scores for one user into a displayable top-K. */
public final class Recommendations {
    private Recommendations() {
    }

    public static List<Recommendation> top(RankingData data, Split split, Recommender model, int user, int k,
                                           int reasons) {
        int numItems = data.interactions().numItems();
        float[] scores = new float[numItems];
        model.score(user, scores);
        for (int i = 0; i < numItems; i++) {
            if (split.excluded(user, i) || Float.isNaN(scores[i])) {
                scores[i] = Float.NEGATIVE_INFINITY;
            }
        }
        int[] top = new int[Math.max(1, k)];
        int n = TopK.select(scores, k, top);
        Csr target = split.target();
        List<Recommendation> out = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            int item = top[r];
            out.add(new Recommendation(item, data.interactions().itemIds()[item], data.itemExternalIds()[item],
                    data.title(item), scores[item], r + 1, target.contains(user, item),
                    reasons > 0 ? model.explain(user, item, reasons) : List.of()));
        }
        return out;
    }
}
