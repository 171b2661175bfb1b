package dev.augur.core.rank.models;

import dev.augur.core.task.BlockRunner;
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
 * Item-based nearest neighbours (RecBole's ItemKNN): cosine similarity of items' user sets with shrinkage,
 * {@code sim(i,j) = |users(i) ∩ users(j)| / (sqrt|users(i)| · sqrt|users(j)| + shrink)}, of which each item keeps
 * its {@code k} most similar items as neighbours. A user's score for item {@code i} is the sum of {@code sim(i,j)}
 * over the user's training items {@code j} that are among {@code i}'s neighbours (RecBole's convention: the
 * neighbour lists belong to the item being scored). Interactions count as 1 whatever their value.
 */
public final class ItemKnn implements Recommender {

    /** {@code k} neighbours kept per item; {@code shrink} damps similarities resting on few common users. */
    public record Params(int k, double shrink) {
        public static final Params DEFAULTS = new Params(100, 10);

        public Params {
            if (k < 1) {
                throw new IllegalArgumentException("ItemKNN needs k ≥ 1 neighbours, not " + k);
            }
            if (!(shrink >= 0)) {
                throw new IllegalArgumentException("ItemKNN shrink must be ≥ 0, not " + shrink);
            }
        }
    }

    private static final int BLOCK = 32;

    private final Params params;
    private Csr train;
    /** Row i: i's neighbours j (ascending) with sim(i,j). */
    private Csr neighbours;
    /** Row j: the items i that count j among their neighbours, with sim(i,j); scoring scatters along it. */
    private Csr neighbourOf;

    public ItemKnn() {
        this(Params.DEFAULTS);
    }

    public ItemKnn(Params params) {
        this.params = params;
    }

    public Params parameters() {
        return params;
    }

    @Override public String name() {
        return "itemknn";
    }

    @Override public Map<String, Object> params() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k", params.k());
        m.put("shrink", params.shrink());
        return m;
    }

    @Override public void fit(TrainingData data, TaskMonitor monitor) {
        Csr byUser = data.train();
        Csr byItem = data.trainByItem();
        int items = data.numItems();
        int k = params.k();
        float shrink = (float) params.shrink();
        float[] norm = new float[items];
        for (int i = 0; i < items; i++) {
            norm[i] = (float) Math.sqrt(byItem.rowLength(i));
        }
        int workers = BlockRunner.workers(items, BLOCK, data.threads());
        float[][] acc = new float[workers][items];
        int[][] touched = new int[workers][items];
        TopK[] tops = new TopK[workers];
        for (int w = 0; w < workers; w++) {
            tops[w] = new TopK(k);
        }
        int[][] nbrItems = new int[items][];
        float[][] nbrSims = new float[items][];
        int[] uPtr = byUser.indptr();
        int[] uIdx = byUser.indices();
        int[] iPtr = byItem.indptr();
        int[] iIdx = byItem.indices();
        monitor.message("Item similarities");
        BlockRunner.run(items, BLOCK, data.threads(), monitor, 0, items, (from, to, worker) -> {
            float[] a = acc[worker];
            int[] t = touched[worker];
            TopK top = tops[worker];
            for (int i = from; i < to; i++) {
                int n = 0;
                for (int p = iPtr[i]; p < iPtr[i + 1]; p++) {
                    int u = iIdx[p];
                    for (int q = uPtr[u]; q < uPtr[u + 1]; q++) {
                        int j = uIdx[q];
                        if (a[j] == 0) {
                            t[n++] = j;
                        }
                        a[j] += 1;
                    }
                }
                top.clear();
                float ni = norm[i];
                for (int s = 0; s < n; s++) {
                    int j = t[s];
                    if (j != i) {
                        top.offer(j, a[j] / (ni * norm[j] + shrink));
                    }
                    a[j] = 0;
                }
                top.sortByItem();
                nbrItems[i] = top.items();
                nbrSims[i] = top.sims();
            }
        });
        int[] ptr = new int[items + 1];
        for (int i = 0; i < items; i++) {
            ptr[i + 1] = ptr[i] + nbrItems[i].length;
        }
        int[] idx = new int[ptr[items]];
        float[] val = new float[ptr[items]];
        for (int i = 0; i < items; i++) {
            System.arraycopy(nbrItems[i], 0, idx, ptr[i], nbrItems[i].length);
            System.arraycopy(nbrSims[i], 0, val, ptr[i], nbrSims[i].length);
        }
        this.train = byUser;
        this.neighbours = new Csr(items, items, ptr, idx, val);
        this.neighbourOf = neighbours.transpose();
    }

    /** {@code sim(i,j)} when {@code j} is among {@code i}'s neighbours, else 0. */
    public float similarity(int i, int j) {
        int at = Arrays.binarySearch(neighbours.indices(), neighbours.indptr()[i], neighbours.indptr()[i + 1], j);
        return at < 0 ? 0 : neighbours.values()[at];
    }

    @Override public void score(int user, float[] scores) {
        Arrays.fill(scores, 0);
        int[] ptr = neighbourOf.indptr();
        int[] idx = neighbourOf.indices();
        float[] val = neighbourOf.values();
        for (int q = train.indptr()[user]; q < train.indptr()[user + 1]; q++) {
            int j = train.indices()[q];
            for (int p = ptr[j]; p < ptr[j + 1]; p++) {
                scores[idx[p]] += val[p];
            }
        }
    }

    @Override public List<Reason> explain(int user, int item, int max) {
        List<Reason> out = new ArrayList<>();
        for (int q = train.indptr()[user]; q < train.indptr()[user + 1]; q++) {
            int j = train.indices()[q];
            float s = similarity(item, j);
            if (s > 0) {
                out.add(Reason.item(j, s));
            }
        }
        out.sort(Comparator.comparingDouble(Reason::contribution).reversed());
        return out.subList(0, Math.min(max, out.size()));
    }

    /** The k largest (sim, item) pairs seen, as a min-heap on sim (ties: the smaller item index wins). */
    private static final class TopK {
        private final int k;
        private final int[] item;
        private final float[] sim;
        private int size;

        TopK(int k) {
            this.k = k;
            this.item = new int[k];
            this.sim = new float[k];
        }

        void clear() {
            size = 0;
        }

        /** Whether (s, a) ranks below (t, b). */
        private static boolean below(float s, int a, float t, int b) {
            return s < t || (s == t && a > b);
        }

        void offer(int j, float s) {
            if (size < k) {
                int c = size++;
                while (c > 0) {
                    int parent = (c - 1) >>> 1;
                    if (!below(s, j, sim[parent], item[parent])) {
                        break;
                    }
                    item[c] = item[parent];
                    sim[c] = sim[parent];
                    c = parent;
                }
                item[c] = j;
                sim[c] = s;
            } else if (below(sim[0], item[0], s, j)) {
                int c = 0;
                while (true) {
                    int l = 2 * c + 1;
                    if (l >= size) {
                        break;
                    }
                    int m = l + 1 < size && below(sim[l + 1], item[l + 1], sim[l], item[l]) ? l + 1 : l;
                    if (!below(sim[m], item[m], s, j)) {
                        break;
                    }
                    item[c] = item[m];
                    sim[c] = sim[m];
                    c = m;
                }
                item[c] = j;
                sim[c] = s;
            }
        }

        /** Reorders the kept pairs by ascending item (the heap is spent; {@link #clear} before reuse). */
        void sortByItem() {
            long[] pairs = new long[size];
            float[] sims = Arrays.copyOf(sim, size);
            for (int c = 0; c < size; c++) {
                pairs[c] = ((long) item[c] << 32) | c;
            }
            Arrays.sort(pairs);
            for (int c = 0; c < size; c++) {
                item[c] = (int) (pairs[c] >>> 32);
                sim[c] = sims[(int) pairs[c]];
            }
        }

        int[] items() {
            return Arrays.copyOf(item, size);
        }

        float[] sims() {
            return Arrays.copyOf(sim, size);
        }
    }
}
