package dev.augur.core.encode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

import java.util.Set;

/** Feeds a {@link TokenBatch} to the graph by input name and pools + L2-normalises its token vectors. */
final class PoolingTranslator implements Translator<TokenBatch, float[][]> {
    private final Pooling pooling;
    private volatile boolean wantsTypeIds;

    PoolingTranslator(Pooling pooling) {
        this.pooling = pooling;
    }

    /** Called once when the model is loaded: the bundled exports differ on whether they take token_type_ids. */
    @Override
    public void prepare(TranslatorContext ctx) {
        Set<String> inputs = new java.util.HashSet<>();
        ctx.getModel().describeInput().keys().forEach(inputs::add);
        wantsTypeIds = inputs.contains("token_type_ids");
    }

    @Override
    public NDList processInput(TranslatorContext ctx, TokenBatch b) {
        NDManager m = ctx.getNDManager();
        Shape shape = new Shape(b.rows(), b.length());
        NDArray ids = m.create(b.ids(), shape);
        ids.setName("input_ids");
        NDArray mask = m.create(b.mask(), shape);
        mask.setName("attention_mask");
        ctx.setAttachment("batch", b);
        if (!wantsTypeIds) {
            return new NDList(ids, mask);
        }
        NDArray types = m.create(b.types(), shape);
        types.setName("token_type_ids");
        return new NDList(ids, mask, types);
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
        TokenBatch b = (TokenBatch) ctx.getAttachment("batch");
        float[] h = list.get(0).toFloatArray(); // last_hidden_state [rows, length, dims]
        int dims = h.length / (b.rows() * b.length());
        float[][] out = new float[b.rows()][];
        for (int r = 0; r < b.rows(); r++) {
            out[r] = pool(h, b, r, dims);
        }
        return out;
    }

    private float[] pool(float[] h, TokenBatch b, int r, int dims) {
        float[] v = new float[dims];
        int rowBase = r * b.length() * dims;
        if (pooling == Pooling.CLS) {
            System.arraycopy(h, rowBase, v, 0, dims);
        } else {
            int n = 0;
            for (int t = 0; t < b.length(); t++) {
                if (b.mask()[r * b.length() + t] == 0) {
                    continue;
                }
                n++;
                int base = rowBase + t * dims;
                for (int d = 0; d < dims; d++) {
                    v[d] += h[base + d];
                }
            }
            float inv = n == 0 ? 0 : 1f / n;
            for (int d = 0; d < dims; d++) {
                v[d] *= inv;
            }
        }
        normalise(v);
        return v;
    }

    static void normalise(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        if (s > 0) {
            float inv = (float) (1 / Math.sqrt(s));
            for (int d = 0; d < v.length; d++) {
                v[d] *= inv;
            }
        }
    }

    @Override
    public Batchifier getBatchifier() {
        return null; // batches are formed (and padded) by the tokenizer
    }
}
