package dev.augur.core.bench;

import dev.augur.core.dataset.ColumnMapping;
import dev.augur.core.dataset.ImportOptions;
import dev.augur.core.dataset.ImportReport;
import dev.augur.core.dataset.ImportService;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code bench import}: imports a generated ratings CSV into a fresh workspace several times and, in the same
 * run, times the {@code sqlite3} command-line shell's {@code .import} of the same file (the peer), so the
 * ratio holds on a shared, noisy machine.
 */
public final class ImportBenchmark {

    /** One benchmark run's outcome; rows/s are medians over runs, peak heap is the largest seen. */
    public record Result(long rows, int runs, double[] augurSeconds, double augurRowsPerSecondMedian,
                         double[] augurCommittedSeconds,
                         Optional<double[]> sqliteSeconds, Optional<Double> sqliteRowsPerSecondMedian,
                         Optional<double[]> sqliteIndexedSeconds, Optional<Double> sqliteIndexedRowsPerSecondMedian,
                         long peakHeapBytes, long maxHeapBytes, long fileBytes, String sqliteVersion) {
        /** Until the rows are committed and readable, as after the shell's {@code .import} (indexes follow). */
        public double augurCommittedRowsPerSecondMedian() {
            return rows / median(augurCommittedSeconds);
        }

        /** Committed data against the plain {@code .import}: both leave a readable, unindexed table. */
        public Optional<Double> ratio() {
            return sqliteRowsPerSecondMedian.map(s -> augurCommittedRowsPerSecondMedian() / s);
        }

        /** Against {@code .import} plus the same two indexes Augur builds: the like-for-like peer. */
        public Optional<Double> ratioIndexed() {
            return sqliteIndexedRowsPerSecondMedian.map(s -> augurRowsPerSecondMedian / s);
        }
    }

    private final ImportService imports;

    public ImportBenchmark(ImportService imports) {
        this.imports = imports;
    }

    public Result run(long rows, int runs, Path workDir, TaskMonitor monitor) {
        try {
            Files.createDirectories(workDir);
            Path csv = workDir.resolve("bench-ratings.csv");
            monitor.message("Writing " + rows + " rows to " + csv);
            RatingsFile.write(csv, rows, 42);
            long fileBytes = Files.size(csv);
            ColumnMapping mapping = ColumnMapping.parse("user=userId,item=movieId,value=rating,timestamp=timestamp");
            double[] ours = new double[runs];
            double[] oursCommitted = new double[runs];
            double[] peer = new double[runs];
            double[] peerIndexed = new double[runs];
            boolean havePeer = sqlite3Available();
            long peak = 0;
            for (int r = 0; r < runs; r++) {
                Path ws = workDir.resolve("bench-" + r + ".augur");
                deleteWorkspace(ws);
                HeapPeak.reset();
                monitor.message("Run " + (r + 1) + "/" + runs + ": augur import");
                long t0 = System.nanoTime();
                ImportReport report;
                double openSeconds;
                try (Workspace w = Workspace.open(ws)) {
                    openSeconds = (System.nanoTime() - t0) / 1e9;
                    report = imports.run(w, csv, ImportOptions.defaults().withFormat("csv").withMapping(mapping), TaskMonitor.NONE);
                }
                ours[r] = (System.nanoTime() - t0) / 1e9;
                oursCommitted[r] = openSeconds + report.loadSeconds();
                peak = Math.max(peak, HeapPeak.peakBytes());
                if (report.interactions() + report.duplicates() != rows) {
                    throw new IllegalStateException("benchmark import wrote " + report.interactions() + " of " + rows + " rows");
                }
                deleteWorkspace(ws);
                if (havePeer) {
                    monitor.message("Run " + (r + 1) + "/" + runs + ": sqlite3 .import");
                    peer[r] = sqlite3Import(csv, workDir.resolve("peer-" + r + ".db"), false);
                    peerIndexed[r] = sqlite3Import(csv, workDir.resolve("peer-" + r + ".db"), true);
                }
                monitor.progress(r + 1, runs);
            }
            Files.deleteIfExists(csv);
            double oursMedian = rows / median(ours);
            return new Result(rows, runs, ours, oursMedian, oursCommitted, havePeer ? Optional.of(peer) : Optional.empty(),
                    havePeer ? Optional.of(rows / median(peer)) : Optional.empty(),
                    havePeer ? Optional.of(peerIndexed) : Optional.empty(),
                    havePeer ? Optional.of(rows / median(peerIndexed)) : Optional.empty(), peak, HeapPeak.maxHeapBytes(),
                    fileBytes, havePeer ? sqliteVersion() : "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The median of {@code xs} (the benchmarks report medians of runs). */
    public static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static boolean sqlite3Available() {
        try {
            Process p = new ProcessBuilder("sqlite3", "-version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String sqliteVersion() {
        try {
            Process p = new ProcessBuilder("sqlite3", "-version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            return v.split(" ")[0];
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /**
     * The peer: the sqlite3 shell's CSV import of the same file into a new database (header → columns), and
     * optionally the two indexes Augur's interactions carry (by user, item, time; by item), in one transaction.
     */
    private static double sqlite3Import(Path csv, Path db, boolean indexed) throws IOException {
        Files.deleteIfExists(db);
        List<String> cmd = new ArrayList<>(List.of("sqlite3", db.toString()));
        if (indexed) {
            cmd.add("BEGIN");
        }
        cmd.addAll(List.of(".mode csv", ".import " + csv + " ratings"));
        if (indexed) {
            cmd.addAll(List.of("CREATE INDEX r_user ON ratings(userId, movieId, timestamp)",
                    "CREATE INDEX r_item ON ratings(movieId)", "COMMIT"));
        }
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IllegalStateException("sqlite3 .import failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        Files.deleteIfExists(db);
        return secs;
    }

    private static void deleteWorkspace(Path ws) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(ws + suffix));
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
