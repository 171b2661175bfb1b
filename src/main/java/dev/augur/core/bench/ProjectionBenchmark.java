package dev.augur.core.bench;

import dev.augur.core.projection.Pca;
import dev.augur.core.projection.Trustworthiness;
import dev.augur.core.projection.Umap;
import dev.augur.core.projection.UmapParams;
import dev.augur.core.task.TaskMonitor;

import java.util.SplittableRandom;

/**
 * Projection times for {@code bench map}: exact PCA to 2-D and UMAP (default parameters) of {@code n} unit vectors
 * of 384 dimensions drawn around 20 seeded cluster centres (what sentence vectors of a catalogue look like), and the
 * trustworthiness at k = 10 of both layouts on a sample of 2,000 points.
 */
public final class ProjectionBenchmark {
    public static final int DIMS = 384;

    public record Result(int points, double pcaSeconds, double umapSeconds, double pcaTrust, double umapTrust) {
    }

    private ProjectionBenchmark() {
    }

    /** Unit vectors around 20 centres, seeded: the same n always gives the same data. */
    public static float[] clusteredVectors(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int clusters = 20;
        float[] centres = new float[clusters * DIMS];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = (float) r.nextGaussian();
        }
        float[] out = new float[n * DIMS];
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(clusters);
            double norm = 0;
            for (int d = 0; d < DIMS; d++) {
                float v = centres[c * DIMS + d] + (float) (0.9 * r.nextGaussian());
                out[i * DIMS + d] = v;
                norm += (double) v * v;
            }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < DIMS; d++) {
                out[i * DIMS + d] *= inv;
            }
        }
        return out;
    }

    public static Result run(int n, TaskMonitor monitor) {
        float[] data = clusteredVectors(n, 42);
        monitor.message("PCA of " + n + " points");
        long t0 = System.nanoTime();
        float[] pca = Pca.reduce(data, n, DIMS, 2, TaskMonitor.NONE);
        double pcaSeconds = (System.nanoTime() - t0) / 1e9;
        monitor.message("UMAP of " + n + " points");
        t0 = System.nanoTime();
        float[] umap = Umap.embed(data, n, DIMS, UmapParams.DEFAULTS, monitor);
        double umapSeconds = (System.nanoTime() - t0) / 1e9;
        int sample = Math.min(n, 2000);
        // points are in random order, so the first rows are a random sample
        float[] high = java.util.Arrays.copyOf(data, sample * DIMS);
        return new Result(n, pcaSeconds, umapSeconds,
                Trustworthiness.at(high, DIMS, java.util.Arrays.copyOf(pca, sample * 2), sample, 10),
                Trustworthiness.at(high, DIMS, java.util.Arrays.copyOf(umap, sample * 2), sample, 10));
    }
}
