package dev.augur.core.augment;

/** What a template profiles: users or items. {@link #id()} is the template's {@code target}, {@link #kind()} the store's entity kind. */
public enum AugmentTarget {
    USERS("users", "user"),
    ITEMS("items", "item");

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

    /** "users"/"user" or "items"/"item", any case. */
    public static AugmentTarget parse(String s) {
        for (AugmentTarget t : values()) {
            if (t.id.equalsIgnoreCase(s) || t.kind.equalsIgnoreCase(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("target must be users or items: " + s);
    }
}
