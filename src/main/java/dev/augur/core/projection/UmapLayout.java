package dev.augur.core.projection;

import dev.augur.core.task.TaskMonitor;

import java.util.SplittableRandom;

/**
 * UMAP's SGD layout: each edge sampled every max(w)/w epochs, {@value #NEGATIVE_SAMPLE_RATE} negative samples per
 * positive one, gradients clipped to ±4, learning rate 1 decaying linearly to 0. One thread, one seeded
 * {@link SplittableRandom}, {@code pow} from {@link FastMath}: the same input gives the same bytes. An instance is
 * the SGD state: the edge schedules and the curve.
 */
final class UmapLayout {
    static final int NEGATIVE_SAMPLE_RATE = 5;
    private static final double GAMMA = 1.0;

    private final float[] xy;
    private final int n;
    private final int[] head;
    private final int[] tail;
    private final double[] perSample;
    private final double[] nextSample;
    private final double[] perNegative;
    private final double[] nextNegative;
    private final double a;
    private final double twoAb;
    private final double twoGammaB;
    private final FastMath.Power power;
    private final SplittableRandom rng;

    private UmapLayout(float[] xy, int n, FuzzyGraph edges, double a, double b, SplittableRandom rng) {
        this.xy = xy;
        this.n = n;
        this.head = edges.head();
        this.tail = edges.tail();
        this.a = a;
        this.twoAb = 2 * a * b;
        this.twoGammaB = 2 * GAMMA * b;
        this.power = new FastMath.Power(b);
        this.rng = rng;
        int size = edges.size();
        double max = 0;
        for (double v : edges.weight()) {
            max = Math.max(max, v);
        }
        perSample = new double[size];
        nextSample = new double[size];
        perNegative = new double[size];
        nextNegative = new double[size];
        for (int e = 0; e < size; e++) {
            perSample[e] = max / edges.weight()[e];
            nextSample[e] = perSample[e];
            perNegative[e] = perSample[e] / NEGATIVE_SAMPLE_RATE;
            nextNegative[e] = perNegative[e];
        }
    }

    /** Optimises the layout {@code xy} in place: umap-learn's {@code optimize_layout_euclidean}, single-threaded. */
    static void optimise(float[] xy, int n, FuzzyGraph edges, int epochs, double a, double b, SplittableRandom rng,
                         TaskMonitor monitor) {
        UmapLayout layout = new UmapLayout(xy, n, edges, a, b, rng);
        double alpha = 1;
        for (int epoch = 0; epoch < epochs; epoch++) {
            monitor.checkCancelled();
            layout.epoch(epoch, alpha);
            alpha = 1 - (double) epoch / epochs;
            monitor.progress(epoch + 1, epochs);
            if ((epoch + 1) % 10 == 0 || epoch + 1 == epochs) {
                monitor.message("UMAP: layout epoch " + (epoch + 1) + " of " + epochs);
            }
        }
    }

    /** One epoch over the edges due; a method of its own so the JIT compiles it as a whole. */
    private void epoch(int epoch, double alpha) {
        for (int e = 0; e < head.length; e++) {
            if (nextSample[e] > epoch) {
                continue;
            }
            int j = head[e];
            int t = tail[e];
            double cx = xy[2 * j];
            double cy = xy[2 * j + 1];
            double dx = cx - xy[2 * t];
            double dy = cy - xy[2 * t + 1];
            double d2 = dx * dx + dy * dy;
            if (d2 > 0) {
                double pb = power.of(d2);
                double coeff = -twoAb * pb / (d2 * (a * pb + 1));
                double gx = clip(coeff * dx) * alpha;
                double gy = clip(coeff * dy) * alpha;
                cx += gx;
                cy += gy;
                xy[2 * t] = (float) (xy[2 * t] - gx);
                xy[2 * t + 1] = (float) (xy[2 * t + 1] - gy);
            }
            nextSample[e] += perSample[e];
            int negatives = (int) ((epoch - nextNegative[e]) / perNegative[e]);
            for (int s = 0; s < negatives; s++) {
                int o = rng.nextInt(n);
                if (o == j) {
                    continue; // umap-learn skips a point drawn as its own negative sample
                }
                dx = cx - xy[2 * o];
                dy = cy - xy[2 * o + 1];
                d2 = dx * dx + dy * dy;
                if (d2 > 0) {
                    double coeff = twoGammaB / ((0.001 + d2) * (a * power.of(d2) + 1));
                    cx += clip(coeff * dx) * alpha;
                    cy += clip(coeff * dy) * alpha;
                } else { // a different point at the same place
                    cx += 4 * alpha;
                    cy += 4 * alpha;
                }
            }
            xy[2 * j] = (float) cx;
            xy[2 * j + 1] = (float) cy;
            nextNegative[e] += negatives * perNegative[e];
        }
    }

    private static double clip(double v) {
        return v > 4 ? 4 : v < -4 ? -4 : v;
    }
}
