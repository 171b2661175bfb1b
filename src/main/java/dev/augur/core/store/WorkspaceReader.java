package dev.augur.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Read-only queries over a workspace. Shares the workspace's read connection, one query at a time. */
public final class WorkspaceReader {
    private final Connection c;
    private final Path file;

    WorkspaceReader(Connection c, Path file) {
        this.c = c;
        this.file = file;
    }

    public List<DatasetInfo> datasets() {
        String sql = "SELECT d.id, d.name, d.format, d.source_path, d.imported_at, d.report,"
                + " (SELECT count(*) FROM users u WHERE u.dataset_id = d.id),"
                + " (SELECT count(*) FROM items i WHERE i.dataset_id = d.id),"
                + " (SELECT count(*) FROM interactions x WHERE x.dataset_id = d.id AND x.source = 'observed'),"
                + " (SELECT count(*) FROM reviews r WHERE r.dataset_id = d.id),"
                + " (SELECT count(*) FROM tags t WHERE t.dataset_id = d.id)"
                + " FROM datasets d ORDER BY d.id";
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                List<DatasetInfo> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new DatasetInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                            rs.getString(6)));
                }
                return out;
            } catch (SQLException e) {
                throw fail("listing datasets", e);
            }
        }
    }

    public Optional<DatasetInfo> dataset(String name) {
        return datasets().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** Statistics over one dataset, or over the whole workspace when {@code dataset} is empty. */
    public WorkspaceStats stats(Optional<String> dataset) {
        String where = dataset.isPresent() ? " WHERE dataset_id = (SELECT id FROM datasets WHERE name = ?)" : "";
        String and = dataset.isPresent() ? " AND dataset_id = (SELECT id FROM datasets WHERE name = ?)" : "";
        synchronized (c) {
            try {
                if (dataset.isPresent() && dataset(dataset.get()).isEmpty()) {
                    throw new WorkspaceException("no dataset named '" + dataset.get() + "' in " + file);
                }
                long users = scalar("SELECT count(*) FROM users" + where, dataset);
                long items = scalar("SELECT count(*) FROM items" + where, dataset);
                long interactions = scalar("SELECT count(*) FROM interactions WHERE source = 'observed'" + and, dataset);
                long reviews = scalar("SELECT count(*) FROM reviews" + where, dataset);
                long tags = scalar("SELECT count(*) FROM tags" + where, dataset);
                long cold = scalar("SELECT count(*) FROM items i" + where.replace("dataset_id", "i.dataset_id")
                        + (dataset.isPresent() ? " AND" : " WHERE")
                        + " NOT EXISTS (SELECT 1 FROM interactions x WHERE x.item_id = i.id AND x.source = 'observed')", dataset);
                long[] perUser = counts("SELECT count(*) FROM interactions WHERE source = 'observed'" + and
                        + " GROUP BY user_id", dataset, users);
                long[] perItem = counts("SELECT count(*) FROM interactions WHERE source = 'observed'" + and
                        + " GROUP BY item_id", dataset, items);
                long pending = scalar("SELECT count(*) FROM interactions WHERE status = 'pending'" + and, dataset);
                long accepted = scalar("SELECT count(*) FROM interactions WHERE status = 'accepted'" + and, dataset);
                long rejected = scalar("SELECT count(*) FROM interactions WHERE status = 'rejected'" + and, dataset);
                double density = users > 0 && items > 0 ? (double) interactions / ((double) users * items) : 0;
                return new WorkspaceStats(dataset.orElse("(all datasets)"), users, items, interactions, reviews, tags,
                        density, cold, Distribution.of(perUser), Distribution.of(perItem),
                        new WorkspaceStats.SyntheticCounts(pending, accepted, rejected));
            } catch (SQLException e) {
                throw fail("computing statistics", e);
            }
        }
    }

    /** Items of {@code dataset} without any observed interaction: the cold-start items. */
    public long coldItems(String dataset) {
        synchronized (c) {
            try {
                return scalar("SELECT count(*) FROM items i WHERE i.dataset_id = (SELECT id FROM datasets WHERE name = ?)"
                        + " AND NOT EXISTS (SELECT 1 FROM interactions x WHERE x.item_id = i.id AND x.source = 'observed')",
                        Optional.of(dataset));
            } catch (SQLException e) {
                throw fail("counting cold items", e);
            }
        }
    }

    /** An item of {@code dataset} with its rating spread and its {@code users} most recent users. */
    public Optional<ItemDetail> itemDetail(String dataset, String externalId, int users) {
        List<ItemRecord> found = items(externalId, Optional.of(dataset));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ItemRecord item = found.get(0);
        synchronized (c) {
            try {
                List<ItemDetail.ValueCount> ratings = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT value, count(*) FROM interactions"
                        + " WHERE item_id = ? AND source = 'observed' AND value IS NOT NULL GROUP BY value ORDER BY value")) {
                    ps.setLong(1, item.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ratings.add(new ItemDetail.ValueCount(rs.getDouble(1), rs.getLong(2)));
                        }
                    }
                }
                List<ItemDetail.UserInteraction> recent = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT u.external_id, x.value, x.ts FROM interactions x"
                        + " JOIN users u ON u.id = x.user_id WHERE x.item_id = ? AND x.source = 'observed'"
                        + " ORDER BY x.ts DESC, x.id DESC LIMIT ?")) {
                    ps.setLong(1, item.id());
                    ps.setInt(2, users);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            recent.add(new ItemDetail.UserInteraction(rs.getString(1), null,
                                    (Double) rs.getObject(2, Double.class), (Long) rs.getObject(3, Long.class)));
                        }
                    }
                }
                return Optional.of(new ItemDetail(item, ratings, recent));
            } catch (SQLException e) {
                throw fail("reading item " + externalId, e);
            }
        }
    }

    /** A user of {@code dataset} with up to {@code limit} interactions, oldest first. */
    public Optional<UserDetail> userDetail(String dataset, String externalId, int limit) {
        List<UserRecord> found = users(externalId, Optional.of(dataset));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        UserRecord user = found.get(0);
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement("SELECT i.external_id, i.title, x.value, x.ts FROM interactions x"
                    + " JOIN items i ON i.id = x.item_id WHERE x.user_id = ? AND x.source = 'observed'"
                    + " ORDER BY x.ts, x.id LIMIT ?")) {
                ps.setLong(1, user.id());
                ps.setInt(2, limit);
                List<ItemDetail.UserInteraction> history = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        history.add(new ItemDetail.UserInteraction(rs.getString(1), rs.getString(2),
                                (Double) rs.getObject(3, Double.class), (Long) rs.getObject(4, Long.class)));
                    }
                }
                return Optional.of(new UserDetail(user, history));
            } catch (SQLException e) {
                throw fail("reading user " + externalId, e);
            }
        }
    }

    /** Statistics plus the raw per-item and per-user counts of one dataset, for charts. */
    public DatasetProfile profile(String dataset) {
        WorkspaceStats stats = stats(Optional.of(dataset));
        String and = " AND dataset_id = (SELECT id FROM datasets WHERE name = ?)";
        synchronized (c) {
            try {
                long[] items = counts("SELECT count(*) FROM interactions WHERE source = 'observed'" + and
                        + " GROUP BY item_id", Optional.of(dataset), stats.items());
                long[] users = counts("SELECT count(*) FROM interactions WHERE source = 'observed'" + and
                        + " GROUP BY user_id", Optional.of(dataset), stats.users());
                java.util.Arrays.sort(items);
                for (int i = 0, j = items.length - 1; i < j; i++, j--) {
                    long t = items[i];
                    items[i] = items[j];
                    items[j] = t;
                }
                return new DatasetProfile(stats, items, users);
            } catch (SQLException e) {
                throw fail("reading the profile of " + dataset, e);
            }
        }
    }

    /** Items (or users) with no interactions count as zeros in the distribution, so it covers all of them. */
    private long[] counts(String sql, Optional<String> dataset, long population) throws SQLException {
        long[] out = new long[(int) population];
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            dataset.ifPresent(d -> set(ps, d));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && n < out.length) {
                    out[n++] = rs.getLong(1);
                }
            }
        }
        return out;
    }

    /** Items with this external id, in any dataset (or only in {@code dataset}). */
    public List<ItemRecord> items(String externalId, Optional<String> dataset) {
        String sql = "SELECT i.id, d.name, i.external_id, i.title, i.description, i.categories, i.attributes,"
                + " (SELECT count(*) FROM interactions x WHERE x.item_id = i.id AND x.source = 'observed'),"
                + " (SELECT count(*) FROM reviews r WHERE r.item_id = i.id)"
                + " FROM items i JOIN datasets d ON d.id = i.dataset_id WHERE i.external_id = ?"
                + (dataset.isPresent() ? " AND d.name = ?" : "") + " ORDER BY d.id";
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, externalId);
                if (dataset.isPresent()) {
                    ps.setString(2, dataset.get());
                }
                List<ItemRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ItemRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getLong(9)));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw fail("reading item " + externalId, e);
            }
        }
    }

    /** Users with this external id, in any dataset (or only in {@code dataset}). */
    public List<UserRecord> users(String externalId, Optional<String> dataset) {
        String sql = "SELECT u.id, d.name, u.external_id, u.attributes,"
                + " (SELECT count(*) FROM interactions x WHERE x.user_id = u.id AND x.source = 'observed'),"
                + " (SELECT count(*) FROM reviews r WHERE r.user_id = u.id)"
                + " FROM users u JOIN datasets d ON d.id = u.dataset_id WHERE u.external_id = ?"
                + (dataset.isPresent() ? " AND d.name = ?" : "") + " ORDER BY d.id";
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, externalId);
                if (dataset.isPresent()) {
                    ps.setString(2, dataset.get());
                }
                List<UserRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new UserRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getLong(5), rs.getLong(6)));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw fail("reading user " + externalId, e);
            }
        }
    }

    /** The internal id of the dataset named {@code name}, without counting its rows as {@link #dataset} does. */
    public Optional<Long> datasetId(String name) {
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM datasets WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw fail("looking up dataset " + name, e);
            }
        }
    }

    // ---- whole-dataset scans in id order (encoders), keyset paging on the internal id ------------------------

    /**
     * Up to {@code limit} items of a dataset with an id above {@code afterId}, in id order: pass the last id of
     * one page to get the next (start with 0); a page shorter than {@code limit} is the last. For reading text
     * only: {@link ItemRecord#interactions()} and {@link ItemRecord#reviews()} are 0 here, not counted.
     */
    public List<ItemRecord> itemsAfter(long datasetId, long afterId, int limit) {
        // "+i.dataset_id" and no join: walk the primary key from afterId, never sort the dataset's rows per page
        String sql = "SELECT i.id, (SELECT d.name FROM datasets d WHERE d.id = i.dataset_id), i.external_id, i.title,"
                + " i.description, i.categories, i.attributes FROM items i"
                + " WHERE i.id > ? AND +i.dataset_id = ? ORDER BY i.id LIMIT ?";
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, afterId);
                ps.setLong(2, datasetId);
                ps.setInt(3, limit);
                List<ItemRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ItemRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), 0, 0));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw fail("reading items of dataset " + datasetId, e);
            }
        }
    }

    /** The number of items in a dataset. */
    public long itemCount(long datasetId) {
        return countOf("items", datasetId);
    }

    /**
     * Up to {@code limit} reviews of a dataset with an id above {@code afterId}, in id order; paged like
     * {@link #itemsAfter}.
     */
    public List<ReviewText> reviewsAfter(long datasetId, long afterId, int limit) {
        String sql = "SELECT id, user_id, item_id, summary, text FROM reviews"
                + " WHERE id > ? AND +dataset_id = ? ORDER BY id LIMIT ?";
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, afterId);
                ps.setLong(2, datasetId);
                ps.setInt(3, limit);
                List<ReviewText> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ReviewText(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                                Objects.requireNonNullElse(rs.getString(4), ""),
                                Objects.requireNonNullElse(rs.getString(5), "")));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw fail("reading reviews of dataset " + datasetId, e);
            }
        }
    }

    /** The number of reviews in a dataset. */
    public long reviewCount(long datasetId) {
        return countOf("reviews", datasetId);
    }

    /**
     * The items with these internal ids (of any dataset), in the order given; ids with no item are skipped, a
     * repeated id gives the item again. Counts included, so meant for short lists such as nearest neighbours.
     */
    public List<ItemRecord> itemsByIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, ItemRecord> found = new java.util.HashMap<>();
        List<Long> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
        int chunk = 500; // well below SQLite's limit on bound parameters
        synchronized (c) {
            try {
                for (int from = 0; from < distinct.size(); from += chunk) {
                    List<Long> part = distinct.subList(from, Math.min(distinct.size(), from + chunk));
                    String sql = "SELECT i.id, (SELECT d.name FROM datasets d WHERE d.id = i.dataset_id), i.external_id,"
                            + " i.title, i.description, i.categories, i.attributes,"
                            + " (SELECT count(*) FROM interactions x WHERE x.item_id = i.id AND x.source = 'observed'),"
                            + " (SELECT count(*) FROM reviews r WHERE r.item_id = i.id)"
                            + " FROM items i WHERE i.id IN ("
                            + "?,".repeat(part.size() - 1) + "?)";
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        for (int k = 0; k < part.size(); k++) {
                            ps.setLong(k + 1, part.get(k));
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                found.put(rs.getLong(1), new ItemRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                        rs.getLong(8), rs.getLong(9)));
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw fail("reading " + ids.size() + " items by id", e);
            }
        }
        List<ItemRecord> out = new ArrayList<>(ids.size());
        for (Long id : ids) {
            ItemRecord item = found.get(id);
            if (item != null) {
                out.add(item);
            }
        }
        return out;
    }

    /**
     * Every item of a dataset with what the embedding map colours by, ordered by id: three grouped queries, the
     * interaction counts on the interaction indexes alone (all rows per item minus the synthetic ones). An unknown
     * dataset gives empty arrays.
     */
    public ItemMapAttributes itemMapAttributes(long datasetId) {
        synchronized (c) {
            try {
                boolean auto = c.getAutoCommit();
                if (auto) {
                    c.setAutoCommit(false); // one snapshot for the three queries
                }
                try {
                    return itemMapAttributesInSnapshot(datasetId);
                } finally {
                    if (auto) {
                        c.rollback();
                        c.setAutoCommit(true);
                    }
                }
            } catch (SQLException e) {
                throw fail("reading the item map attributes of dataset " + datasetId, e);
            }
        }
    }

    private ItemMapAttributes itemMapAttributesInSnapshot(long datasetId) throws SQLException {
        int n = (int) countOf("items", datasetId);
        long[] ids = new long[n];
        String[] externalIds = new String[n];
        String[] titles = new String[n];
        String[] categories = new String[n];
        int count = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, external_id, coalesce(title, ''),"
                + " CASE WHEN json_valid(categories) AND json_type(categories) = 'array'"
                + " THEN coalesce(CAST(json_extract(categories, '$[0]') AS TEXT), '') ELSE '' END"
                + " FROM items WHERE dataset_id = ? ORDER BY id")) {
            ps.setLong(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && count < n) {
                    ids[count] = rs.getLong(1);
                    externalIds[count] = rs.getString(2);
                    titles[count] = rs.getString(3);
                    categories[count] = rs.getString(4);
                    count++;
                }
            }
        }
        int[] total = new int[n];
        int[] synthetic = new int[n];
        if (n > 0) {
            // an item's interactions belong to its dataset, so the id range finds them on the item indexes
            perItem("SELECT item_id, count(*) FROM interactions WHERE item_id BETWEEN ? AND ? GROUP BY item_id",
                    ids, total);
            perItem("SELECT item_id, count(*) FROM interactions WHERE source <> 'observed' AND item_id BETWEEN ? AND ?"
                    + " GROUP BY item_id", ids, synthetic);
        }
        int[] observed = new int[n];
        for (int i = 0; i < n; i++) {
            observed[i] = total[i] - synthetic[i];
        }
        return new ItemMapAttributes(ids, externalIds, titles, categories, observed, synthetic);
    }

    private void perItem(String sql, long[] ids, int[] into) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, ids[0]);
            ps.setLong(2, ids[ids.length - 1]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int at = java.util.Arrays.binarySearch(ids, rs.getLong(1));
                    if (at >= 0) {
                        into[at] = (int) Math.min(Integer.MAX_VALUE, rs.getLong(2));
                    }
                }
            }
        }
    }

    private long countOf(String table, long datasetId) {
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE dataset_id = ?")) {
                ps.setLong(1, datasetId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0;
                }
            } catch (SQLException e) {
                throw fail("counting " + table + " of dataset " + datasetId, e);
            }
        }
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
        return new TablePager(c, file).count(request);
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
        return new TablePager(c, file).page(request, false).page();
    }

    /** The pager behind {@link #page}, with its strategies and plans visible (for tests). */
    TablePager pager() {
        return new TablePager(c, file);
    }

    // ---- what prompts need (core.augment) -------------------------------------------------------------------

    /**
     * The {@code mostRecent} latest observed interactions of user {@code userId} (internal id), returned oldest
     * first, with item titles; rows without a time sort first.
     */
    public List<HistoryEntry> userHistory(long userId, int mostRecent) {
        String sql = "SELECT x.item_id, i.external_id, coalesce(i.title, ''), x.value, x.ts FROM interactions x"
                + " JOIN items i ON i.id = x.item_id WHERE x.user_id = ? AND x.source = 'observed'"
                + " ORDER BY x.ts DESC, x.id DESC LIMIT ?";
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, userId);
                ps.setInt(2, mostRecent);
                List<HistoryEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new HistoryEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
                                (Double) rs.getObject(4, Double.class), (Long) rs.getObject(5, Long.class)));
                    }
                }
                java.util.Collections.reverse(out);
                return out;
            } catch (SQLException e) {
                throw fail("reading the history of user " + userId, e);
            }
        }
    }

    /**
     * Up to {@code limit} reviews written by a user or about an item ({@code kind} "user" or "item", internal id),
     * newest first.
     */
    public List<EntityReview> reviewsOf(String kind, long entityId, int limit) {
        String column = switch (kind) {
            case "user" -> "r.user_id";
            case "item" -> "r.item_id";
            default -> throw new IllegalArgumentException("kind must be user or item: " + kind);
        };
        String sql = "SELECT r.id, u.external_id, i.external_id, coalesce(i.title, ''), r.rating, r.ts,"
                + " coalesce(r.summary, ''), coalesce(r.text, '') FROM reviews r JOIN users u ON u.id = r.user_id"
                + " JOIN items i ON i.id = r.item_id WHERE " + column + " = ? ORDER BY r.ts DESC, r.id DESC LIMIT ?";
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, entityId);
                ps.setInt(2, limit);
                List<EntityReview> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new EntityReview(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                (Double) rs.getObject(5, Double.class), (Long) rs.getObject(6, Long.class),
                                rs.getString(7), rs.getString(8)));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw fail("reading the reviews of " + kind + " " + entityId, e);
            }
        }
    }

    /**
     * Up to {@code limit} users or items ({@code kind} "user" or "item") of a dataset with an internal id above
     * {@code afterId}, in id order; paged like {@link #itemsAfter}.
     */
    public List<EntityRef> entityIdsAfter(long datasetId, String kind, long afterId, int limit) {
        String table = entityTable(kind);
        String sql = "SELECT id, external_id FROM " + table + " WHERE id > ? AND +dataset_id = ? ORDER BY id LIMIT ?";
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, afterId);
                ps.setLong(2, datasetId);
                ps.setInt(3, limit);
                List<EntityRef> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new EntityRef(rs.getLong(1), rs.getString(2)));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw fail("reading " + table + " of dataset " + datasetId, e);
            }
        }
    }

    /** The number of users or items ({@code kind} "user" or "item") of a dataset. */
    public long entityCount(long datasetId, String kind) {
        return countOf(entityTable(kind), datasetId);
    }

    /** The internal id of the user or item with this external id in a dataset. */
    public Optional<Long> entityId(long datasetId, String kind, String externalId) {
        String sql = "SELECT id FROM " + entityTable(kind) + " WHERE dataset_id = ? AND external_id = ?";
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, datasetId);
                ps.setString(2, externalId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw fail("looking up " + kind + " " + externalId, e);
            }
        }
    }

    /** One item by internal id, without counts (see {@link #itemsAfter}). */
    public Optional<ItemRecord> item(long itemId) {
        String sql = "SELECT i.id, (SELECT d.name FROM datasets d WHERE d.id = i.dataset_id), i.external_id, i.title,"
                + " i.description, i.categories, i.attributes FROM items i WHERE i.id = ?";
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, itemId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new ItemRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), 0, 0)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw fail("reading item " + itemId, e);
            }
        }
    }

    /** One user by internal id, without counts. */
    public Optional<UserRecord> user(long userId) {
        String sql = "SELECT u.id, (SELECT d.name FROM datasets d WHERE d.id = u.dataset_id), u.external_id, u.attributes"
                + " FROM users u WHERE u.id = ?";
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new UserRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), 0, 0)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw fail("reading user " + userId, e);
            }
        }
    }

    private static String entityTable(String kind) {
        return switch (kind) {
            case "user" -> "users";
            case "item" -> "items";
            default -> throw new IllegalArgumentException("kind must be user or item: " + kind);
        };
    }

    private long scalar(String sql, Optional<String> dataset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            dataset.ifPresent(d -> set(ps, d));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void set(PreparedStatement ps, String value) {
        try {
            ps.setString(1, value);
        } catch (SQLException e) {
            throw new WorkspaceException("bad query parameter: " + e.getMessage(), e);
        }
    }

    private WorkspaceException fail(String what, SQLException e) {
        return new WorkspaceException(what + " in " + file + " failed: " + e.getMessage(), e);
    }
}
