package dev.augur.core.store;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The internal ids one import hands out for external ids, held in memory: one entry per distinct user or item,
 * never per row. New ids continue after the workspace's highest, so this map alone guarantees they are unique.
 * It also remembers which items got metadata and which had interactions, so bare and cold items are counted
 * without a query. Not thread-safe: one importer thread owns it.
 */
final class DatasetIdMap {
    private final Map<String, Integer> userIds = new HashMap<>();
    private final Map<String, Integer> itemIds = new HashMap<>();
    private final BitSet declaredItems = new BitSet();
    private final BitSet itemsWithInteractions = new BitSet(); // cold items = the rest, counted without a query
    private final int firstUserId;
    private final int firstItemId;
    private int nextUserId;
    private int nextItemId;

    DatasetIdMap(int firstUserId, int firstItemId) {
        this.firstUserId = nextUserId = firstUserId;
        this.firstItemId = nextItemId = firstItemId;
    }

    /** The internal id of a user, or -1 when no file has mentioned it yet. */
    int findUser(String externalId) {
        Integer id = userIds.get(externalId);
        return id == null ? -1 : id;
    }

    boolean hasUser(String externalId) {
        return userIds.containsKey(externalId);
    }

    /** A fresh id for a user; the external id must be new. */
    int newUser(String externalId) {
        if (userIds.containsKey(externalId)) {
            throw new IllegalStateException("user " + externalId + " already written");
        }
        int id = nextUserId++;
        userIds.put(externalId, id);
        return id;
    }

    /** The internal id of an item, or -1 when no file has mentioned it yet. */
    int findItem(String externalId) {
        Integer id = itemIds.get(externalId);
        return id == null ? -1 : id;
    }

    /** True when metadata for this item was written (not just a mention in an interaction). */
    boolean isItemDeclared(String externalId) {
        Integer id = itemIds.get(externalId);
        return id != null && declaredItems.get(id - firstItemId);
    }

    /** A fresh id for an item not mentioned before. */
    int newItem(String externalId) {
        int id = nextItemId++;
        itemIds.put(externalId, id);
        return id;
    }

    /** Records that the item's metadata is written; refuses a second time. */
    void declareItem(String externalId, int id) {
        if (declaredItems.get(id - firstItemId)) {
            throw new IllegalStateException("item " + externalId + " already written");
        }
        declaredItems.set(id - firstItemId);
    }

    /** Records an interaction with the item (items of earlier datasets are not counted). */
    void interacted(int item) {
        if (item >= firstItemId) {
            itemsWithInteractions.set(item - firstItemId);
        }
    }

    int firstUserId() {
        return firstUserId;
    }

    /** The highest user id handed out so far ({@code firstUserId() - 1} when none). */
    int lastUserId() {
        return nextUserId - 1;
    }

    int userCount() {
        return userIds.size();
    }

    int itemCount() {
        return itemIds.size();
    }

    /** Items of this dataset with no interaction: the cold-start cases. */
    int coldItemCount() {
        return itemIds.size() - itemsWithInteractions.cardinality();
    }

    /** Items only mentioned by interactions, never given metadata. */
    int bareItemCount() {
        return itemIds.size() - declaredItems.cardinality();
    }
}
