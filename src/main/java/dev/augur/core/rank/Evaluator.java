package dev.augur.core.rank;

import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskMonitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scores a fitted model under a split's protocol. Full ranking: every item is a candidate except the user's
 * training items (and validation items when the target is the test); a target item the user also has in training
 * is not counted as a positive, since no model may recommend it. Sampled mode ranks the user's positives against
 * N sampled unseen items instead. Users are scored in fixed blocks whose sums are added in block order, so results
 * do not depend on the thread count.
 *
 * <p>Ranking metrics at each K follow RecBole's definitions: Recall = hits / |positives|, Precision = hits / K,
 * HR = any hit, NDCG with IDCG over min(|positives|, K), MRR of the first hit, MAP with min(|positives|, K) as
 * denominator; GAUC is the per-user AUC over the candidates weighted by the user's positives; coverage, Gini and
 * average popularity describe the recommended top-K lists.
 *
 * <p>Every {@link Slices slice} carries all of them. An item slice scores only the positives in it (its GAUC ranks
 * them against the same negatives) and describes the lists' exposure over its items, plus {@code share@K}, the
 * part of all top-K slots its items get; a user slice scores its users and describes their lists.
 */
public final class Evaluator {
    static final String[] RANK_METRICS = {"recall", "precision", "hr", "ndcg", "mrr", "map"};
    private static final int BLOCK = 64;

    private final int threads;

    public Evaluator(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** Evaluates {@code model} (already fitted on {@code split.train()}); fit time is added by the caller. */
    public EvalResult evaluate(Split split, Recommender model, TaskMonitor monitor) {
        return evaluate(split, model, monitor, null);
    }

    /**
     * As above, and writes each scored user's NDCG at the smallest K into {@code ndcgByUser} (indexed by dense
     * user; users without a scorable target item are left as they were), for paired per-user comparisons of two
     * models on the same split.
     */
    public EvalResult evaluate(Split split, Recommender model, TaskMonitor monitor, double[] ndcgByUser) {
        if (ndcgByUser != null && ndcgByUser.length != split.train().rows()) {
            throw new IllegalArgumentException("ndcgByUser needs one slot per user (" + split.train().rows()
                    + "), not " + ndcgByUser.length);
        }
        long start = System.nanoTime();
        Protocol p = split.protocol();
        int[] ks = p.ks().stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        int maxK = ks[ks.length - 1];
        Csr train = split.train();
        Csr target = split.target();
        int numItems = train.cols();
        int[] pop = train.columnCounts();
        byte[] itemSlice = Slices.itemSlices(split.observedTrainCounts());
        int[] users = eligibleUsers(split, p);
        int skipped = countTargetUsers(target) - users.length;
        int groups = 1 + Slices.ALL.size();
        int width = ks.length * RANK_METRICS.length + 3; // then Σ auc·|P|, Σ |P| and users
        int listGroups = 1 + Slices.USER.size(); // top-K lists counted for all users and per history bucket
        int blocks = (users.length + BLOCK - 1) / BLOCK;
        double[][] blockSums = new double[blocks][];
        int workers = Math.min(threads, Math.max(1, blocks));
        int[][] recommended = new int[workers][];
        AtomicInteger nextBlock = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        List<Thread> pool = new ArrayList<>();
        RuntimeException[] failure = new RuntimeException[1];
        for (int w = 0; w < workers; w++) {
            int worker = w;
            recommended[w] = new int[listGroups * ks.length * numItems];
            Thread t = new Thread(() -> {
                try {
                    float[] scores = new float[numItems];
                    int[] top = new int[Math.max(maxK, 1)];
                    boolean[] candidate = p.mode().sampled() ? new boolean[numItems] : null;
                    int b;
                    while ((b = nextBlock.getAndIncrement()) < blocks && failure[0] == null) {
                        if (monitor.isCancelled()) {
                            return;
                        }
                        double[] sums = new double[groups * width];
                        int from = b * BLOCK;
                        int to = Math.min(users.length, from + BLOCK);
                        for (int j = from; j < to; j++) {
                            scoreUser(split, model, users[j], ks, scores, top, candidate, itemSlice, pop, sums,
                                    width, recommended[worker], ndcgByUser);
                        }
                        blockSums[b] = sums;
                        monitor.progress(done.addAndGet(to - from), users.length);
                    }
                } catch (RuntimeException e) {
                    synchronized (failure) {
                        if (failure[0] == null) {
                            failure[0] = e;
                        }
                    }
                }
            }, "augur-eval-" + w);
            t.setDaemon(true);
            pool.add(t);
            t.start();
        }
        for (Thread t : pool) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TaskCancelledException();
            }
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        monitor.checkCancelled();
        double[] total = new double[groups * width];
        for (double[] s : blockSums) {
            for (int i = 0; i < total.length; i++) {
                total[i] += s[i];
            }
        }
        Map<String, Double> metrics = groupMetrics(total, 0, width, ks);
        metrics.remove("users");
        Map<String, Map<String, Double>> slices = new LinkedHashMap<>();
        for (int g = 1; g < groups; g++) {
            slices.put(Slices.ALL.get(g - 1), groupMetrics(total, g * width, width, ks));
        }
        for (int ki = 0; ki < ks.length; ki++) {
            int k = ks[ki];
            int[] counts = ListExposure.counts(recommended, 0, ki, ks.length, numItems);
            ListExposure.describe(metrics, k, counts, pop, null);
            // the lists' spread over each item slice (and the share of all top-K slots the slice gets) ...
            long listed = Arrays.stream(counts).asLongStream().sum();
            for (int s = 0; s < Slices.ITEM.size(); s++) {
                Map<String, Double> m = slices.get(Slices.ITEM.get(s));
                boolean[] in = new boolean[numItems];
                long slots = 0;
                for (int i = 0; i < numItems; i++) {
                    in[i] = itemSlice[i] == s;
                    slots += in[i] ? counts[i] : 0;
                }
                ListExposure.describe(m, k, counts, pop, in);
                m.put("share@" + k, listed == 0 ? 0.0 : (double) slots / listed);
            }
            // ... and over the lists of each group of users
            for (int b = 0; b < Slices.USER.size(); b++) {
                ListExposure.describe(slices.get(Slices.USER.get(b)), k, ListExposure.counts(recommended, 1 + b, ki, ks.length, numItems),
                        pop, null);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> extra = new LinkedHashMap<>();
        return new EvalResult(model.name(), model.params(), metrics, slices, users.length, skipped, 0, seconds, extra);
    }

    private static Map<String, Double> groupMetrics(double[] total, int at, int width, int[] ks) {
        Map<String, Double> m = new LinkedHashMap<>();
        double n = total[at + width - 1];
        for (int ki = 0; ki < ks.length; ki++) {
            for (int mi = 0; mi < RANK_METRICS.length; mi++) {
                double sum = total[at + ki * RANK_METRICS.length + mi];
                m.put(RANK_METRICS[mi] + "@" + ks[ki], n > 0 ? sum / n : 0.0);
            }
        }
        double positives = total[at + width - 2];
        m.put("gauc", positives > 0 ? total[at + width - 3] / positives : 0.0);
        m.put("users", n);
        return m;
    }

    private void scoreUser(Split split, Recommender model, int u, int[] ks, float[] scores, int[] top,
                           boolean[] candidate, byte[] itemSlice, int[] pop, double[] sums, int width,
                           int[] recommended, double[] ndcgByUser) {
        Csr train = split.train();
        Csr valid = split.valid();
        Csr target = split.target();
        boolean excludeValid = !split.protocol().target().equals("valid");
        int numItems = train.cols();
        Arrays.fill(scores, 0f);
        model.score(u, scores);
        for (int k = train.indptr()[u]; k < train.indptr()[u + 1]; k++) {
            scores[train.indices()[k]] = Float.NEGATIVE_INFINITY;
        }
        if (excludeValid) {
            for (int k = valid.indptr()[u]; k < valid.indptr()[u + 1]; k++) {
                scores[valid.indices()[k]] = Float.NEGATIVE_INFINITY;
            }
        }
        // positives: target items the user does not also have in training (those can never be recommended)
        int[] positives = new int[target.rowLength(u)];
        int np = 0;
        for (int k = target.indptr()[u]; k < target.indptr()[u + 1]; k++) {
            int item = target.indices()[k];
            if (!train.contains(u, item) && !(excludeValid && valid.contains(u, item))) {
                positives[np++] = item;
            }
        }
        if (np == 0) {
            return;
        }
        positives = Arrays.copyOf(positives, np);
        for (int i = 0; i < np; i++) {
            if (Float.isNaN(scores[positives[i]])) {
                scores[positives[i]] = Float.NEGATIVE_INFINITY;
            }
        }
        if (candidate != null) {
            restrictToSample(split, u, positives, scores, candidate);
        }
        int listed = TopK.select(scores, top.length, top);
        double[] aucs = UserAuc.perSlice(scores, positives, candidate, itemSlice);
        double auc = aucs[0];
        // group 0: all items
        double ndcgBefore = sums[3]; // ndcg at the smallest K: the fourth rank metric of the first K
        accumulate(sums, 0, width, ks, top, listed, positives, np);
        if (ndcgByUser != null) {
            ndcgByUser[u] = sums[3] - ndcgBefore;
        }
        sums[width - 3] += auc * np;
        sums[width - 2] += np;
        // item slices restrict the positives, user slices take all positives of users with that history length
        for (int s = 0; s < Slices.ITEM.size(); s++) {
            int[] sub = new int[np];
            int ns = 0;
            for (int item : positives) {
                if (itemSlice[item] == s) {
                    sub[ns++] = item;
                }
            }
            if (ns > 0) {
                accumulate(sums, (1 + s) * width, width, ks, top, listed, Arrays.copyOf(sub, ns), ns);
                sums[(1 + s) * width + width - 3] += aucs[1 + s] * ns;
                sums[(1 + s) * width + width - 2] += ns;
            }
        }
        int history = train.rowLength(u);
        int bucket = Slices.userSlice(history);
        int userGroup = (1 + Slices.ITEM.size() + bucket) * width;
        accumulate(sums, userGroup, width, ks, top, listed, positives, np);
        sums[userGroup + width - 3] += auc * np;
        sums[userGroup + width - 2] += np;
        for (int ki = 0; ki < ks.length; ki++) {
            int upto = Math.min(ks[ki], listed);
            int all = ki * numItems;
            int mine = ((1 + bucket) * ks.length + ki) * numItems;
            for (int r = 0; r < upto; r++) {
                recommended[all + top[r]]++;
                recommended[mine + top[r]]++;
            }
        }
    }

    /** Adds one user's metrics at every K to a group's sums (positives need not be sorted). */
    private static void accumulate(double[] sums, int at, int width, int[] ks, int[] top, int listed, int[] positives,
                                   int np) {
        int[] sorted = positives.clone();
        Arrays.sort(sorted);
        for (int ki = 0; ki < ks.length; ki++) {
            int k = ks[ki];
            int upto = Math.min(k, listed);
            int hits = 0;
            double dcg = 0;
            double rr = 0;
            double ap = 0;
            for (int r = 0; r < upto; r++) {
                if (Arrays.binarySearch(sorted, top[r]) >= 0) {
                    hits++;
                    dcg += 1.0 / log2(r + 2);
                    if (rr == 0) {
                        rr = 1.0 / (r + 1);
                    }
                    ap += (double) hits / (r + 1);
                }
            }
            double idcg = 0;
            for (int r = 0; r < Math.min(np, k); r++) {
                idcg += 1.0 / log2(r + 2);
            }
            int base = at + ki * RANK_METRICS.length;
            sums[base] += (double) hits / np;
            sums[base + 1] += (double) hits / k;
            sums[base + 2] += hits > 0 ? 1 : 0;
            sums[base + 3] += dcg / idcg;
            sums[base + 4] += rr;
            sums[base + 5] += ap / Math.min(np, k);
        }
        sums[at + width - 1] += 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Sampled mode: keeps the positives and N unseen items per user, everything else drops out of the ranking. */
    private static void restrictToSample(Split split, int u, int[] positives, float[] scores, boolean[] candidate) {
        int numItems = scores.length;
        Arrays.fill(candidate, false);
        for (int item : positives) {
            candidate[item] = true;
        }
        SplittableRandom rnd = new SplittableRandom(split.protocol().seed() * 1_000_003L + u);
        int want = split.protocol().mode().negatives();
        int tries = 0;
        int got = 0;
        while (got < want && tries < want * 20) {
            tries++;
            int item = rnd.nextInt(numItems);
            if (candidate[item] || scores[item] == Float.NEGATIVE_INFINITY && split.excluded(u, item)
                    || split.test().contains(u, item) || split.valid().contains(u, item)) {
                continue;
            }
            candidate[item] = true;
            got++;
        }
        for (int i = 0; i < numItems; i++) {
            if (!candidate[i]) {
                scores[i] = Float.NEGATIVE_INFINITY;
            } else if (scores[i] == Float.NEGATIVE_INFINITY) {
                scores[i] = -Float.MAX_VALUE; // a candidate the model cannot rank still competes, last
            }
        }
    }

    private static int[] eligibleUsers(Split split, Protocol p) {
        Csr train = split.train();
        Csr target = split.target();
        int[] out = new int[train.rows()];
        int n = 0;
        for (int u = 0; u < train.rows(); u++) {
            if (target.rowLength(u) > 0 && train.rowLength(u) > 0) {
                out[n++] = u;
            }
        }
        out = Arrays.copyOf(out, n);
        if (p.maxUsers() > 0 && n > p.maxUsers()) {
            SplittableRandom rnd = new SplittableRandom(p.seed() ^ 0x5DEECE66DL);
            for (int j = n - 1; j > 0; j--) {
                int s = rnd.nextInt(j + 1);
                int tmp = out[j];
                out[j] = out[s];
                out[s] = tmp;
            }
            out = Arrays.copyOf(out, p.maxUsers());
            Arrays.sort(out);
        }
        return out;
    }

    private static int countTargetUsers(Csr target) {
        int n = 0;
        for (int u = 0; u < target.rows(); u++) {
            n += target.rowLength(u) > 0 ? 1 : 0;
        }
        return n;
    }
}
