package dev.augur.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The rows of one dataset on their way into its tables: a prepared batch per table (interactions through an
 * {@link InteractionPipe}), with the dataset id bound into every row. Ids and the transaction belong to
 * {@link DatasetWriter}; this class only binds and sends, inside whatever transaction the connection is in.
 */
final class DatasetRows implements AutoCloseable {
    private final long datasetId;
    private final RowBatch users;
    private final RowBatch items;
    private final RowBatch reviews;
    private final RowBatch tags;
    private final PreparedStatement fillItem;
    private final InteractionPipe interactions;

    DatasetRows(Connection c, long datasetId) throws SQLException {
        this.datasetId = datasetId;
        users = new RowBatch(c, "INSERT INTO users(id, dataset_id, external_id, attributes) VALUES (?,?,?,?)");
        items = new RowBatch(c, "INSERT INTO items(id, dataset_id, external_id, title, description, categories, attributes)"
                + " VALUES (?,?,?,?,?,?,?)");
        reviews = new RowBatch(c, "INSERT INTO reviews(dataset_id, user_id, item_id, rating, ts, summary, text, attributes)"
                + " VALUES (?,?,?,?,?,?,?,?)");
        tags = new RowBatch(c, "INSERT INTO tags(dataset_id, user_id, item_id, tag, ts) VALUES (?,?,?,?,?)");
        fillItem = c.prepareStatement("UPDATE items SET title = ?, description = ?, categories = ?, attributes = ?"
                + " WHERE id = ?");
        // Last: it starts a thread, which a failure above would otherwise leave behind.
        interactions = new InteractionPipe(c, datasetId);
    }

    void user(int id, String externalId, String attributesJson) throws SQLException {
        PreparedStatement ps = users.ps;
        ps.setInt(1, id);
        ps.setLong(2, datasetId);
        ps.setString(3, externalId);
        ps.setString(4, attributesJson);
        users.add();
    }

    void item(int id, String externalId, String title, String description, String categories, String attributes)
            throws SQLException {
        PreparedStatement ps = items.ps;
        ps.setInt(1, id);
        ps.setLong(2, datasetId);
        ps.setString(3, externalId);
        ps.setString(4, title);
        ps.setString(5, description);
        ps.setString(6, categories);
        ps.setString(7, attributes);
        items.add();
    }

    /** Gives metadata to an item written bare earlier. */
    void fillItem(int id, String title, String description, String categoriesJson, String attributesJson)
            throws SQLException {
        items.flush(); // the bare row must exist before it can be updated
        fillItem.setString(1, title);
        fillItem.setString(2, description);
        fillItem.setString(3, categoriesJson);
        fillItem.setString(4, attributesJson);
        fillItem.setInt(5, id);
        fillItem.executeUpdate();
    }

    void interaction(int user, int item, double value, long ts, long impression) throws SQLException {
        interactions.add(user, item, value, ts, impression);
    }

    void review(int user, int item, double rating, long ts, String summary, String text, String attributesJson)
            throws SQLException {
        PreparedStatement ps = reviews.ps;
        ps.setLong(1, datasetId);
        ps.setInt(2, user);
        ps.setInt(3, item);
        if (Double.isNaN(rating)) {
            ps.setNull(4, Types.REAL);
        } else {
            ps.setDouble(4, rating);
        }
        if (ts == DatasetWriter.NO_TIMESTAMP) {
            ps.setNull(5, Types.INTEGER);
        } else {
            ps.setLong(5, ts);
        }
        ps.setString(6, summary);
        ps.setString(7, text);
        ps.setString(8, attributesJson);
        reviews.add();
    }

    void tag(int user, int item, String tag, long ts) throws SQLException {
        PreparedStatement ps = tags.ps;
        ps.setLong(1, datasetId);
        ps.setInt(2, user);
        ps.setInt(3, item);
        ps.setString(4, tag);
        if (ts == DatasetWriter.NO_TIMESTAMP) {
            ps.setNull(5, Types.INTEGER);
        } else {
            ps.setLong(5, ts);
        }
        tags.add();
    }

    /** Everything added so far is in the database (still uncommitted) when this returns. */
    void flush() throws SQLException {
        users.flush();
        items.flush();
        interactions.flush();
        reviews.flush();
        tags.flush();
    }

    /** Interactions added, counting any later deleted as duplicates. */
    long interactionRows() {
        return interactions.rows();
    }

    long reviewRows() {
        return reviews.rows();
    }

    long tagRows() {
        return tags.rows();
    }

    /** Stops the interaction writer: no batch lands after this returns. */
    @Override
    public void close() {
        interactions.close();
    }
}
