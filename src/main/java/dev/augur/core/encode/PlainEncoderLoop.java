package dev.augur.core.encode;

import ai.djl.Device;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark peer for {@link SentenceEncoder}: what a careful developer writes first with DJL and ONNX Runtime —
 * one predictor, batches of 32 in the order given, ONNX Runtime's default threading (all cores per call), the
 * tokenizer already set to pad to the longest text of a batch (not the jars' fixed 128) and the same pooling.
 * What it lacks is Augur's length sorting and one-predictor-per-core layout.
 */
public final class PlainEncoderLoop implements AutoCloseable {
    private final ZooModel<TokenBatch, float[][]> model;
    private final Predictor<TokenBatch, float[][]> predictor;
    private final HuggingFaceTokenizer tokenizer;

    public PlainEncoderLoop(EncoderModel m) {
        try {
            model = Criteria.builder().setTypes(TokenBatch.class, float[][].class)
                    .optModelPath(ModelFiles.onnx(m)).optEngine("OnnxRuntime").optDevice(Device.cpu())
                    .optTranslator(new PoolingTranslator(m.pooling())).build().loadModel();
            predictor = model.newPredictor();
            tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(ModelFiles.tokenizer(m))
                    .optPadding(true).optTruncation(true).optMaxLength(m.maxTokens()).build();
        } catch (Exception e) {
            throw new EncoderException("cannot load the plain DJL loop for " + m.id() + ": " + e.getMessage(), e);
        }
    }

    public float[][] encode(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int from = 0; from < texts.size(); from += 32) {
            List<String> batch = new ArrayList<>(texts.subList(from, Math.min(texts.size(), from + 32)));
            var enc = tokenizer.batchEncode(batch);
            int len = enc[0].getIds().length;
            long[] ids = new long[batch.size() * len];
            long[] mask = new long[ids.length];
            long[] types = new long[ids.length];
            for (int r = 0; r < enc.length; r++) {
                System.arraycopy(enc[r].getIds(), 0, ids, r * len, len);
                System.arraycopy(enc[r].getAttentionMask(), 0, mask, r * len, len);
                System.arraycopy(enc[r].getTypeIds(), 0, types, r * len, len);
            }
            try {
                float[][] vs = predictor.predict(new TokenBatch(enc.length, len, ids, mask, types));
                System.arraycopy(vs, 0, out, from, vs.length);
            } catch (TranslateException e) {
                throw new EncoderException("plain DJL loop failed: " + e.getMessage(), e);
            }
        }
        return out;
    }

    @Override
    public void close() {
        predictor.close();
        tokenizer.close();
        model.close();
    }
}
