package dev.augur.core.rank.models;

import dev.augur.SharedDatasets;
import dev.augur.core.rank.Interactions;
import dev.augur.core.rank.Recommender;
import dev.augur.core.rank.Split;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collaborative models with their default parameters on MovieLens latest-small under RecBole's quick-start
 * protocol (every rating a positive, random 8:1:1 per user, full ranking without training and validation items,
 * scored on the test part): each must reach NDCG@10 ≥ 0.2 and beat popularity by half again.
 */
class CollaborativeModelsOnMovieLensTest {

    @Test
    void defaultsReachRecBoleRangeOnMovieLensLatestSmall() throws IOException {
        Interactions data = ModelFixtures.movieLens(SharedDatasets.require("ml-latest-small").resolve("ratings.csv"));
        Split split = ModelFixtures.randomSplit(data, 2020);
        Map<String, Double> ndcg = new LinkedHashMap<>();
        for (Recommender m : List.of(new Popularity(), new ItemKnn(), new Bpr(), new Als())) {
            long t0 = System.nanoTime();
            Map<String, Double> metrics = ModelFixtures.fitAndEvaluate(split, m, 2);
            ndcg.put(m.name(), metrics.get("ndcg@10"));
            System.out.printf("ml-latest-small %-8s NDCG@10 %.4f  Recall@10 %.4f  (fit + eval %.1f s) %s%n", m.name(),
                    metrics.get("ndcg@10"), metrics.get("recall@10"), (System.nanoTime() - t0) / 1e9, m.params());
        }
        double pop = ndcg.get("pop");
        for (String model : List.of("itemknn", "bpr", "als")) {
            assertThat(ndcg.get(model)).as(model).isGreaterThanOrEqualTo(0.2).isGreaterThan(1.5 * pop);
        }
    }
}
