package dev.augur.ui.rankings;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetricRowTest {

    @Test
    void aSliceWithoutTestUsersShowsNoAccuracyAndAUserSliceNoExposure() {
        Map<String, Object> result = Map.of("users", 20, "ndcg@10", 0.3, "coverage@10", 0.2,
                "slices", Map.of(
                        "cold-items", Map.of("users", 0, "ndcg@10", 0.0, "gauc", 0.0, "share@10", 0.1,
                                "coverage@10", 0.05),
                        "users:1-5", Map.of("users", 0, "ndcg@10", 0.0, "coverage@10", 0.0),
                        "tail-items", Map.of("users", 4, "ndcg@10", 0.0, "share@10", 0.3)));
        List<MetricRow> rows = MetricRow.rows(Map.of("pop", result), 10);
        MetricRow all = rows.stream().filter(r -> r.slice().equals(MetricRow.ALL)).findFirst().orElseThrow();
        MetricRow cold = rows.stream().filter(r -> r.slice().equals("cold-items")).findFirst().orElseThrow();
        MetricRow shortUsers = rows.stream().filter(r -> r.slice().equals("users:1-5")).findFirst().orElseThrow();
        MetricRow tail = rows.stream().filter(r -> r.slice().equals("tail-items")).findFirst().orElseThrow();
        assertThat(all.value("ndcg")).isEqualTo(0.3);
        assertThat(cold.value("ndcg")).isNaN();
        assertThat(cold.value("gauc")).isNaN();
        assertThat(cold.value("share")).isEqualTo(0.1); // cold items' part of everyone's lists was measured
        assertThat(cold.value("coverage")).isEqualTo(0.05);
        assertThat(shortUsers.value("coverage")).isNaN();
        assertThat(tail.value("ndcg")).isEqualTo(0.0); // measured on 4 users, and 0
        assertThat(tail.value("share")).isEqualTo(0.3);
    }
}
