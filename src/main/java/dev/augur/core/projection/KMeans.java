package dev.augur.core.projection;

import dev.augur.core.task.TaskMonitor;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means clustering of float rows (a 2-D layout or the vectors themselves), for colouring a map by cluster:
 * k-means++ seeding from a {@link SplittableRandom}, then Lloyd iterations until no point changes cluster. The
 * assignment step runs on several threads, the centroid sums on one in row order, so a seed always gives the same
 * labels. Labels are renumbered by cluster size, largest first (ties by lowest first row).
 */
public final class KMeans {
    public static final int DEFAULT_MAX_ITERATIONS = 100;

    private KMeans() {
    }

    /** Labels 0..k-1 for the {@code n × d} rows of {@code data}, with up to {@value #DEFAULT_MAX_ITERATIONS} iterations. */
    public static int[] cluster(float[] data, int n, int d, int k, long seed) {
        return cluster(data, n, d, k, seed, DEFAULT_MAX_ITERATIONS, TaskMonitor.NONE);
    }

    /**
     * Labels for the {@code n × d} rows of {@code data}: {@code min(k, n)} clusters (fewer when the rows hold fewer
     * distinct points).
     * @throws IllegalArgumentException when {@code k < 1} or {@code data} is not {@code n × d}
     */
    public static int[] cluster(float[] data, int n, int d, int k, long seed, int maxIterations, TaskMonitor monitor) {
        if (n < 0 || d < 1 || (long) n * d != data.length) {
            throw new IllegalArgumentException("a " + n + " × " + d + " matrix needs " + (long) n * d + " values, not "
                    + data.length);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, not " + k);
        }
        int[] labels = new int[n];
        if (n == 0) {
            return labels;
        }
        double[] centroids = seed(data, n, d, Math.min(k, n), new SplittableRandom(seed));
        int c = centroids.length / d;
        Arrays.fill(labels, -1);
        int threads = Parallel.defaultThreads();
        for (int iter = 0; iter < maxIterations; iter++) {
            int[] changes = new int[threads];
            double[] cs = centroids;
            Parallel.run(n, 4096, threads, TaskMonitor.NONE, (from, to, w) -> {
                for (int i = from; i < to; i++) {
                    int best = nearest(data, i, d, cs, c);
                    if (best != labels[i]) {
                        labels[i] = best;
                        changes[w]++;
                    }
                }
            });
            monitor.progress(iter + 1, maxIterations);
            monitor.checkCancelled();
            if (Arrays.stream(changes).sum() == 0) {
                break;
            }
            double[] sums = new double[c * d];
            int[] counts = new int[c];
            for (int i = 0; i < n; i++) {
                counts[labels[i]]++;
                for (int j = 0; j < d; j++) {
                    sums[labels[i] * d + j] += data[i * d + j];
                }
            }
            for (int q = 0; q < c; q++) {
                if (counts[q] > 0) { // an empty cluster keeps its centroid
                    for (int j = 0; j < d; j++) {
                        centroids[q * d + j] = sums[q * d + j] / counts[q];
                    }
                }
            }
        }
        return bySize(labels, c);
    }

    /** k-means++: the first centre uniformly, each next one with probability proportional to squared distance. */
    private static double[] seed(float[] data, int n, int d, int k, SplittableRandom rng) {
        double[] centres = new double[k * d];
        double[] dist = new double[n];
        int first = rng.nextInt(n);
        for (int j = 0; j < d; j++) {
            centres[j] = data[first * d + j];
        }
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        int count = 1;
        for (; count < k; count++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                dist[i] = Math.min(dist[i], squared(data, i, d, centres, count - 1));
                total += dist[i];
            }
            if (total == 0) {
                break; // fewer distinct points than clusters
            }
            double r = rng.nextDouble() * total;
            int pick = -1;
            for (int i = 0; i < n; i++) {
                if (dist[i] > 0) {
                    pick = i;
                    r -= dist[i];
                    if (r < 0) {
                        break;
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                centres[count * d + j] = data[pick * d + j];
            }
        }
        return Arrays.copyOf(centres, count * d);
    }

    private static int nearest(float[] data, int i, int d, double[] centres, int c) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int q = 0; q < c; q++) {
            double s = squared(data, i, d, centres, q);
            if (s < bestD) {
                bestD = s;
                best = q;
            }
        }
        return best;
    }

    private static double squared(float[] data, int i, int d, double[] centres, int q) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double diff = data[i * d + j] - centres[q * d + j];
            s += diff * diff;
        }
        return s;
    }

    private static int[] bySize(int[] labels, int c) {
        int[] counts = new int[c];
        int[] first = new int[c];
        Arrays.fill(first, Integer.MAX_VALUE);
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]]++;
            first[labels[i]] = Math.min(first[labels[i]], i);
        }
        Integer[] order = new Integer[c];
        for (int q = 0; q < c; q++) {
            order[q] = q;
        }
        Arrays.sort(order, (p, q) -> counts[p] != counts[q] ? Integer.compare(counts[q], counts[p])
                : Integer.compare(first[p], first[q]));
        int[] rename = new int[c];
        int next = 0;
        for (Integer q : order) {
            rename[q] = counts[q] > 0 ? next++ : -1;
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rename[labels[i]];
        }
        return labels;
    }
}
