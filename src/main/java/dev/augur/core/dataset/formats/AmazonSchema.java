package dev.augur.core.dataset.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What differs between the Amazon review releases (2018, 2023): how to tell their files apart and how a line
 * maps to an item or a review. {@link AmazonCommon} does the rest. Mapping methods parse the whole line and
 * throw {@link dev.augur.core.dataset.read.BadFieldException} before anything is written.
 */
interface AmazonSchema {

    /** Shown to people, e.g. "Amazon Review Data 2018". */
    String label();

    /** The metadata field that identifies an item ({@code asin}, {@code parent_asin}). */
    String itemKey();

    /** Whether a file whose first record is {@code first} holds reviews, metadata, or neither (null). */
    Kind kindOf(JsonNode first);

    Item item(ObjectNode meta);

    Review review(ObjectNode line);

    enum Kind { REVIEWS, META }

    /** One metadata line: categories and attributes as JSON text; title and description may be null. */
    record Item(String id, String title, String description, String categoriesJson, String attributesJson) {
    }

    /** One review line; {@code ts} in seconds or {@code DatasetWriter.NO_TIMESTAMP}. */
    record Review(String user, String item, double rating, long ts, String summary, String text,
                  String attributesJson) {
    }
}
