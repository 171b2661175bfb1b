package dev.augur.core.rank.models;

import dev.augur.core.rank.Csr;
import dev.augur.core.rank.TrainingData;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The id part of {@link FusedModel}: BPR whose vectors carry the item bias as their last component (users a constant
 * 1 there, never trained), with negatives drawn from the items with training interactions only (warm items). Cold
 * items keep zero vectors: never sampled, never trained. Run by {@link BprEpochs}, as {@link Bpr} is.
 */
final class WarmItemBpr {
    /** Vector width: factors + 1 (the bias). */
    final int k;
    /** U × k user vectors, last component 1. */
    final float[] p;
    /** I × k item vectors, last component the item's bias. */
    final float[] q;
    private final Csr train;
    private final int[] sampled;
    private final int[] warmItems;
    private final SplittableRandom[] rnd;

    WarmItemBpr(TrainingData data, int k) {
        this.k = k;
        this.train = data.train();
        int numUsers = data.numUsers();
        int numItems = data.numItems();
        SplittableRandom init = new SplittableRandom(data.seed());
        int[] counts = train.columnCounts();
        int nw = 0;
        for (int c : counts) {
            if (c > 0) {
                nw++;
            }
        }
        warmItems = new int[nw];
        for (int i = 0, j = 0; i < numItems; i++) {
            if (counts[i] > 0) {
                warmItems[j++] = i;
            }
        }
        float scale = 0.1f;
        p = new float[numUsers * k];
        for (int u = 0; u < numUsers; u++) {
            for (int f = 0; f < k - 1; f++) {
                p[u * k + f] = (float) init.nextGaussian() * scale;
            }
            p[u * k + k - 1] = 1;
        }
        q = new float[numItems * k];
        for (int i : warmItems) { // cold items keep zero: never sampled, never trained
            for (int f = 0; f < k - 1; f++) {
                q[i * k + f] = (float) init.nextGaussian() * scale;
            }
        }
        // users with a training item and a warm item they have not touched (one to draw as negative)
        sampled = BprEpochs.usersToSample(train, nw);
        rnd = BprEpochs.workerStreams(init, train.nnz(), data.threads());
    }

    /** {@code n} SGD steps on {@code ln σ(p_u·(q_pos − q_neg))}, by worker {@code worker}. */
    void steps(int n, float lr, float reg, int worker) {
        if (sampled.length == 0) {
            return;
        }
        SplittableRandom r = rnd[worker];
        int[] ptr = train.indptr();
        int[] idx = train.indices();
        int d = k - 1;
        float keep = 1 - lr * reg;
        for (int s = 0; s < n; s++) {
            int u = sampled[r.nextInt(sampled.length)];
            int from = ptr[u];
            int to = ptr[u + 1];
            int pos = idx[from + r.nextInt(to - from)];
            int neg;
            do {
                neg = warmItems[r.nextInt(warmItems.length)];
            } while (Arrays.binarySearch(idx, from, to, neg) >= 0);
            int po = u * k;
            int io = pos * k;
            int jo = neg * k;
            float x = 0;
            for (int f = 0; f < k; f++) {
                x += p[po + f] * (q[io + f] - q[jo + f]);
            }
            float step = lr * (float) (1 / (1 + Math.exp(x))); // σ(−x): the gradient of ln σ(x)
            for (int f = 0; f < k; f++) {
                float pf = p[po + f];
                float qi = q[io + f];
                float qj = q[jo + f];
                if (f < d) {
                    p[po + f] = keep * pf + step * (qi - qj);
                }
                q[io + f] = keep * qi + step * pf;
                q[jo + f] = keep * qj - step * pf;
            }
        }
    }
}
