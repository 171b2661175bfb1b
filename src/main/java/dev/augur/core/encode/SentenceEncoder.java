package dev.augur.core.encode;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * A bundled sentence encoder on DJL + ONNX Runtime. Texts are sorted by length and cut into batches padded only
 * to their longest text (the weight jars' tokenizer files would pad everything to 128 tokens); batches run on
 * {@code workers} threads, each with its own predictor and tokenizer (a DJL predictor is not thread-safe) over one
 * shared ONNX Runtime session. Thread-safe: concurrent {@link #encode} calls share the workers.
 */
public final class SentenceEncoder implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SentenceEncoder.class.getName());

    /** Held so the level sticks (JUL keeps loggers weakly). */
    private static final java.util.logging.Logger DJL_LOG = java.util.logging.Logger.getLogger("ai.djl");

    static {
        // Never let DJL look for anything online: every model file comes from the class path.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        // DJL warns about CUDA on every CPU-only machine; Devices reports the real device choice and its reason.
        if (!Boolean.getBoolean("augur.debug")) {
            DJL_LOG.setLevel(java.util.logging.Level.SEVERE);
        }
    }

    private final EncoderModel model;
    private final DeviceSelection device;
    private final int batchSize;
    private final ZooModel<TokenBatch, float[][]> zoo;
    private final BlockingQueue<Worker> idle;
    private final List<Worker> workers = new ArrayList<>();
    private final ExecutorService pool;

    private record Worker(Predictor<TokenBatch, float[][]> predictor, HuggingFaceTokenizer tokenizer) {
    }

    private SentenceEncoder(EncoderModel model, DeviceSelection device, int workers, int batchSize,
                            ZooModel<TokenBatch, float[][]> zoo, Path tokenizerFile) throws IOException {
        this.model = model;
        this.device = device;
        this.batchSize = batchSize;
        this.zoo = zoo;
        this.idle = new ArrayBlockingQueue<>(workers);
        for (int i = 0; i < workers; i++) {
            Worker w = new Worker(zoo.newPredictor(), HuggingFaceTokenizer.builder()
                    .optTokenizerPath(tokenizerFile)
                    .optPadding(true) // to the longest text of each batch
                    .optTruncation(true)
                    .optMaxLength(model.maxTokens())
                    .build());
            this.workers.add(w);
            idle.add(w);
        }
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "encoder-" + model.id() + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Loads {@code model} on the device {@code choice} resolves to, with one worker per core on CPU. */
    public static SentenceEncoder open(EncoderModel model, DeviceChoice choice) {
        DeviceSelection device = Devices.select(choice);
        int cores = Runtime.getRuntime().availableProcessors();
        return device.gpu() ? open(model, device, 1, 256, 0) : open(model, device, cores, 32, 1);
    }

    /**
     * @param workers    threads, each with its own predictor
     * @param batchSize  texts per ONNX call
     * @param intraOp    ONNX Runtime threads per call (0: its default, all cores)
     */
    public static SentenceEncoder open(EncoderModel model, DeviceSelection device, int workers, int batchSize, int intraOp) {
        Path onnx = ModelFiles.onnx(model);
        Path tokenizer = ModelFiles.tokenizer(model);
        try {
            Criteria.Builder<TokenBatch, float[][]> criteria = Criteria.builder()
                    .setTypes(TokenBatch.class, float[][].class)
                    .optModelPath(onnx)
                    .optEngine("OnnxRuntime")
                    .optDevice(device.gpu() ? Device.gpu(device.gpuId()) : Device.cpu())
                    .optOption("interOpNumThreads", "1")
                    .optTranslator(new PoolingTranslator(model.pooling()));
            if (intraOp > 0) {
                criteria.optOption("intraOpNumThreads", Integer.toString(intraOp));
            }
            ZooModel<TokenBatch, float[][]> zoo = criteria.build().loadModel();
            LOG.log(System.Logger.Level.INFO, "encoder {0} on {1} ({2}), {3} workers × batch {4}", model.id(),
                    device.device(), device.reason(), workers, batchSize);
            return new SentenceEncoder(model, device, workers, batchSize, zoo, tokenizer);
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new EncoderException("cannot load encoder '" + model.id() + "' from " + onnx + ": " + e.getMessage(), e);
        }
    }

    public EncoderModel model() {
        return model;
    }

    public DeviceSelection device() {
        return device;
    }

    public int dims() {
        return model.dims();
    }

    public int workers() {
        return workers.size();
    }

    /** Encodes {@code texts}; {@code progress} receives the number of texts finished so far. */
    public EncodedTexts encode(List<String> texts, IntConsumer progress, BooleanSupplier cancelled) {
        int n = texts.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // Length in chars is a good proxy for tokens; sorting keeps each batch's padding small.
        Arrays.sort(order, Comparator.comparingInt(i -> texts.get(i).length()));
        float[][] out = new float[n][];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger truncated = new AtomicInteger();
        AtomicLong tokens = new AtomicLong();
        AtomicLong padded = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        for (int from = 0; from < n; from += batchSize) {
            int start = from;
            int end = Math.min(n, from + batchSize);
            futures.add(pool.submit(() -> {
                if (cancelled.getAsBoolean()) {
                    return null;
                }
                List<String> batch = new ArrayList<>(end - start);
                for (int k = start; k < end; k++) {
                    batch.add(texts.get(order[k]));
                }
                Worker w = idle.take();
                try {
                    TokenBatch tb = tokenize(w.tokenizer(), batch, truncated, tokens);
                    padded.addAndGet((long) tb.rows() * tb.length());
                    float[][] vs = w.predictor().predict(tb);
                    for (int k = start; k < end; k++) {
                        out[order[k]] = vs[k - start];
                    }
                } finally {
                    idle.add(w);
                }
                progress.accept(done.addAndGet(end - start));
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new EncoderException("encoding interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            Throwable c = e.getCause();
            if (c instanceof TranslateException) {
                throw new EncoderException("encoder '" + model.id() + "' failed: " + c.getMessage(), c);
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new EncoderException("encoder '" + model.id() + "' failed: " + c, c);
        }
        return new EncodedTexts(out, truncated.get(), tokens.get(), padded.get());
    }

    /** Convenience for one text (similarity queries, tests). */
    public float[] encode(String text) {
        return encode(List.of(text), d -> { }, () -> false).vectors()[0];
    }

    private static TokenBatch tokenize(HuggingFaceTokenizer tokenizer, List<String> batch, AtomicInteger truncated,
                                       AtomicLong tokens) {
        Encoding[] enc = tokenizer.batchEncode(batch);
        int rows = enc.length;
        int len = 0;
        for (Encoding e : enc) {
            len = Math.max(len, e.getIds().length);
        }
        long[] ids = new long[rows * len];
        long[] mask = new long[rows * len];
        long[] types = new long[rows * len];
        for (int r = 0; r < rows; r++) {
            Encoding e = enc[r];
            long[] eIds = e.getIds();
            long[] eMask = e.getAttentionMask();
            System.arraycopy(eIds, 0, ids, r * len, eIds.length);
            System.arraycopy(eMask, 0, mask, r * len, eMask.length);
            System.arraycopy(e.getTypeIds(), 0, types, r * len, eIds.length);
            long real = 0;
            for (long m : eMask) {
                real += m;
            }
            tokens.addAndGet(real);
            if (e.exceedMaxLength()) {
                truncated.incrementAndGet();
            }
        }
        return new TokenBatch(rows, len, ids, mask, types);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        for (Worker w : workers) {
            w.predictor().close();
            w.tokenizer().close();
        }
        zoo.close();
    }
}
