package dev.augur.core.store;

import java.util.Arrays;

/**
 * Every item of one dataset ordered by internal id: external ids, titles ("" when none) and categories as their
 * stored JSON array text. Arrays are shared: read-only.
 */
public record ItemCatalog(long[] ids, String[] externalIds, String[] titles, String[] categoriesJson) {
    public int size() {
        return ids.length;
    }

    public int indexOf(long id) {
        return Arrays.binarySearch(ids, id);
    }
}
