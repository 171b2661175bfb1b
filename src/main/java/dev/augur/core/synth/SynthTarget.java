package dev.augur.core.synth;

import java.util.Locale;

/**
 * Where synthetic interactions are proposed: items with no observed interaction, items with the fewest, or users
 * with short histories. {@link #id()} is the command-line name and what the store's {@code target} column holds.
 */
public enum SynthTarget {
    COLD_ITEMS("cold-items"),
    TAIL_ITEMS("tail-items"),
    SHORT_USERS("short-users");

    private final String id;

    SynthTarget(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether candidates are users for an item (one LLM question per pair) rather than items for a user. */
    public boolean itemFocused() {
        return this != SHORT_USERS;
    }

    public static SynthTarget parse(String s) {
        String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        for (SynthTarget t : values()) {
            if (t.id.equals(v)) {
                return t;
            }
        }
        throw new IllegalArgumentException("target is cold-items, tail-items or short-users, not '" + s + "'");
    }
}
