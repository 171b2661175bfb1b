package dev.augur.core.augment;

/**
 * What a template is for: profiling users or items, or (core.synth) proposing synthetic interactions, either one
 * user-item pair at a time ({@code pairs}, stored with the item) or likes and dislikes of one user among candidates
 * ({@code picks}, stored with the user). {@link #id()} is the template's {@code target}, {@link #kind()} the store's
 * entity kind its generations are filed under.
 */
public enum AugmentTarget {
    USERS("users", "user"),
    ITEMS("items", "item"),
    PAIRS("pairs", "item"),
    PICKS("picks", "user");

    private final String id;
    private final String kind;

    AugmentTarget(String id, String kind) {
        this.id = id;
        this.kind = kind;
    }

    public String id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    /** Whether templates of this target profile users or items (the augment command's), not propose interactions. */
    public boolean profiles() {
        return this == USERS || this == ITEMS;
    }

    /** "users"/"user", "items"/"item", "pairs" or "picks", any case. */
    public static AugmentTarget parse(String s) {
        for (AugmentTarget t : values()) {
            if (t.id.equalsIgnoreCase(s) || (t.profiles() && t.kind.equalsIgnoreCase(s))) {
                return t;
            }
        }
        throw new IllegalArgumentException("target must be users or items (or pairs / picks for synthetic"
                + " interactions): " + s);
    }
}
