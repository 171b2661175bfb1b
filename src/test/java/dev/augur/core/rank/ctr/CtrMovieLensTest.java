package dev.augur.core.rank.ctr;

import dev.augur.SharedDatasets;
import dev.augur.core.rank.Interactions;
import dev.augur.core.rank.Protocol;
import dev.augur.core.rank.SideInformation;
import dev.augur.core.rank.Split;
import dev.augur.core.rank.SplitSpec;
import dev.augur.core.rank.Splitter;
import dev.augur.core.task.TaskMonitor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CTR task on MovieLens latest-small (skipped when the reference data is absent): label = rating ≥ 4. */
class CtrMovieLensTest {

    @Test
    void idsAndGenresGiveARealisticAucOnMovieLens() throws IOException {
        Path dir = SharedDatasets.require("ml-latest-small");
        List<String> movies = Files.readAllLines(dir.resolve("movies.csv"));
        long[] itemIds = new long[movies.size() - 1];
        String[] genreText = new String[itemIds.length];
        for (int k = 1; k < movies.size(); k++) {
            String line = movies.get(k);
            itemIds[k - 1] = Long.parseLong(line.substring(0, line.indexOf(',')));
            genreText[k - 1] = line.substring(line.lastIndexOf(',') + 1); // titles may hold quoted commas
        }
        Integer[] byId = new Integer[itemIds.length];
        for (int k = 0; k < byId.length; k++) {
            byId[k] = k;
        }
        Arrays.sort(byId, Comparator.comparingLong(k -> itemIds[k]));
        long[] sortedItems = new long[itemIds.length];
        int[][] cats = new int[itemIds.length][];
        Map<String, Integer> genres = new LinkedHashMap<>();
        for (int k = 0; k < byId.length; k++) {
            sortedItems[k] = itemIds[byId[k]];
            cats[k] = Arrays.stream(genreText[byId[k]].split("\\|"))
                    .filter(g -> !g.equals("(no genres listed)"))
                    .mapToInt(g -> genres.computeIfAbsent(g, x -> genres.size())).toArray();
        }
        String[] titles = new String[sortedItems.length];
        Arrays.fill(titles, "");
        SideInformation side = new SideInformation(sortedItems.length, 0, new float[0],
                new boolean[sortedItems.length], "", cats, genres.keySet().toArray(String[]::new), titles);

        List<long[]> rows = new ArrayList<>(); // userId, movieId, rating×10, timestamp
        List<String> ratings = Files.readAllLines(dir.resolve("ratings.csv"));
        for (String line : ratings.subList(1, ratings.size())) {
            String[] f = line.split(",");
            rows.add(new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]),
                    Math.round(Double.parseDouble(f[2]) * 10), Long.parseLong(f[3])});
        }
        rows.sort(Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[3]));
        long[] userIds = rows.stream().mapToLong(r -> r[0]).distinct().toArray();
        int n = rows.size();
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        long[] ts = new long[n];
        for (int k = 0; k < n; k++) {
            long[] r = rows.get(k);
            u[k] = Arrays.binarySearch(userIds, r[0]);
            i[k] = Arrays.binarySearch(sortedItems, r[1]);
            v[k] = r[2] / 10f;
            ts[k] = r[3];
        }
        Interactions data = new Interactions(1, userIds, sortedItems, u, i, v, ts, new boolean[n]);
        Split split = Splitter.split(data, Protocol.of(SplitSpec.parse("random:0.8,0.1,0.1"), 42, List.of(10)));
        CtrDataset ctr = CtrDataset.of(split, side, LlmFeatures.none(), CtrLabels.ratingAtLeast(4));

        for (FactorizationMachine.Config config : List.of(FactorizationMachine.Config.fm(),
                FactorizationMachine.Config.logistic())) {
            CtrReport report = new CtrExperiment(config).run(ctr, CtrFeatures.IDS_ONLY,
                    List.of(CtrFeatures.Group.CATEGORIES), TaskMonitor.NONE);
            System.out.println(report.toTable());
            assertThat(report.base().auc()).isGreaterThan(0.7);
            assertThat(report.base().logLoss()).isLessThan(Math.log(2)); // better than a coin
            assertThat(report.variant("+categories").auc()).isGreaterThan(0.7);
        }
    }
}
