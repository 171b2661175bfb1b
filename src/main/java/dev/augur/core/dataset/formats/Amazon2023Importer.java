package dev.augur.core.dataset.formats;

import dev.augur.core.dataset.Detection;
import dev.augur.core.dataset.ImportContext;
import dev.augur.core.dataset.Importer;
import dev.augur.core.dataset.read.Json;
import dev.augur.core.store.DatasetWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import static dev.augur.core.dataset.formats.AmazonCommon.has;

/**
 * Amazon Reviews 2023 (McAuley lab): reviews {@code <Category>.jsonl[.gz]} (rating, title, text, asin,
 * parent_asin, user_id, timestamp in milliseconds, helpful_vote, verified_purchase) and metadata
 * {@code meta_<Category>.jsonl[.gz]} (parent_asin, title, description, categories, features, details, ...).
 * Items are product families keyed by parent_asin, which is what the reviews refer to; the variant's asin
 * stays in the review's attributes.
 */
public final class Amazon2023Importer implements Importer {
    private static final AmazonSchema SCHEMA = new Schema();

    @Override
    public String id() {
        return "amazon-2023";
    }

    @Override
    public String family() {
        return "amazon";
    }

    @Override
    public Optional<Detection> detect(Path source) {
        return AmazonCommon.detect(this, source, SCHEMA);
    }

    @Override
    public void read(Detection d, DatasetWriter out, ImportContext ctx) {
        AmazonCommon.read(d, out, ctx, SCHEMA);
    }

    private static final class Schema implements AmazonSchema {
        /** Fields stored elsewhere, or media URL lists, which are not worth keeping. */
        private static final Set<String> META_ELSEWHERE = Set.of("parent_asin", "title", "description", "categories",
                "images", "videos");

        @Override
        public String label() {
            return "Amazon Reviews 2023";
        }

        @Override
        public String itemKey() {
            return "parent_asin";
        }

        @Override
        public Kind kindOf(JsonNode first) {
            if (has(first, "user_id") && has(first, "parent_asin")) {
                return Kind.REVIEWS;
            }
            if (has(first, "parent_asin") && (has(first, "main_category") || has(first, "title"))
                    && !has(first, "user_id")) {
                return Kind.META;
            }
            return null;
        }

        @Override
        public Item item(ObjectNode meta) {
            String id = AmazonCommon.requiredText(meta, "parent_asin");
            return new Item(id, AmazonCommon.cleanText(meta.get("title")),
                    AmazonCommon.description(meta.get("description")), AmazonCommon.categories(meta.get("categories")),
                    AmazonCommon.attributes(meta, META_ELSEWHERE).toString());
        }

        @Override
        public Review review(ObjectNode line) {
            String user = AmazonCommon.requiredText(line, "user_id");
            String item = AmazonCommon.requiredText(line, "parent_asin");
            double rating = AmazonCommon.rating(line, "rating");
            Long millis = AmazonCommon.whole(line, "timestamp", "a Unix time in milliseconds");
            long ts = millis == null ? DatasetWriter.NO_TIMESTAMP : Math.floorDiv(millis, 1000L);
            ObjectNode a = Json.object();
            Json.putIfPresent(a, "asin", AmazonCommon.text(line, "asin"));
            for (String field : new String[] {"verified_purchase", "helpful_vote"}) {
                JsonNode v = AmazonCommon.tidy(line.get(field));
                if (v != null) {
                    a.set(field, v);
                }
            }
            return new Review(user, item, rating, ts, AmazonCommon.text(line, "title"), AmazonCommon.text(line, "text"),
                    a.toString());
        }
    }
}
