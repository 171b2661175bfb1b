package dev.augur.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/**
 * Read-only queries over a workspace. Shares the workspace's read connection, one query at a time. The queries live
 * in smaller readers by what they serve: dataset statistics, entity lookups, entity histories, whole-dataset scans,
 * the embedding map's attributes and the paged tables; this class is the one entry point to all of them.
 */
public final class WorkspaceReader {
    private final ReadConnection db;
    private final DatasetStatsReader stats;
    private final EntityReader entities;
    private final EntityHistoryReader histories;
    private final DatasetScanReader scans;
    private final ItemMapReader itemMap;

    WorkspaceReader(Connection c, Path file) {
        this.db = new ReadConnection(c, file);
        this.stats = new DatasetStatsReader(db);
        this.entities = new EntityReader(db);
        this.histories = new EntityHistoryReader(db, entities);
        this.scans = new DatasetScanReader(db);
        this.itemMap = new ItemMapReader(db);
    }

    // ---- datasets and their statistics --------------------------------------------------------------------------

    public List<DatasetInfo> datasets() {
        return stats.datasets();
    }

    public Optional<DatasetInfo> dataset(String name) {
        return stats.dataset(name);
    }

    /** The internal id of the dataset named {@code name}, without counting its rows as {@link #dataset} does. */
    public Optional<Long> datasetId(String name) {
        return stats.datasetId(name);
    }

    /** Statistics over one dataset, or over the whole workspace when {@code dataset} is empty. */
    public WorkspaceStats stats(Optional<String> dataset) {
        return stats.stats(dataset);
    }

    /** Items of {@code dataset} without any observed interaction: the cold-start items. */
    public long coldItems(String dataset) {
        return stats.coldItems(dataset);
    }

    /** Statistics plus the raw per-item and per-user counts of one dataset, for charts. */
    public DatasetProfile profile(String dataset) {
        return stats.profile(dataset);
    }

    // ---- users and items by id, with what they did ----------------------------------------------------------------

    /** Items with this external id, in any dataset (or only in {@code dataset}). */
    public List<ItemRecord> items(String externalId, Optional<String> dataset) {
        return entities.items(externalId, dataset);
    }

    /** Users with this external id, in any dataset (or only in {@code dataset}). */
    public List<UserRecord> users(String externalId, Optional<String> dataset) {
        return entities.users(externalId, dataset);
    }

    /** One item by internal id, without counts (see {@link #itemsAfter}). */
    public Optional<ItemRecord> item(long itemId) {
        return entities.item(itemId);
    }

    /** One user by internal id, without counts. */
    public Optional<UserRecord> user(long userId) {
        return entities.user(userId);
    }

    /** The internal id of the user or item with this external id in a dataset. */
    public Optional<Long> entityId(long datasetId, String kind, String externalId) {
        return entities.entityId(datasetId, kind, externalId);
    }

    /**
     * The items with these internal ids (of any dataset), in the order given; ids with no item are skipped, a
     * repeated id gives the item again. Counts included, so meant for short lists such as nearest neighbours.
     */
    public List<ItemRecord> itemsByIds(List<Long> ids) {
        return entities.itemsByIds(ids);
    }

    /** An item of {@code dataset} with its rating spread and its {@code users} most recent users. */
    public Optional<ItemDetail> itemDetail(String dataset, String externalId, int users) {
        return histories.itemDetail(dataset, externalId, users);
    }

    /** A user of {@code dataset} with up to {@code limit} interactions, oldest first. */
    public Optional<UserDetail> userDetail(String dataset, String externalId, int limit) {
        return histories.userDetail(dataset, externalId, limit);
    }

    // ---- what prompts need (core.augment) -------------------------------------------------------------------

    /**
     * The {@code mostRecent} latest observed interactions of user {@code userId} (internal id), returned oldest
     * first, with item titles; rows without a time sort first.
     */
    public List<HistoryEntry> userHistory(long userId, int mostRecent) {
        return histories.userHistory(userId, mostRecent);
    }

    /**
     * Up to {@code limit} reviews written by a user or about an item ({@code kind} "user" or "item", internal id),
     * newest first.
     */
    public List<EntityReview> reviewsOf(String kind, long entityId, int limit) {
        return histories.reviewsOf(kind, entityId, limit);
    }

    // ---- whole-dataset scans in id order (encoders), keyset paging on the internal id ------------------------

    /**
     * Up to {@code limit} items of a dataset with an id above {@code afterId}, in id order: pass the last id of
     * one page to get the next (start with 0); a page shorter than {@code limit} is the last. For reading text
     * only: {@link ItemRecord#interactions()} and {@link ItemRecord#reviews()} are 0 here, not counted.
     */
    public List<ItemRecord> itemsAfter(long datasetId, long afterId, int limit) {
        return scans.itemsAfter(datasetId, afterId, limit);
    }

    /** The number of items in a dataset. */
    public long itemCount(long datasetId) {
        return scans.itemCount(datasetId);
    }

    /**
     * Up to {@code limit} reviews of a dataset with an id above {@code afterId}, in id order; paged like
     * {@link #itemsAfter}.
     */
    public List<ReviewText> reviewsAfter(long datasetId, long afterId, int limit) {
        return scans.reviewsAfter(datasetId, afterId, limit);
    }

    /** The number of reviews in a dataset. */
    public long reviewCount(long datasetId) {
        return scans.reviewCount(datasetId);
    }

    /**
     * Up to {@code limit} users or items ({@code kind} "user" or "item") of a dataset with an internal id above
     * {@code afterId}, in id order; paged like {@link #itemsAfter}.
     */
    public List<EntityRef> entityIdsAfter(long datasetId, String kind, long afterId, int limit) {
        return scans.entityIdsAfter(datasetId, kind, afterId, limit);
    }

    /** The number of users or items ({@code kind} "user" or "item") of a dataset. */
    public long entityCount(long datasetId, String kind) {
        return scans.entityCount(datasetId, kind);
    }

    /**
     * Every item of a dataset with what the embedding map colours by, ordered by id: three grouped queries, the
     * interaction counts on the interaction indexes alone (all rows per item minus the synthetic ones). An unknown
     * dataset gives empty arrays.
     */
    public ItemMapAttributes itemMapAttributes(long datasetId) {
        return itemMap.itemMapAttributes(datasetId);
    }

    // ---- paged tables (Users, Items, Interactions, Reviews) ---------------------------------------------

    /**
     * The rows of {@code request}'s table and dataset that match its filter (sort, offset and limit are ignored).
     * The filter is a case-insensitive "contains" over: users: external id; items: external id, title,
     * description; interactions: user or item external id, item title; reviews: user or item external id,
     * summary, text.
     * @throws WorkspaceException when there is no such dataset
     */
    public long count(PageRequest request) {
        return pager().count(request);
    }

    /**
     * One page of a table: rows {@code offset .. offset + limit - 1} in the requested order, each with the values of
     * {@link TableKind#columns()}, and the total from the same snapshot. In the default order without a filter a
     * page costs the same at any offset (keyset paging on the internal id); other orders and filters page with
     * {@code OFFSET}. Counts and id ranges are cached until the workspace changes, so a view can ask for page
     * after page.
     * @throws WorkspaceException when there is no such dataset
     */
    public Page page(PageRequest request) {
        return pager().page(request, false).page();
    }

    /** The pager behind {@link #page}, with its strategies and plans visible (for tests). */
    TablePager pager() {
        return new TablePager(db.connection(), db.file());
    }
}
