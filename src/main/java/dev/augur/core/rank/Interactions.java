package dev.augur.core.rank;

import dev.augur.core.store.InteractionColumns;

import java.util.Arrays;

/**
 * A dataset's interactions with users and items renumbered densely ({@code 0..numUsers-1}, {@code 0..numItems-1})
 * for the models; {@link #userIds} and {@link #itemIds} map back to workspace ids. The item universe is every item
 * of the dataset, interacted with or not (cold items can be recommended). Rows keep the loader's (user, time)
 * order. Arrays are shared: read-only.
 */
public final class Interactions {
    private final long datasetId;
    private final long[] userIds;
    private final long[] itemIds;
    private final int[] user;
    private final int[] item;
    private final float[] value;
    private final long[] ts;
    private final boolean[] synthetic;

    public Interactions(long datasetId, long[] userIds, long[] itemIds, int[] user, int[] item, float[] value,
                        long[] ts, boolean[] synthetic) {
        int n = user.length;
        if (item.length != n || value.length != n || ts.length != n || synthetic.length != n) {
            throw new IllegalArgumentException("interaction arrays differ in length");
        }
        this.datasetId = datasetId;
        this.userIds = userIds;
        this.itemIds = itemIds;
        this.user = user;
        this.item = item;
        this.value = value;
        this.ts = ts;
        this.synthetic = synthetic;
    }

    /**
     * Renumbers {@code columns}: users are those with at least one interaction, items are {@code allItemIds}
     * (sorted ascending; every item of the dataset) — an interaction on an item outside it is an error.
     */
    public static Interactions of(InteractionColumns columns, long[] allItemIds) {
        long[] users = Arrays.stream(columns.users()).distinct().sorted().toArray();
        int n = columns.size();
        int[] u = new int[n];
        int[] i = new int[n];
        long[] cu = columns.users();
        long[] ci = columns.items();
        int lastU = -1;
        long lastId = Long.MIN_VALUE;
        for (int k = 0; k < n; k++) {
            if (cu[k] != lastId) {
                lastId = cu[k];
                lastU = Arrays.binarySearch(users, lastId);
            }
            u[k] = lastU;
            int at = Arrays.binarySearch(allItemIds, ci[k]);
            if (at < 0) {
                throw new IllegalArgumentException("interaction on item " + ci[k] + " that is not in the dataset");
            }
            i[k] = at;
        }
        return new Interactions(columns.datasetId(), users, allItemIds, u, i, columns.values(), columns.ts(),
                columns.synthetic());
    }

    public long datasetId() {
        return datasetId;
    }

    public int size() {
        return user.length;
    }

    public int numUsers() {
        return userIds.length;
    }

    public int numItems() {
        return itemIds.length;
    }

    public long[] userIds() {
        return userIds;
    }

    public long[] itemIds() {
        return itemIds;
    }

    public int[] user() {
        return user;
    }

    public int[] item() {
        return item;
    }

    public float[] value() {
        return value;
    }

    public long[] ts() {
        return ts;
    }

    public boolean[] synthetic() {
        return synthetic;
    }

    /** Dense index of workspace user id {@code id}, or -1. */
    public int userIndex(long id) {
        int at = Arrays.binarySearch(userIds, id);
        return at < 0 ? -1 : at;
    }

    /** Dense index of workspace item id {@code id}, or -1. */
    public int itemIndex(long id) {
        int at = Arrays.binarySearch(itemIds, id);
        return at < 0 ? -1 : at;
    }

    /** The whole log as one users × items matrix (last value of a repeated pair). */
    public Csr matrix() {
        return Csr.of(numUsers(), numItems(), user, item, value, null);
    }
}
