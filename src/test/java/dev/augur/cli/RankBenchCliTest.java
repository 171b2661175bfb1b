package dev.augur.cli;

import dev.augur.core.bench.AlsPeer;
import dev.augur.core.bench.RatingsFile;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class RankBenchCliTest {
    @TempDir
    Path dir;

    @Test
    void alsComparisonOnARatingsFileReportsJson() throws Exception {
        Path csv = RatingsFile.write(dir.resolve("ratings.csv"), 6_000, 3);
        CliTest.Run r = CliTest.cli("bench", "rank", "--ratings", csv.toString(), "--runs", "1", "--rank", "8",
                "--iterations", "2", "--augur-param", "als.regularization=5", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode c = r.json().get("als_comparison");
        assertThat(c.get("interactions").asInt()).isEqualTo(6_000);
        assertThat(c.get("settings").get("rank").asInt()).isEqualTo(8);
        assertThat(c.get("settings").get("regularization").asDouble()).isEqualTo(0.1);
        assertThat(c.get("augur").get("params").get("factors").asInt()).isEqualTo(8);
        assertThat(c.get("augur").get("params").get("regularization").asDouble()).isEqualTo(5.0);
        assertThat(c.get("augur").get("fit_seconds").size()).isEqualTo(1);
        assertThat(c.get("augur").get("ndcg@10").asDouble()).isBetween(0.0, 1.0);
        assertThat(c.has("peer")).isFalse();
    }

    @Test
    void askingForTheSparkPeerInTheAppBuildSaysHowToBuildIt() {
        assumeTrue(AlsPeer.spark().isEmpty(), "this build carries the Spark peer");
        CliTest.Run r = CliTest.cli("bench", "rank", "--peer", "spark");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("mvn -Pspark").contains("target/spark/augur.jar");
    }

    @Test
    void augurParamsMustAddressTheAlsModel() {
        CliTest.Run r = CliTest.cli("bench", "rank", "--augur-param", "bpr.epochs=3");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("--augur-param takes als.NAME=VALUE");
    }

    @Test
    void anUnknownPeerIsAUsageError() {
        CliTest.Run r = CliTest.cli("bench", "rank", "--peer", "implicit");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("unknown peer 'implicit'");
    }
}
