package dev.augur.core.store;

import java.util.Arrays;

/**
 * What the embedding map colours and labels its points by: every item of one dataset, ordered by internal id, as
 * parallel arrays. {@code firstCategory} is the first entry of the item's categories ("" when it has none), a
 * missing title is ""; {@code interactions} counts observed interactions, {@code synthetic} the others (any
 * status). The arrays are shared, not copied: treat them as read-only.
 */
public record ItemMapAttributes(long[] ids, String[] externalIds, String[] titles, String[] firstCategory,
                                int[] interactions, int[] synthetic) {
    public ItemMapAttributes {
        int n = ids.length;
        if (externalIds.length != n || titles.length != n || firstCategory.length != n || interactions.length != n
                || synthetic.length != n) {
            throw new IllegalArgumentException("the arrays of item map attributes differ in length");
        }
    }

    /** The number of items. */
    public int size() {
        return ids.length;
    }

    /** The index of the item with internal id {@code id}, or a negative number when there is none. */
    public int indexOf(long id) {
        return Arrays.binarySearch(ids, id);
    }
}
