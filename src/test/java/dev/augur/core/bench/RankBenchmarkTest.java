package dev.augur.core.bench;

import dev.augur.core.rank.Csr;
import dev.augur.core.rank.Interactions;
import dev.augur.core.task.TaskMonitor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RankBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void generatedModeTimesEveryModelAndTheModelsFindThePlantedTaste() {
        RankBenchmark.GeneratedResult r = new RankBenchmark().generated(400, 300, 24_000, 2, 2, 3, TaskMonitor.NONE);
        assertThat(r.data().interactions()).isEqualTo(24_000);
        assertThat(r.models()).extracting(RankBenchmark.ModelRuns::model).containsExactly("pop", "bpr", "als");
        double pop = r.models().get(0).ndcgMedian();
        for (RankBenchmark.ModelRuns m : r.models()) {
            int runs = m.model().equals("pop") ? 1 : 2;
            assertThat(m.fitSeconds()).hasSize(runs).doesNotContain(0.0);
            assertThat(m.evalSeconds()).hasSize(runs).doesNotContain(0.0);
            assertThat(m.ndcgMedian()).isBetween(0.0, 1.0);
            assertThat(m.recallMedian()).isBetween(0.0, 1.0);
            if (!m.model().equals("pop")) {
                assertThat(m.ndcgMedian()).as(m.model() + " against popularity").isGreaterThan(pop);
            }
        }
        assertThat(r.models().get(1).params()).containsEntry("factors", 64).containsEntry("epochs", 20);
        assertThat(r.models().get(2).params()).containsEntry("factors", 64).containsEntry("iterations", 10);
    }

    /** Returns popularity as factors (every user [1, 0], item i [count_i, 0]), so it must score as popularity. */
    static final class PopularityPeer implements AlsPeer {
        final List<String> calls = new ArrayList<>();

        @Override public String name() {
            return "popularity as factors";
        }

        @Override public void start(int threads) {
            calls.add("start " + threads);
        }

        @Override public Factors fit(Csr train, int rank, int iterations, double regularization, double alpha,
                                     long seed) {
            calls.add("fit " + rank + " " + iterations + " " + regularization + " " + alpha);
            float[] users = new float[train.rows() * rank];
            float[] items = new float[train.cols() * rank];
            int[] counts = train.columnCounts();
            for (int u = 0; u < train.rows(); u++) {
                users[u * rank] = 1;
            }
            for (int i = 0; i < train.cols(); i++) {
                items[i * rank] = counts[i] == 0 ? Float.NaN : counts[i];
            }
            return new Factors(rank, users, items, 0.5, 0.75);
        }

        @Override public void close() {
            calls.add("close");
        }
    }

    @Test
    void peerFactorsAreScoredBySameEvaluatorOnTheSameSplit() {
        Interactions log = GeneratedLog.generate(8_000, 200, 150, 11);
        PopularityPeer peer = new PopularityPeer();
        RankBenchmark.AlsSettings s = new RankBenchmark.AlsSettings(8, 3, 0.1, 1);
        RankBenchmark.PeerResult r = new RankBenchmark().compare(log, "test log", s, 2, 2, 5, Optional.of(peer),
                TaskMonitor.NONE);
        assertThat(peer.calls).containsExactly("start 2", "fit 8 3 0.1 1.0", "fit 8 3 0.1 1.0", "fit 8 3 0.1 1.0",
                "close");
        RankBenchmark.PeerRuns p = r.peer().orElseThrow();
        assertThat(p.ndcgMedian()).isEqualTo(r.popularity().ndcgMedian());
        assertThat(p.recallMedian()).isEqualTo(r.popularity().recallMedian());
        assertThat(p.fitSeconds()).containsExactly(0.5, 0.5);
        assertThat(r.augur().params()).containsEntry("factors", 8).containsEntry("iterations", 3)
                .containsEntry("regularization", 0.1).containsEntry("alpha", 1.0);
        assertThat(r.timeRatio().orElseThrow()).isEqualTo(0.5 / r.augur().fitMedian());
        assertThat(r.cpuRatio().orElseThrow()).isEqualTo(0.75 / r.augur().fitCpuMedian());
        assertThat(r.ndcgRatio().orElseThrow()).isEqualTo(r.augur().ndcgMedian() / p.ndcgMedian());
        assertThat(r.augur().ndcgMedian()).isBetween(0.0, 1.0);
        // the paired difference is over every test user and equals the difference of the runs' mean NDCG@10
        PairedDifference d = r.paired().orElseThrow();
        assertThat(d.users()).isEqualTo(200);
        assertThat(d.mean()).isCloseTo(r.augur().ndcgMean() - p.ndcgMean(), within(1e-9));
        assertThat(d.low()).isLessThanOrEqualTo(d.mean());
        assertThat(d.high()).isGreaterThanOrEqualTo(d.mean());
        assertThat(r.ndcgMeanRatio().orElseThrow()).isEqualTo(r.augur().ndcgMean() / p.ndcgMean());
    }

    @Test
    void withoutAPeerOnlyAugurIsMeasured() {
        Interactions log = GeneratedLog.generate(3_000, 100, 80, 1);
        RankBenchmark.PeerResult r = new RankBenchmark().compare(log, "test log",
                new RankBenchmark.AlsSettings(4, 2, 0.1, 1), 1, 1, 1, Optional.empty(), TaskMonitor.NONE);
        assertThat(r.peer()).isEmpty();
        assertThat(r.timeRatio()).isEmpty();
        assertThat(r.paired()).isEmpty();
        assertThat(r.augur().fitSeconds()).hasSize(1).doesNotContain(0.0);
    }

    @Test
    void ratingsFilesOfBothMovieLensFormsBecomeTimeOrderedImplicitLogs() throws IOException {
        Path csv = dir.resolve("ratings.csv");
        Files.writeString(csv, "userId,movieId,rating,timestamp\n7,30,4.0,300\n7,10,1.5,100\n3,20,5.0,50\n7,20,3.0,200\n");
        Interactions a = RatingsLog.read(csv);
        assertThat(a.userIds()).containsExactly(3, 7);
        assertThat(a.itemIds()).containsExactly(10, 20, 30);
        assertThat(a.user()).containsExactly(0, 1, 1, 1);
        assertThat(a.item()).containsExactly(1, 0, 1, 2); // user 7 in time order: 10, 20, 30
        assertThat(a.value()).containsOnly(1f);
        Path dat = dir.resolve("ratings.dat");
        Files.writeString(dat, "7::30::4::300\n7::10::1::100\n3::20::5::50\n7::20::3::200\n");
        assertThat(RatingsLog.read(dat).item()).isEqualTo(a.item());
    }

    @Test
    void aBrokenRatingsFileIsRefusedWithItsLine() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "userId,movieId,rating,timestamp\n1,2,3.0,100\n1,x,3.0,101\n");
        assertThatThrownBy(() -> RatingsLog.read(csv)).hasMessageContaining("line 3").hasMessageContaining("1,x,3.0,101");
        assertThatThrownBy(() -> RatingsLog.read(dir.resolve("none.csv"))).hasMessageContaining("no ratings file");
    }
}
