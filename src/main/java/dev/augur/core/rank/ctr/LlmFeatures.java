package dev.augur.core.rank.ctr;

/**
 * The LLM-derived features a caller can add beyond the item text vectors of {@code SideInformation}, each null
 * when absent: item and user profile vectors (embeddings of LLM-written profiles, aligned with dense item / user
 * indices) and generated attributes (tokens per dense item, e.g. the values of an LLM's JSON output such as
 * {@code "genre=noir"}), which are hashed into {@code attributeBuckets} buckets.
 */
public record LlmFeatures(DenseTable itemProfile, DenseTable userProfile, String[][] itemAttributes,
                          int attributeBuckets) {

    public static final int DEFAULT_BUCKETS = 1 << 14;

    public LlmFeatures {
        if (attributeBuckets <= 0) {
            throw new IllegalArgumentException("attribute buckets must be positive, not " + attributeBuckets);
        }
    }

    public static LlmFeatures none() {
        return new LlmFeatures(null, null, null, DEFAULT_BUCKETS);
    }

    public LlmFeatures withItemProfile(DenseTable t) {
        return new LlmFeatures(t, userProfile, itemAttributes, attributeBuckets);
    }

    public LlmFeatures withUserProfile(DenseTable t) {
        return new LlmFeatures(itemProfile, t, itemAttributes, attributeBuckets);
    }

    public LlmFeatures withItemAttributes(String[][] tokens, int buckets) {
        return new LlmFeatures(itemProfile, userProfile, tokens, buckets);
    }
}
