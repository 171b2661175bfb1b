package dev.augur.core.rank.models;

import dev.augur.core.rank.Csr;
import dev.augur.core.rank.ModelParams;
import dev.augur.core.rank.Reason;
import dev.augur.core.rank.Recommender;
import dev.augur.core.rank.TrainingData;
import dev.augur.core.task.TaskMonitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collaborative filtering and item text in one model. Three steps:
 * <ol>
 * <li>BPR ({@link WarmItemBpr}), run as {@link Bpr} runs it (users drawn uniformly, Hogwild over the threads given,
 * step size falling linearly), learns a user vector {@code p_u} and an id vector {@code q_i} per item, each with a
 * bias term (users carry a constant 1 there). Negatives are drawn from items with training interactions only: an
 * item nobody touched says nothing about a user's taste, and pushing it down would teach the text map that its text
 * is bad.</li>
 * <li>A text map {@code W} (ridge regression, closed form) predicts an item's id vector from its unit text vector,
 * fitted on the items with interactions, each weighted by how well its id vector is known ({@code n/(n+c)}). This
 * aligns text with the collaborative space (the regression form of the alignment in CTRL or DeepMusic).</li>
 * <li>An item is {@code v_i = a_i·q_i + (1−a_i)·γ·W·t_i} with {@code a_i = n_i/(n_i+c)}, {@code n_i} its training
 * interactions and {@code c} the shrinkage: popular items rank by their own interactions, items with few lean on
 * their text, and cold items ({@code n_i = 0}) are ranked by text alone. {@code γ} rescales the text predictions to
 * the typical length of an id vector (regression shrinks them towards the mean, and cold items would then never
 * reach a top-K). {@code score = p_u·v_i}.</li>
 * </ol>
 * Training jointly ({@code q_i + W·t_i} inside BPR, with id dropout) was tried first: on MovieLens (MiniLM vectors
 * of title and genres) it lost 10–30% of BPR's recall on warm items and ranked cold items worse than this form, which
 * stays within a few percent of BPR on warm items (text-ranked items now compete for the top-K) and ranks cold items
 * better than the content model. An item that is cold and has no text cannot be placed and scores
 * {@link Float#NEGATIVE_INFINITY}. With one thread a fit is deterministic for a seed.
 */
public final class FusedModel implements Recommender {

    /**
     * @param factors        latent dimensions
     * @param epochs         BPR epochs (as many steps as training interactions each); 0 = automatic by
     *                       {@link Bpr}'s rule, so the id part trains as long as plain BPR would
     * @param learningRate   BPR's first SGD step, falling linearly to a tenth over the epochs
     * @param regularization BPR's L2 weight on user and item vectors
     * @param ridge          L2 weight of the text map's regression
     * @param shrinkage      interactions {@code c} at which an item's id vector and its text count equally
     */
    public record Params(int factors, int epochs, double learningRate, double regularization, double ridge,
                         double shrinkage) {
        public static final Params DEFAULTS = new Params(64, 0, 0.05, 0.01, 1.0, 5);

        public Params {
            if (factors < 1) {
                throw new IllegalArgumentException("fused needs at least 1 factor, not " + factors);
            }
            if (epochs < 0) {
                throw new IllegalArgumentException("fused epochs must be ≥ 1, or 0 for automatic, not " + epochs);
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("fused learning rate must be > 0, not " + learningRate);
            }
            if (!(regularization >= 0) || Double.isInfinite(regularization)) {
                throw new IllegalArgumentException("fused regularization must be ≥ 0, not " + regularization);
            }
            if (!(ridge > 0) || Double.isInfinite(ridge)) {
                throw new IllegalArgumentException("fused ridge must be > 0, not " + ridge);
            }
            if (!(shrinkage >= 0) || Double.isInfinite(shrinkage)) {
                throw new IllegalArgumentException("fused shrinkage must be ≥ 0, not " + shrinkage);
            }
        }

        public Params withEpochs(int n) {
            return new Params(factors, n, learningRate, regularization, ridge, shrinkage);
        }

        /** The epochs a fit on {@code interactions} training interactions runs. */
        public int epochsFor(long interactions) {
            return Bpr.Params.DEFAULTS.withEpochs(epochs).epochsFor(interactions);
        }

        /** The defaults with {@code fused.NAME=value} overrides ({@code factors}, {@code epochs}, {@code lr},
         * {@code reg}, {@code ridge}, {@code shrinkage}); an unknown name is an error. */
        public static Params of(Map<String, String> overrides) {
            List<String> known = List.of("factors", "epochs", "lr", "reg", "ridge", "shrinkage");
            ModelParams.rejectUnknown("fused", overrides, known);
            Params d = DEFAULTS;
            return new Params(ModelParams.intParam("fused", overrides, "factors", d.factors()),
                    ModelParams.intParam("fused", overrides, "epochs", d.epochs()),
                    ModelParams.doubleParam("fused", overrides, "lr", d.learningRate()),
                    ModelParams.doubleParam("fused", overrides, "reg", d.regularization()),
                    ModelParams.doubleParam("fused", overrides, "ridge", d.ridge()),
                    ModelParams.doubleParam("fused", overrides, "shrinkage", d.shrinkage()));
        }
    }

    private final Params params;
    private int sgdThreads = 1;
    private int epochsRun;
    private int k;            // factors + 1 (bias)
    private int textDims;
    private Csr train;
    private float[] users;    // U × k, last component 1
    private float[] idPart;   // I × k, a_i·q_i
    private float[] textPart; // I × k, (1−a_i)·γ·W·t_i (bias component not rescaled)
    private float[] items;    // idPart + textPart
    private boolean[] placeable;

    public FusedModel() {
        this(Params.DEFAULTS);
    }

    public FusedModel(Params params) {
        this.params = params;
    }

    public Params parameters() {
        return params;
    }

    @Override public String name() {
        return "fused";
    }

    @Override public Map<String, Object> params() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("factors", params.factors());
        m.put("epochs", epochsRun > 0 ? epochsRun : params.epochs() > 0 ? params.epochs() : "auto");
        m.put("learning_rate", params.learningRate());
        m.put("threads", sgdThreads);
        m.put("regularization", params.regularization());
        m.put("ridge", params.ridge());
        m.put("shrinkage", params.shrinkage());
        if (textDims > 0) {
            m.put("text_dims", textDims);
        }
        return m;
    }

    /**
     * How many threads the SGD may use. One (the default) makes a fit reproducible: the same seed gives the same
     * model, so two runs under one protocol give the same numbers. More run lock-free (Hogwild), faster but with
     * run-to-run differences in the last digits.
     */
    public FusedModel sgdThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, not " + n);
        }
        this.sgdThreads = n;
        return this;
    }

    @Override public void fit(TrainingData data, TaskMonitor monitor) {
        int sgd = Math.min(sgdThreads, data.threads());
        TextVectors text = TextVectors.of(data.side(), name());
        if (data.side().numItems() != data.numItems()) {
            throw new IllegalArgumentException("side information covers " + data.side().numItems()
                    + " items, the training data " + data.numItems());
        }
        int nnz = data.train().nnz();
        if (nnz == 0) {
            throw new IllegalArgumentException("the fused model needs training interactions; the split has none");
        }
        TrainingData sgdData = new TrainingData(data.train(), data.trainByItem(), data.side(), data.seed(), sgd,
                data.history());
        WarmItemBpr bpr = new WarmItemBpr(sgdData, params.factors() + 1);
        int epochs = params.epochsFor(nnz);
        long total = (long) (epochs + 1) * nnz; // the text map counts as one more epoch
        float reg = (float) params.regularization();
        BprEpochs.run("fused: ", params.learningRate(), epochs, nnz, sgd, total, monitor,
                (n, lr, worker) -> bpr.steps(n, lr, reg, worker));
        monitor.checkCancelled();
        monitor.message("fused: mapping item texts into the id space");
        assemble(data, text, bpr, monitor);
        this.epochsRun = epochs;
        monitor.progress(total, total);
    }

    /** Fits the text map and blends id and text vectors into the item vectors. */
    private void assemble(TrainingData data, TextVectors text, WarmItemBpr bpr, TaskMonitor monitor) {
        int kk = bpr.k;
        int n = data.numItems();
        int d = text.dims();
        float[] unit = text.unit();
        boolean[] has = text.has();
        int[] counts = data.train().columnCounts();
        float[] known = new float[n]; // a_i: how far an item's own interactions are trusted
        for (int i = 0; i < n; i++) {
            known[i] = counts[i] == 0 ? 0 : (float) (counts[i] / (counts[i] + params.shrinkage()));
        }
        double[][] w = TextMap.fit(text, bpr.q, kk, known, params.ridge(), data.threads(), monitor);
        float[] mapped = new float[n * kk]; // W·t_i
        for (int i = 0; i < n; i++) {
            if (has[i]) {
                for (int f = 0; f < kk; f++) {
                    double s = 0;
                    for (int c = 0; c < d; c++) {
                        s += w[f][c] * unit[i * d + c];
                    }
                    mapped[i * kk + f] = (float) s;
                }
            }
        }
        double gamma = lengthRatio(bpr.q, mapped, kk, counts, has);
        float[] ids = new float[n * kk];
        float[] txt = new float[n * kk];
        float[] v = new float[n * kk];
        boolean[] place = new boolean[n];
        for (int i = 0; i < n; i++) {
            place[i] = counts[i] > 0 || has[i];
            float share = has[i] ? known[i] : (counts[i] > 0 ? 1 : 0);
            for (int f = 0; f < kk; f++) {
                int at = i * kk + f;
                double m = f < kk - 1 ? gamma * mapped[at] : mapped[at];
                ids[at] = share * bpr.q[at];
                txt[at] = (float) ((1 - share) * m);
                v[at] = ids[at] + txt[at];
            }
        }
        this.k = kk;
        this.textDims = d;
        this.train = data.train();
        this.users = bpr.p;
        this.idPart = ids;
        this.textPart = txt;
        this.items = v;
        this.placeable = place;
    }

    /** Mean length of the id vectors over mean length of their text predictions (bias left out), warm items. */
    private static double lengthRatio(float[] q, float[] mapped, int kk, int[] counts, boolean[] has) {
        double qn = 0;
        double mn = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0 || !has[i]) {
                continue;
            }
            double a = 0;
            double b = 0;
            for (int f = 0; f < kk - 1; f++) {
                a += (double) q[i * kk + f] * q[i * kk + f];
                b += (double) mapped[i * kk + f] * mapped[i * kk + f];
            }
            qn += Math.sqrt(a);
            mn += Math.sqrt(b);
        }
        return mn > 0 ? qn / mn : 1;
    }

    @Override public void score(int user, float[] scores) {
        int o = user * k;
        for (int i = 0; i < scores.length; i++) {
            if (!placeable[i]) {
                scores[i] = Float.NEGATIVE_INFINITY;
                continue;
            }
            int io = i * k;
            float s = 0;
            for (int f = 0; f < k; f++) {
                s += users[o + f] * items[io + f];
            }
            scores[i] = s;
        }
    }

    /**
     * The score split into its id part (collaborative, bias included) and its text part, which add up to the score,
     * larger first; then the history items whose vectors are nearest the item's (cosine), nearest first.
     */
    @Override public List<Reason> explain(int user, int item, int max) {
        if (!placeable[item] || max <= 0) {
            return List.of();
        }
        int o = user * k;
        int io = item * k;
        double id = 0;
        double tx = 0;
        for (int f = 0; f < k; f++) {
            id += users[o + f] * idPart[io + f];
            tx += users[o + f] * textPart[io + f];
        }
        List<Reason> out = new ArrayList<>();
        out.add(Reason.feature("collaborative (id vector)", id));
        out.add(Reason.feature("text (mapped item text)", tx));
        out.sort(Comparator.comparingDouble((Reason r) -> Math.abs(r.contribution())).reversed());
        List<Reason> near = new ArrayList<>();
        for (int e = train.indptr()[user]; e < train.indptr()[user + 1]; e++) {
            int h = train.indices()[e];
            if (h != item && placeable[h]) {
                near.add(Reason.item(h, cosine(h, item)));
            }
        }
        near.sort(Comparator.comparingDouble(Reason::contribution).reversed());
        out.addAll(near);
        return List.copyOf(out.subList(0, Math.min(max, out.size())));
    }

    /** Cosine of two items' vectors, bias left out. */
    private double cosine(int a, int b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int f = 0; f < k - 1; f++) {
            float x = items[a * k + f];
            float y = items[b * k + f];
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
