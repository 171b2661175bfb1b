package dev.augur.core.encode;

import java.util.Locale;

/** What text gets encoded; {@link #kind} is the vector kind stored in the workspace. */
public enum EncodeTarget {
    /** Item text from a template over its fields. */
    ITEMS("items", "item"),
    /** Each review's summary and text, then pooled per item ({@code item-reviews}) and per user ({@code user-reviews}). */
    REVIEWS("reviews", "review"),
    /** LLM-generated item profiles (the augmentation issue writes them). */
    ITEM_PROFILES("item-profiles", "item-profile"),
    /** LLM-generated user profiles. */
    USER_PROFILES("user-profiles", "user-profile");

    private final String id;
    private final String kind;

    EncodeTarget(String id, String kind) {
        this.id = id;
        this.kind = kind;
    }

    public String id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public static EncodeTarget parse(String s) {
        for (EncodeTarget t : values()) {
            if (t.id.equalsIgnoreCase(s.trim()) || t.name().equalsIgnoreCase(s.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown target '" + s + "'; use items, reviews, item-profiles or user-profiles");
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
