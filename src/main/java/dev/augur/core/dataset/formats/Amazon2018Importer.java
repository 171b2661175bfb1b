package dev.augur.core.dataset.formats;

import dev.augur.core.dataset.Detection;
import dev.augur.core.dataset.ImportContext;
import dev.augur.core.dataset.Importer;
import dev.augur.core.dataset.read.BadFieldException;
import dev.augur.core.dataset.read.Fields;
import dev.augur.core.dataset.read.Json;
import dev.augur.core.store.DatasetWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.augur.core.dataset.formats.AmazonCommon.has;

/**
 * Amazon Review Data 2018 (Ni, Li and McAuley): reviews {@code <Category>_5.json[.gz]} or
 * {@code <Category>.json[.gz]} (overall, reviewerID, asin, unixReviewTime, summary, reviewText, ...) and
 * metadata {@code meta_<Category>.json[.gz]} (asin, title, description, category, brand, ...), some of it
 * written as Python literals. Repeated (user, item, time) rows are distinct reviews, so none are dropped.
 */
public final class Amazon2018Importer implements Importer {
    private static final AmazonSchema SCHEMA = new Schema();

    @Override
    public String id() {
        return "amazon-2018";
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
        /** Fields stored elsewhere, or image URL lists, which are not worth keeping. */
        private static final Set<String> META_ELSEWHERE = Set.of("asin", "title", "description", "category", "image",
                "imageURL", "imageURLHighRes");
        private static final DateTimeFormatter REVIEW_TIME = DateTimeFormatter.ofPattern("M d, yyyy", Locale.ENGLISH);
        /** Some main_cat values are an image of the category's logo; its alt text is the name. */
        private static final Pattern ALT = Pattern.compile("alt=\"([^\"]*)\"");

        @Override
        public String label() {
            return "Amazon Review Data 2018";
        }

        @Override
        public String itemKey() {
            return "asin";
        }

        @Override
        public Kind kindOf(JsonNode first) {
            if (has(first, "reviewerID") && has(first, "asin")) {
                return Kind.REVIEWS;
            }
            if (has(first, "asin") && !has(first, "reviewerID") && !has(first, "user_id") && !has(first, "parent_asin")) {
                return Kind.META;
            }
            return null;
        }

        @Override
        public Item item(ObjectNode meta) {
            String asin = AmazonCommon.requiredText(meta, "asin");
            ObjectNode attributes = AmazonCommon.attributes(meta, META_ELSEWHERE);
            String mainCat = AmazonCommon.text(meta, "main_cat");
            if (mainCat != null && mainCat.contains("<img")) {
                Matcher m = ALT.matcher(mainCat);
                if (m.find() && !m.group(1).isBlank()) {
                    attributes.put("main_cat", m.group(1).strip());
                }
            }
            return new Item(asin, AmazonCommon.cleanText(meta.get("title")),
                    AmazonCommon.description(meta.get("description")), AmazonCommon.categories(meta.get("category")),
                    attributes.toString());
        }

        @Override
        public Review review(ObjectNode line) {
            String user = AmazonCommon.requiredText(line, "reviewerID");
            String asin = AmazonCommon.requiredText(line, "asin");
            double rating = AmazonCommon.rating(line, "overall");
            long ts = timestamp(line);
            ObjectNode a = Json.object();
            JsonNode verified = AmazonCommon.tidy(line.get("verified"));
            if (verified != null) {
                a.set("verified", verified);
            }
            String vote = AmazonCommon.text(line, "vote");
            if (vote != null && vote.strip().replace(",", "").matches("\\d{1,18}")) {
                a.put("vote", Long.parseLong(vote.strip().replace(",", "")));
            } else {
                Json.putIfPresent(a, "vote", vote);
            }
            JsonNode style = AmazonCommon.tidy(line.get("style"));
            if (style != null) {
                a.set("style", style);
            }
            Json.putIfPresent(a, "reviewerName", AmazonCommon.text(line, "reviewerName"));
            return new Review(user, asin, rating, ts, AmazonCommon.text(line, "summary"),
                    AmazonCommon.text(line, "reviewText"), a.toString());
        }

        /** unixReviewTime, else the reviewTime date ("06 17, 2018"), else none. */
        private static long timestamp(ObjectNode line) {
            Long unix = AmazonCommon.whole(line, "unixReviewTime", "a Unix time in seconds");
            if (unix != null) {
                return unix;
            }
            String date = AmazonCommon.text(line, "reviewTime");
            if (date == null || date.isBlank()) {
                return DatasetWriter.NO_TIMESTAMP;
            }
            try {
                return LocalDate.parse(date.strip(), REVIEW_TIME).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            } catch (DateTimeParseException e) {
                throw new BadFieldException("reviewTime", "'" + Fields.abbreviate(date) + "' is not a date like 06 17, 2018");
            }
        }
    }
}
