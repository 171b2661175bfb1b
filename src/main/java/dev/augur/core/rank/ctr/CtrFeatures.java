package dev.augur.core.rank.ctr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which feature groups a CTR model sees. User and item ids are always on; the rest are switched per variant so
 * the gain of each (LLM-derived) group can be measured against the same backbone.
 */
public record CtrFeatures(boolean categories, boolean itemText, boolean itemProfile, boolean userProfile,
                          boolean attributes) {

    /** A switchable group, with the name used on the command line and in reports. */
    public enum Group {
        CATEGORIES("categories"),
        ITEM_TEXT("text"),
        ITEM_PROFILE("item-profile"),
        USER_PROFILE("user-profile"),
        ATTRIBUTES("attributes");

        private final String text;

        Group(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        /** The LLM-derived groups (everything but categories). */
        public static List<Group> llm() {
            return List.of(ITEM_TEXT, ITEM_PROFILE, USER_PROFILE, ATTRIBUTES);
        }

        public static Group parse(String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            for (Group g : values()) {
                if (g.text.equals(t)) {
                    return g;
                }
            }
            throw new IllegalArgumentException("unknown feature group '" + s
                    + "'; use categories, text, item-profile, user-profile or attributes");
        }
    }

    /** The backbone of the papers' comparisons: ids and item categories. */
    public static final CtrFeatures BASE = new CtrFeatures(true, false, false, false, false);

    /** User and item ids only. */
    public static final CtrFeatures IDS_ONLY = new CtrFeatures(false, false, false, false, false);

    public boolean has(Group g) {
        return switch (g) {
            case CATEGORIES -> categories;
            case ITEM_TEXT -> itemText;
            case ITEM_PROFILE -> itemProfile;
            case USER_PROFILE -> userProfile;
            case ATTRIBUTES -> attributes;
        };
    }

    public CtrFeatures with(Group g) {
        return new CtrFeatures(categories || g == Group.CATEGORIES, itemText || g == Group.ITEM_TEXT,
                itemProfile || g == Group.ITEM_PROFILE, userProfile || g == Group.USER_PROFILE,
                attributes || g == Group.ATTRIBUTES);
    }

    /** The groups switched on, in {@link Group} order. */
    public List<Group> groups() {
        List<Group> out = new ArrayList<>();
        for (Group g : Group.values()) {
            if (has(g)) {
                out.add(g);
            }
        }
        return out;
    }

    /** A short label: {@code ids}, {@code ids+categories+text}, … */
    public String label() {
        StringBuilder b = new StringBuilder("ids");
        for (Group g : groups()) {
            b.append('+').append(g.text());
        }
        return b.toString();
    }
}
