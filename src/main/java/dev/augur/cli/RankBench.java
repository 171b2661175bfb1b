package dev.augur.cli;

import dev.augur.core.bench.AlsPeer;
import dev.augur.core.bench.PairedDifference;
import dev.augur.core.bench.RankBenchmark;
import dev.augur.core.bench.GeneratedLog;
import dev.augur.core.bench.RatingsLog;
import dev.augur.core.rank.Interactions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "rank", description = {"Ranking speed and Augur's ALS beside a peer ALS on the same split.",
        "--generated: BPR (64 factors, 20 epochs) and ALS (64 factors, 10 iterations) fit times and full-ranking"
                + " evaluation time on a generated MovieLens-1M-sized log.",
        "Otherwise (or with --peer on --generated): Augur's ALS against the peer with the same rank, iterations,"
                + " regularization and alpha, both scored by the same evaluator (per-user leave-last-out by time,"
                + " full ranking)."})
final class RankBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--generated", description = "Use a generated log (--users × --items, --interactions) instead of a ratings file.")
    boolean generated;

    @Option(names = "--ratings", description = "MovieLens ratings.csv (userId,movieId,rating,timestamp) or ratings.dat"
            + " for the ALS comparison; every rating is an implicit positive (default " + RankBenchmark.DEFAULT_RATINGS + ").")
    Path ratings;

    @Option(names = "--peer", description = "The peer ALS: spark (needs a build with -Pspark). Without it only Augur is measured.")
    String peer;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs; medians are reported (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--threads", description = "Cores to use, Augur and peer alike (default: all of this machine's).")
    Integer threads;

    @Option(names = "--users", defaultValue = "6000", description = "Generated users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--items", defaultValue = "4000", description = "Generated items (default ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--interactions", defaultValue = "1000000", description = "Generated interactions (default ${DEFAULT-VALUE}).")
    int interactions;

    @Option(names = "--rank", defaultValue = "32", description = "ALS comparison: factors (default ${DEFAULT-VALUE}).")
    int rank;

    @Option(names = "--iterations", defaultValue = "10", description = "ALS comparison: iterations (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--regularization", defaultValue = "0.1", description = "ALS comparison: L2 regularization (default ${DEFAULT-VALUE}).")
    double regularization;

    @Option(names = "--alpha", defaultValue = "1", description = "ALS comparison: confidence 1 + alpha (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--augur-param", paramLabel = "als.NAME=VALUE",
            description = "Changes Augur's ALS only (e.g. als.regularization=20), to compare each side at settings of its own.")
    List<String> augurParams = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated log, the split and the models (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print one JSON object on the last line.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (generated && ratings != null) {
            throw new ParameterException(spec.commandLine(), "use --generated or --ratings, not both");
        }
        Optional<AlsPeer> alsPeer = Optional.empty();
        if (peer != null) {
            if (!peer.equals("spark")) {
                throw new ParameterException(spec.commandLine(), "unknown peer '" + peer + "'; the only peer is spark");
            }
            alsPeer = AlsPeer.spark();
            if (alsPeer.isEmpty()) {
                spec.commandLine().getErr().println("augur: " + AlsPeer.SPARK_MISSING);
                return 2;
            }
        }
        Map<String, String> augurOverrides = RankingOptions.params(augurParams);
        for (String k : augurOverrides.keySet()) {
            if (!k.startsWith("als.")) {
                throw new ParameterException(spec.commandLine(), "--augur-param takes als.NAME=VALUE, not " + k);
            }
        }
        int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        RankBenchmark bench = new RankBenchmark();
        RankBenchmark.AlsSettings settings = new RankBenchmark.AlsSettings(rank, iterations, regularization, alpha);
        ConsoleProgress progress = ConsoleProgress.forTerminal(spec.commandLine().getErr());
        RankBenchmark.GeneratedResult gen = null;
        RankBenchmark.PeerResult cmp = null;
        try {
            if (generated) {
                progress.message("generating " + interactions + " interactions");
                long t0 = System.nanoTime();
                Interactions data = GeneratedLog.generate(interactions, users, items, seed);
                String source = "generated (seed " + seed + ")";
                gen = bench.speed(data, source, (System.nanoTime() - t0) / 1e9, runs, cores, seed, progress);
                if (alsPeer.isPresent()) {
                    cmp = bench.compare(data, source, settings, augurOverrides, runs, cores, seed, alsPeer, progress);
                }
            } else {
                Path file = ratings != null ? ratings : Path.of(RankBenchmark.DEFAULT_RATINGS);
                if (ratings == null && !java.nio.file.Files.isRegularFile(file)) {
                    throw new ParameterException(spec.commandLine(), "no ratings file at the default " + file
                            + " (MovieLens latest-small, looked for from the working folder); pass --ratings FILE or --generated");
                }
                Interactions data = RatingsLog.read(file);
                cmp = bench.compare(data, file.toString(), settings, augurOverrides, runs, cores, seed, alsPeer,
                        progress);
            }
        } finally {
            progress.done();
        }
        if (json) {
            ObjectNode o = JsonOut.object();
            o.put("benchmark", "rank");
            o.put("runs", runs);
            o.put("threads", cores);
            if (gen != null) {
                ObjectNode g = o.putObject("generated");
                dataset(g, gen.data());
                g.put("generate_seconds", round(gen.generateSeconds()));
                ArrayNode ms = g.putArray("models");
                for (RankBenchmark.ModelRuns m : gen.models()) {
                    model(ms.addObject(), m);
                }
            }
            if (cmp != null) {
                ObjectNode c = o.putObject("als_comparison");
                dataset(c, cmp.data());
                c.set("settings", JsonOut.MAPPER.valueToTree(cmp.settings().toMap()));
                ObjectNode a = c.putObject("augur");
                model(a, cmp.augur());
                a.put("first_fit_seconds", round(cmp.augurFirstFitSeconds()));
                model(c.putObject("popularity"), cmp.popularity());
                cmp.peer().ifPresent(p -> {
                    ObjectNode x = c.putObject("peer");
                    x.put("name", p.name());
                    x.put("start_seconds", round(p.startSeconds()));
                    x.put("first_fit_seconds", round(p.firstFitSeconds()));
                    x.put("fit_seconds_median", round(p.fitMedian()));
                    array(x.putArray("fit_seconds"), p.fitSeconds());
                    x.put("fit_cpu_seconds_median", round(p.fitCpuMedian()));
                    array(x.putArray("fit_cpu_seconds"), p.fitCpuSeconds());
                    x.put("fit_with_data_transfer_seconds_median", round(p.totalMedian()));
                    array(x.putArray("fit_with_data_transfer_seconds"), p.totalSeconds());
                    x.put("ndcg@10", round(p.ndcgMedian()));
                    x.put("ndcg@10_mean", round(p.ndcgMean()));
                    array(x.putArray("ndcg@10_runs"), p.ndcg10());
                    x.put("recall@10", round(p.recallMedian()));
                });
                cmp.paired().ifPresent(d -> {
                    ObjectNode x = c.putObject("paired_ndcg@10_augur_minus_peer");
                    x.put("users", d.users());
                    x.put("mean", round(d.mean()));
                    x.put("low95", round(d.low()));
                    x.put("high95", round(d.high()));
                });
                cmp.ndcgMeanRatio().ifPresent(v -> c.put("ndcg_mean_ratio_augur_over_peer", round(v)));
                cmp.timeRatio().ifPresent(v -> c.put("time_ratio_peer_over_augur", round(v)));
                cmp.cpuRatio().ifPresent(v -> c.put("cpu_time_ratio_peer_over_augur", round(v)));
                cmp.ndcgRatio().ifPresent(v -> c.put("ndcg_ratio_augur_over_peer", round(v)));
            }
            JsonOut.print(out, o);
            return 0;
        }
        if (gen != null) {
            RankBenchmark.Dataset d = gen.data();
            out.printf(Locale.ROOT, "bench rank --generated: %,d interactions, %,d users × %,d items (generated in %.1f s),"
                    + " %d runs, medians, %d threads%n", d.interactions(), d.users(), d.items(), gen.generateSeconds(), runs, cores);
            out.printf(Locale.ROOT, "  split: per-user leave-last-out by time (%s); full ranking of every unseen item%n", d.split());
            for (RankBenchmark.ModelRuns m : gen.models()) {
                out.printf(Locale.ROOT, "  %-4s fit %7.2f s (CPU %.2f s)  eval %6.2f s  NDCG@10 %.4f  Recall@10 %.4f  (runs fit %s s,"
                                + " eval %s s) %s%n", m.model(), m.fitMedian(), m.fitCpuMedian(), m.evalMedian(), m.ndcgMedian(),
                        m.recallMedian(), BenchCommand.fmt(m.fitSeconds()), BenchCommand.fmt(m.evalSeconds()), m.params());
            }
        }
        if (cmp != null) {
            RankBenchmark.Dataset d = cmp.data();
            out.printf(Locale.ROOT, "bench rank ALS comparison: %s, %,d interactions, %,d users × %,d items, %d runs after a"
                    + " warm-up fit, medians, %d threads%n", d.source(), d.interactions(), d.users(), d.items(), runs, cores);
            out.printf(Locale.ROOT, "  split: per-user leave-last-out by time (%s); every rating an implicit positive;"
                    + " full ranking%n", d.split());
            out.printf(Locale.ROOT, "  settings: %s%s%n", cmp.settings().toMap(),
                    augurOverrides.isEmpty() ? "" : "; Augur's side changed by " + augurOverrides);
            RankBenchmark.ModelRuns a = cmp.augur();
            out.printf(Locale.ROOT, "  augur ALS   fit %6.2f s (CPU %6.2f s)  NDCG@10 %.4f  Recall@10 %.4f  (first fit %.2f s; runs %s s)%n",
                    a.fitMedian(), a.fitCpuMedian(), a.ndcgMedian(), a.recallMedian(), cmp.augurFirstFitSeconds(),
                    BenchCommand.fmt(a.fitSeconds()));
            out.printf(Locale.ROOT, "              NDCG@10 per run (seed %d + run) %s, mean %.4f; %s%n", seed,
                    ndcgs(a.ndcg10()), a.ndcgMean(), a.params());
            RankBenchmark.ModelRuns pop = cmp.popularity();
            out.printf(Locale.ROOT, "  popularity                                 NDCG@10 %.4f  Recall@10 %.4f%n", pop.ndcgMedian(),
                    pop.recallMedian());
            if (cmp.peer().isPresent()) {
                RankBenchmark.PeerRuns p = cmp.peer().get();
                out.printf(Locale.ROOT, "  peer: %s%n", p.name());
                out.printf(Locale.ROOT, "  peer ALS    fit %6.2f s (CPU %6.2f s)  NDCG@10 %.4f  Recall@10 %.4f  (session start %.2f s;"
                                + " first fit %.2f s; runs %s s; with data in and factors out %.2f s)%n", p.fitMedian(),
                        p.fitCpuMedian(), p.ndcgMedian(), p.recallMedian(), p.startSeconds(), p.firstFitSeconds(),
                        BenchCommand.fmt(p.fitSeconds()), p.totalMedian());
                out.printf(Locale.ROOT, "              NDCG@10 per run %s, mean %.4f%n", ndcgs(p.ndcg10()), p.ndcgMean());
                out.printf(Locale.ROOT, "  ratios: fit time peer / augur = %.2f (CPU time %.2f); NDCG@10 augur / peer = %.3f"
                                + " (medians), %.3f (means)%n", cmp.timeRatio().get(), cmp.cpuRatio().get(),
                        cmp.ndcgRatio().get(), cmp.ndcgMeanRatio().get());
                PairedDifference diff = cmp.paired().get();
                out.printf(Locale.ROOT, "  paired over %,d users (each user's NDCG@10 averaged over the runs): augur − peer ="
                                + " %+.4f, 95%% bootstrap interval [%+.4f, %+.4f]: %s%n", diff.users(), diff.mean(), diff.low(), diff.high(),
                        diff.low() > 0 ? "augur higher" : diff.notWorse() ? "no difference the test users can show"
                                : "augur lower");
            } else {
                out.println("  no peer measured (add --peer spark; it needs a build with -Pspark)");
            }
        }
        return 0;
    }

    private static void dataset(ObjectNode o, RankBenchmark.Dataset d) {
        o.put("source", d.source());
        o.put("users", d.users());
        o.put("items", d.items());
        o.put("interactions", d.interactions());
        o.put("split", "leave-last-out");
        o.put("split_counts", d.split());
    }

    private static void model(ObjectNode o, RankBenchmark.ModelRuns m) {
        o.put("model", m.model());
        o.set("params", JsonOut.MAPPER.valueToTree(m.params()));
        o.put("fit_seconds_median", round(m.fitMedian()));
        array(o.putArray("fit_seconds"), m.fitSeconds());
        o.put("fit_cpu_seconds_median", round(m.fitCpuMedian()));
        array(o.putArray("fit_cpu_seconds"), m.fitCpuSeconds());
        o.put("eval_seconds_median", round(m.evalMedian()));
        array(o.putArray("eval_seconds"), m.evalSeconds());
        o.put("ndcg@10", round(m.ndcgMedian()));
        o.put("ndcg@10_mean", round(m.ndcgMean()));
        array(o.putArray("ndcg@10_runs"), m.ndcg10());
        o.put("recall@10", round(m.recallMedian()));
    }

    private static void array(ArrayNode a, double[] xs) {
        for (double x : xs) {
            a.add(round(x));
        }
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }

    private static String ndcgs(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) {
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4f", x));
        }
        return b.toString();
    }
}
