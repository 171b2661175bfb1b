package dev.augur.core.encode;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.ReviewText;
import dev.augur.core.store.StoredVector;
import dev.augur.core.store.VectorMatrix;
import dev.augur.core.store.VectorStore;
import dev.augur.core.store.Workspace;
import dev.augur.core.store.WorkspaceReader;
import dev.augur.core.task.TaskCancelledException;
import dev.augur.core.task.TaskMonitor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Encodes a dataset's texts into the workspace's vector store. Vectors are keyed by (entity, field, encoder) and
 * carry the hash of the text they came from, so a re-run encodes only new or changed text; every chunk of
 * {@value #CHUNK} texts is committed as it finishes, so a crashed or cancelled run resumes where it stopped.
 * Encoders stay loaded between runs (loading one costs about a second) until {@link #close}.
 */
public final class EncodeService implements AutoCloseable {
    static final int CHUNK = 4096;
    private static final int PAGE = 2048;
    public static final String REVIEW_FIELD = "summary+text";

    private final Map<String, SentenceEncoder> loaded = new HashMap<>();
    private final int chunk;

    public EncodeService() {
        this(CHUNK);
    }

    /** @param chunk texts encoded and committed together (tests use small ones to exercise resume) */
    EncodeService(int chunk) {
        this.chunk = chunk;
    }

    /** The encoder for (model, device), loaded on first use. */
    public synchronized SentenceEncoder encoder(String modelId, DeviceChoice device) {
        EncoderModel model = ModelRegistry.byId(modelId);
        return loaded.computeIfAbsent(model.id() + "@" + device.id(), k -> SentenceEncoder.open(model, device));
    }

    public EncodeReport run(Workspace ws, EncodeRequest request, TaskMonitor monitor) {
        long start = System.nanoTime();
        DatasetInfo dataset = dataset(ws.read(), request);
        EncoderModel model = ModelRegistry.byId(request.model());
        if (request.target() == EncodeTarget.ITEM_PROFILES || request.target() == EncodeTarget.USER_PROFILES) {
            throw new EncoderException("dataset '" + dataset.name() + "' has no generated "
                    + (request.target() == EncodeTarget.ITEM_PROFILES ? "item" : "user")
                    + " profiles yet; generate them first (Profiles view, or the augment command), then encode them");
        }
        monitor.message("Loading encoder " + model.id());
        SentenceEncoder encoder = encoder(model.id(), request.device());
        Run run = new Run(ws, dataset, encoder, monitor, chunk);
        String field;
        long pooled = 0;
        if (request.target() == EncodeTarget.ITEMS) {
            ItemTextTemplate template = new ItemTextTemplate(request.template().orElse(ItemTextTemplate.DEFAULT));
            field = template.template();
            run.items(template);
        } else {
            field = REVIEW_FIELD;
            run.reviews();
            monitor.message("Pooling review vectors per item and per user");
            pooled = run.poolReviews();
        }
        return new EncodeReport(dataset.name(), request.target().id(), request.target().kind(), field, model.id(),
                encoder.device().device(), encoder.device().reason(), run.total, run.encoded, run.skipped, run.empty,
                run.truncated, pooled, run.tokens, (System.nanoTime() - start) / 1e9, run.encodeNanos / 1e9);
    }

    private static DatasetInfo dataset(WorkspaceReader reader, EncodeRequest request) {
        List<DatasetInfo> all = reader.datasets();
        if (all.isEmpty()) {
            throw new EncoderException("the workspace has no dataset yet; import one first");
        }
        if (request.dataset().isEmpty()) {
            return all.get(0);
        }
        return all.stream().filter(d -> d.name().equals(request.dataset().get())).findFirst()
                .orElseThrow(() -> new EncoderException("no dataset '" + request.dataset().get() + "' in the workspace; it has "
                        + all.stream().map(DatasetInfo::name).toList()));
    }

    /** SHA-256 of the text, first 16 bytes: the vector's provenance and its change detector. */
    static byte[] hash(String text) {
        try {
            byte[] full = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(full, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One run's state: pending texts, counters. */
    private static final class Run {
        private final Workspace ws;
        private final DatasetInfo dataset;
        private final SentenceEncoder encoder;
        private final TaskMonitor monitor;
        private final VectorStore store;
        private final List<Long> pendingIds = new ArrayList<>();
        private final List<byte[]> pendingHashes = new ArrayList<>();
        private final List<String> pendingTexts = new ArrayList<>();
        long total;
        long encoded;
        long skipped;
        long empty;
        long truncated;
        long tokens;
        long encodeNanos;
        private String kind;
        private String field;

        private final int chunk;

        Run(Workspace ws, DatasetInfo dataset, SentenceEncoder encoder, TaskMonitor monitor, int chunk) {
            this.chunk = chunk;
            this.ws = ws;
            this.dataset = dataset;
            this.encoder = encoder;
            this.monitor = monitor;
            this.store = ws.vectors();
        }

        void items(ItemTextTemplate template) {
            kind = EncodeTarget.ITEMS.kind();
            field = template.template();
            WorkspaceReader reader = ws.read();
            total = reader.itemCount(dataset.id());
            Map<Long, byte[]> have = store.textHashes(dataset.id(), kind, field, encoder.model().id());
            monitor.message("Encoding item texts of " + dataset.name() + " with " + encoder.model().id() + " on "
                    + encoder.device().device());
            forEachPage(after -> reader.itemsAfter(dataset.id(), after, PAGE), ItemRecord::id,
                    item -> offer(item.id(), template.render(item), have));
            flush();
        }

        void reviews() {
            kind = EncodeTarget.REVIEWS.kind();
            field = REVIEW_FIELD;
            WorkspaceReader reader = ws.read();
            total = reader.reviewCount(dataset.id());
            if (total == 0) {
                throw new EncoderException("dataset '" + dataset.name() + "' has no reviews to encode");
            }
            Map<Long, byte[]> have = store.textHashes(dataset.id(), kind, field, encoder.model().id());
            monitor.message("Encoding reviews of " + dataset.name() + " with " + encoder.model().id() + " on "
                    + encoder.device().device());
            forEachPage(after -> reader.reviewsAfter(dataset.id(), after, PAGE), ReviewText::id,
                    r -> offer(r.id(), reviewText(r), have));
            flush();
        }

        /** Walks a table in pages of ids after the last one seen, checking for cancel between pages. */
        private <T> void forEachPage(java.util.function.LongFunction<List<T>> page, java.util.function.ToLongFunction<T> idOf,
                                     java.util.function.Consumer<T> each) {
            long after = 0;
            while (true) {
                monitor.checkCancelled();
                List<T> rows = page.apply(after);
                if (rows.isEmpty()) {
                    return;
                }
                rows.forEach(each);
                after = idOf.applyAsLong(rows.get(rows.size() - 1));
            }
        }

        static String reviewText(ReviewText r) {
            String summary = r.summary() == null ? "" : r.summary().strip();
            String text = r.text() == null ? "" : r.text().strip();
            if (summary.isEmpty()) {
                return text;
            }
            if (text.isEmpty()) {
                return summary;
            }
            return summary + (summary.endsWith(".") || summary.endsWith("!") || summary.endsWith("?") ? " " : ". ") + text;
        }

        private void offer(long id, String text, Map<Long, byte[]> have) {
            if (text.isBlank()) {
                empty++;
                report();
                return;
            }
            byte[] h = hash(text);
            if (Arrays.equals(have.get(id), h)) {
                skipped++;
                report();
                return;
            }
            pendingIds.add(id);
            pendingHashes.add(h);
            pendingTexts.add(text);
            if (pendingIds.size() >= chunk) {
                flush();
            }
        }

        private void report() {
            long done = encoded + skipped + empty;
            if ((done & 1023) == 0) {
                monitor.progress(done, total);
            }
        }

        /** Encodes and commits the pending chunk; a cancel keeps what finished. */
        private void flush() {
            if (pendingIds.isEmpty()) {
                return;
            }
            long base = encoded + skipped + empty;
            long t0 = System.nanoTime();
            EncodedTexts out = encoder.encode(pendingTexts, d -> monitor.progress(base + d, total), monitor::isCancelled);
            encodeNanos += System.nanoTime() - t0;
            List<StoredVector> rows = new ArrayList<>(pendingIds.size());
            for (int i = 0; i < pendingIds.size(); i++) {
                if (out.vectors()[i] != null) {
                    rows.add(new StoredVector(pendingIds.get(i), pendingHashes.get(i), out.vectors()[i]));
                }
            }
            store.put(dataset.id(), kind, field, encoder.model().id(), rows);
            encoded += rows.size();
            truncated += out.truncated();
            tokens += out.tokens();
            pendingIds.clear();
            pendingHashes.clear();
            pendingTexts.clear();
            monitor.progress(encoded + skipped + empty, total);
            if (rows.size() < out.vectors().length) {
                throw new TaskCancelledException();
            }
        }

        /**
         * Mean of each item's and each user's review vectors, renormalised. A pooled vector's hash covers its
         * members' hashes in review order, so unchanged items and users are skipped.
         */
        long poolReviews() {
            String model = encoder.model().id();
            VectorMatrix reviews = store.load(dataset.id(), kind, field, model);
            Map<Long, byte[]> reviewHashes = store.textHashes(dataset.id(), kind, field, model);
            Map<Long, Integer> row = new HashMap<>(reviews.entityIds().length * 2);
            for (int i = 0; i < reviews.entityIds().length; i++) {
                row.put(reviews.entityIds()[i], i);
            }
            Map<Long, Pool> byItem = new HashMap<>();
            Map<Long, Pool> byUser = new HashMap<>();
            WorkspaceReader reader = ws.read();
            forEachPage(after -> reader.reviewsAfter(dataset.id(), after, PAGE), ReviewText::id, r -> {
                Integer i = row.get(r.id());
                if (i != null) {
                    byItem.computeIfAbsent(r.itemId(), k -> new Pool(reviews.dims())).add(reviews, i, reviewHashes.get(r.id()));
                    byUser.computeIfAbsent(r.userId(), k -> new Pool(reviews.dims())).add(reviews, i, reviewHashes.get(r.id()));
                }
            });
            return storePooled("item-reviews", byItem, model) + storePooled("user-reviews", byUser, model);
        }

        private long storePooled(String pooledKind, Map<Long, Pool> pools, String model) {
            Map<Long, byte[]> have = store.textHashes(dataset.id(), pooledKind, field, model);
            List<StoredVector> rows = new ArrayList<>();
            long written = 0;
            for (var e : pools.entrySet()) {
                byte[] h = e.getValue().hash();
                if (!Arrays.equals(have.get(e.getKey()), h)) {
                    rows.add(new StoredVector(e.getKey(), h, e.getValue().mean()));
                }
                if (rows.size() >= CHUNK) {
                    store.put(dataset.id(), pooledKind, field, model, rows);
                    written += rows.size();
                    rows.clear();
                }
            }
            store.put(dataset.id(), pooledKind, field, model, rows);
            return written + rows.size();
        }
    }

    /** A running mean of member vectors and a digest over the members' text hashes. */
    private static final class Pool {
        private final float[] sum;
        private final MessageDigest digest;

        Pool(int dims) {
            sum = new float[dims];
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(VectorMatrix m, int row, byte[] memberHash) {
            int base = row * m.dims();
            for (int d = 0; d < sum.length; d++) {
                sum[d] += m.data()[base + d];
            }
            digest.update(Objects.requireNonNull(memberHash));
        }

        float[] mean() {
            float[] v = sum.clone();
            PoolingTranslator.normalise(v);
            return v;
        }

        byte[] hash() {
            return Arrays.copyOf(digest.digest(), 16);
        }
    }

    @Override
    public synchronized void close() {
        loaded.values().forEach(SentenceEncoder::close);
        loaded.clear();
    }
}
