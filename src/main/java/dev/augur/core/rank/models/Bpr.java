package dev.augur.core.rank.models;

import dev.augur.core.rank.Csr;
import dev.augur.core.rank.Reason;
import dev.augur.core.rank.Recommender;
import dev.augur.core.rank.TrainingData;
import dev.augur.core.task.TaskMonitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Bayesian personalised ranking over matrix factorisation (Rendle et al. 2009). Each SGD step draws a user
 * uniformly (users count equally, however long their history), one of the user's training items and a uniformly
 * drawn item the user never interacted with, and follows the gradient of {@code ln σ(x_ui - x_uj)} with L2
 * regularisation. An epoch is as many steps as there are training interactions; the step size falls linearly to a
 * tenth of {@code learningRate} over the epochs. Threads update the shared factor arrays without locks (Hogwild):
 * with one thread and the same seed a fit repeats exactly, with several it varies slightly.
 * {@code score(u, i) = userFactors[u] · itemFactors[i] + itemBias[i]}.
 */
public final class Bpr implements Recommender {

    /**
     * {@code epochs} 0 means automatic: enough epochs for {@value #AUTO_STEPS} steps, at least {@value #MIN_EPOCHS}
     * and at most {@value #MAX_EPOCHS}. BPR needs about that many steps whatever the data's size (on MovieLens
     * latest-small, 80,000 training interactions, NDCG@10 still climbs past 200 epochs), so a fixed epoch count is
     * either too few for small data or too slow for large.
     */
    public record Params(int factors, int epochs, double learningRate, double regularization, boolean itemBias) {
        public static final Params DEFAULTS = new Params(64, 0, 0.05, 0.01, true);

        public Params {
            if (factors < 1) {
                throw new IllegalArgumentException("BPR needs at least 1 factor, not " + factors);
            }
            if (epochs < 0) {
                throw new IllegalArgumentException("BPR epochs must be ≥ 1, or 0 for automatic, not " + epochs);
            }
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("BPR learning rate must be > 0, not " + learningRate);
            }
            if (!(regularization >= 0)) {
                throw new IllegalArgumentException("BPR regularization must be ≥ 0, not " + regularization);
            }
        }

        public Params withEpochs(int n) {
            return new Params(factors, n, learningRate, regularization, itemBias);
        }

        /** The epochs a fit on {@code interactions} training interactions runs. */
        public int epochsFor(long interactions) {
            if (epochs > 0) {
                return epochs;
            }
            long wanted = Math.round((double) AUTO_STEPS / Math.max(1, interactions));
            return (int) Math.max(MIN_EPOCHS, Math.min(MAX_EPOCHS, wanted));
        }
    }

    static final long AUTO_STEPS = 20_000_000L;
    static final int MIN_EPOCHS = 20;
    static final int MAX_EPOCHS = 500;

    private final Params params;
    private int sgdThreads = 1;
    private int epochsRun;
    private int dim;
    private float[] userFactors = new float[0];
    private float[] itemFactors = new float[0];
    private float[] bias = new float[0];
    private Csr train;

    public Bpr() {
        this(Params.DEFAULTS);
    }

    public Bpr(Params params) {
        this.params = params;
    }

    public Params parameters() {
        return params;
    }

    @Override public String name() {
        return "bpr";
    }

    @Override public Map<String, Object> params() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("factors", params.factors());
        m.put("epochs", epochsRun > 0 ? epochsRun : params.epochs() > 0 ? params.epochs() : "auto");
        m.put("learning_rate", params.learningRate());
        m.put("regularization", params.regularization());
        m.put("item_bias", params.itemBias());
        m.put("threads", sgdThreads);
        return m;
    }

    /**
     * How many threads the SGD may use. One (the default) makes a fit reproducible: the same seed gives the same
     * model, so two runs under one protocol give the same numbers. More run lock-free (Hogwild), faster but with
     * run-to-run differences in the last digits.
     */
    public Bpr sgdThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, not " + n);
        }
        this.sgdThreads = n;
        return this;
    }

    @Override public void fit(TrainingData data, TaskMonitor monitor) {
        int sgd = Math.min(sgdThreads, data.threads());
        Csr r = data.train();
        int users = data.numUsers();
        int items = data.numItems();
        int d = params.factors();
        SplittableRandom init = new SplittableRandom(data.seed());
        float[] uf = new float[users * d];
        float[] itf = new float[items * d];
        float scale = 0.1f;
        for (int k = 0; k < uf.length; k++) {
            uf[k] = (float) init.nextGaussian() * scale;
        }
        for (int k = 0; k < itf.length; k++) {
            itf[k] = (float) init.nextGaussian() * scale;
        }
        float[] b = new float[items];
        int nnz = r.nnz();
        int[] sampled = BprEpochs.usersToSample(r, r.cols());
        SplittableRandom[] rnd = BprEpochs.workerStreams(init, nnz, sgd);
        int epochs = params.epochsFor(nnz);
        float reg = (float) params.regularization();
        boolean withBias = params.itemBias();
        long total = (long) epochs * nnz;
        if (sampled.length > 0) {
            BprEpochs.run("", params.learningRate(), epochs, nnz, sgd, total, monitor, (n, lr, worker) ->
                    steps(r, sampled, uf, itf, b, d, n, lr, reg, withBias, rnd[worker]));
        }
        for (int u = 0; u < users; u++) {
            if (r.rowLength(u) == 0) {
                Arrays.fill(uf, u * d, (u + 1) * d, 0f); // no evidence: leave the user's scores to the bias alone
            }
        }
        this.epochsRun = epochs;
        this.dim = d;
        this.userFactors = uf;
        this.itemFactors = itf;
        this.bias = b;
        this.train = r;
    }

    /** {@code n} SGD steps, each on a random user, one of their items and an item they never interacted with. */
    private static void steps(Csr r, int[] sampled, float[] uf, float[] itf, float[] b, int d, int n, float lr,
                              float reg, boolean withBias, SplittableRandom rnd) {
        int items = r.cols();
        int[] ptr = r.indptr();
        int[] idx = r.indices();
        for (int s = 0; s < n; s++) {
            int u = sampled[rnd.nextInt(sampled.length)];
            int from = ptr[u];
            int to = ptr[u + 1];
            int i = idx[from + rnd.nextInt(to - from)];
            int j;
            do {
                j = rnd.nextInt(items);
            } while (Arrays.binarySearch(idx, from, to, j) >= 0);
            int ou = u * d;
            int oi = i * d;
            int oj = j * d;
            float x0 = 0;
            float x1 = 0;
            float x2 = 0;
            float x3 = 0;
            int f = 0;
            for (; f + 3 < d; f += 4) {
                x0 += uf[ou + f] * (itf[oi + f] - itf[oj + f]);
                x1 += uf[ou + f + 1] * (itf[oi + f + 1] - itf[oj + f + 1]);
                x2 += uf[ou + f + 2] * (itf[oi + f + 2] - itf[oj + f + 2]);
                x3 += uf[ou + f + 3] * (itf[oi + f + 3] - itf[oj + f + 3]);
            }
            for (; f < d; f++) {
                x0 += uf[ou + f] * (itf[oi + f] - itf[oj + f]);
            }
            float x = (x0 + x1) + (x2 + x3) + (withBias ? b[i] - b[j] : 0f);
            float g = (float) (1 / (1 + Math.exp(x))); // σ(-x): the gradient of ln σ(x)
            float keep = 1 - lr * reg;
            float step = lr * g;
            for (f = 0; f < d; f++) {
                float wu = uf[ou + f];
                float hi = itf[oi + f];
                float hj = itf[oj + f];
                uf[ou + f] = keep * wu + step * (hi - hj);
                itf[oi + f] = keep * hi + step * wu;
                itf[oj + f] = keep * hj - step * wu;
            }
            if (withBias) {
                b[i] = keep * b[i] + step;
                b[j] = keep * b[j] - step;
            }
        }
    }

    @Override public void score(int user, float[] scores) {
        int d = dim;
        int ou = user * d;
        for (int i = 0; i < scores.length; i++) {
            int oi = i * d;
            float s = bias[i];
            for (int f = 0; f < d; f++) {
                s += userFactors[ou + f] * itemFactors[oi + f];
            }
            scores[i] = s;
        }
    }

    /** The user's history items whose factor vectors are nearest the item's (cosine), nearest first. */
    @Override public List<Reason> explain(int user, int item, int max) {
        List<Reason> out = new ArrayList<>();
        for (int q = train.indptr()[user]; q < train.indptr()[user + 1]; q++) {
            int j = train.indices()[q];
            if (j != item) {
                out.add(Reason.item(j, cosine(itemFactors, item, j, dim)));
            }
        }
        out.sort(Comparator.comparingDouble(Reason::contribution).reversed());
        return out.subList(0, Math.min(max, out.size()));
    }

    static double cosine(float[] v, int a, int b, int d) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int f = 0; f < d; f++) {
            float x = v[a * d + f];
            float y = v[b * d + f];
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
