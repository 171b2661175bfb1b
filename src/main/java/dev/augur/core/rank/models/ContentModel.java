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

/**
 * Content-based ranking on item text vectors: a user is the weighted mean of the unit text vectors of its training
 * items, an item's score is the cosine between that mean and its own text vector. It needs no interactions on an
 * item, so it ranks cold items like any other; that is what it is for. An item without text cannot be placed and
 * scores {@link Float#NEGATIVE_INFINITY} (it never enters a top-K), as does every item for a user none of whose
 * training items has text.
 *
 * <p>Weights: uniform, or by recency, halving every {@code halfLife} items back from the most recent (positions, not
 * days, so it behaves the same on datasets of any time scale). Recency needs the time order of the training items,
 * which {@code TrainingData} does not carry: pass a {@link TrainingHistory} built from the split.
 */
public final class ContentModel implements Recommender {
    /** Items back from the most recent at which a history item's weight has halved, by default. */
    public static final double DEFAULT_HALF_LIFE = 20;

    private TrainingHistory history;
    private double halfLife;
    private final double recencyFromData;

    private TextVectors text;
    private Csr train;
    private int[][] order;

    /** Uniform weights. */
    public ContentModel() {
        this(null, 0);
    }

    /** Recency weights halving every {@code halfLife} items, over the time order the training data carries. */
    public ContentModel(double halfLife) {
        this(null, 0, halfLife);
    }

    /**
     * Recency weights over {@code history} (oldest first), halving every {@code halfLife} items; {@code history}
     * null or {@code halfLife} ≤ 0 or infinite means uniform weights.
     */
    public ContentModel(TrainingHistory history, double halfLife) {
        this(history, halfLife, 0);
    }

    private ContentModel(TrainingHistory history, double halfLife, double recencyFromData) {
        this.recencyFromData = recencyFromData;
        if (history != null && !history.timeOrder() && halfLife > 0 && Double.isFinite(halfLife)) {
            throw new IllegalArgumentException("recency weights need the training items in time order"
                    + " (TrainingHistory.of(split)), not by value");
        }
        boolean recency = history != null && halfLife > 0 && Double.isFinite(halfLife);
        this.history = recency ? history : null;
        this.halfLife = recency ? halfLife : 0;
    }

    @Override public String name() {
        return "content";
    }

    @Override public Map<String, Object> params() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("weighting", history == null ? "uniform" : "recency");
        if (history != null) {
            m.put("half_life", halfLife);
        }
        if (text != null) {
            m.put("text_dims", text.dims());
        }
        return m;
    }

    @Override public void fit(TrainingData data, TaskMonitor monitor) {
        text = TextVectors.of(data.side(), name());
        if (data.side().numItems() != data.numItems()) {
            throw new IllegalArgumentException("side information covers " + data.side().numItems()
                    + " items, the training data " + data.numItems());
        }
        train = data.train();
        if (recencyFromData > 0 && Double.isFinite(recencyFromData) && data.history() != null
                && data.history().timeOrder()) {
            history = data.history();
            halfLife = recencyFromData;
        }
        if (history != null) {
            history.check(train);
            order = history.items();
        } else {
            order = new int[train.rows()][];
            for (int u = 0; u < order.length; u++) {
                order[u] = train.row(u);
            }
        }
        monitor.progress(1, 1);
    }

    @Override public void score(int user, float[] scores) {
        float[] profile = profile(user);
        if (profile == null) {
            Arrays.fill(scores, Float.NEGATIVE_INFINITY);
            return;
        }
        int d = text.dims();
        float[] unit = text.unit();
        boolean[] has = text.has();
        for (int i = 0; i < scores.length; i++) {
            if (!has[i]) {
                scores[i] = Float.NEGATIVE_INFINITY;
                continue;
            }
            int o = i * d;
            float s = 0;
            for (int f = 0; f < d; f++) {
                s += profile[f] * unit[o + f];
            }
            scores[i] = s;
        }
    }

    /**
     * The history items that lift {@code item} most: each one's share of the score, its weight times its cosine to
     * the item over the profile's length (the shares add up to the score).
     */
    @Override public List<Reason> explain(int user, int item, int max) {
        float[] profile = profile(user);
        if (profile == null || !text.has()[item] || max <= 0) {
            return List.of();
        }
        double norm = normOfWeightedSum(user);
        int[] items = order[user];
        List<Reason> out = new ArrayList<>();
        for (int j = 0; j < items.length; j++) {
            int h = items[j];
            if (text.has()[h]) {
                out.add(Reason.item(h, weight(j, items.length) * text.dot(h, item) / norm));
            }
        }
        out.sort(Comparator.comparingDouble(Reason::contribution).reversed());
        return List.copyOf(out.subList(0, Math.min(max, out.size())));
    }

    /** The user's unit profile vector, or null when none of its training items has text. */
    private float[] profile(int user) {
        int d = text.dims();
        float[] unit = text.unit();
        boolean[] has = text.has();
        int[] items = order[user];
        float[] p = new float[d];
        boolean any = false;
        for (int j = 0; j < items.length; j++) {
            int h = items[j];
            if (!has[h]) {
                continue;
            }
            any = true;
            float w = (float) weight(j, items.length);
            int o = h * d;
            for (int f = 0; f < d; f++) {
                p[f] += w * unit[o + f];
            }
        }
        if (!any) {
            return null;
        }
        double norm = 0;
        for (float v : p) {
            norm += (double) v * v;
        }
        if (norm == 0) {
            return null; // texts that cancel out exactly: no direction to rank by
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int f = 0; f < d; f++) {
            p[f] *= inv;
        }
        return p;
    }

    private double normOfWeightedSum(int user) {
        int d = text.dims();
        int[] items = order[user];
        double[] p = new double[d];
        for (int j = 0; j < items.length; j++) {
            int h = items[j];
            if (text.has()[h]) {
                double w = weight(j, items.length);
                for (int f = 0; f < d; f++) {
                    p[f] += w * text.unit()[h * d + f];
                }
            }
        }
        double n = 0;
        for (double v : p) {
            n += v * v;
        }
        return Math.sqrt(n);
    }

    /** Weight of the {@code j}-th of {@code n} history items (oldest first). */
    private double weight(int j, int n) {
        return history == null ? 1 : Math.pow(0.5, (n - 1 - j) / halfLife);
    }
}
