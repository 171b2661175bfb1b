package dev.augur.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Synthetic interactions: proposals stored as {@code interactions} rows with source 'synthetic' and status
 * 'pending' plus a {@code synthetic} row with their provenance. They never count as observed data; only accepted
 * ones join training, and only when asked for.
 */
public final class SyntheticStore {
    static final String ROW_SELECT = "SELECT x.id, x.dataset_id, x.user_id, u.external_id, x.item_id, i.external_id,"
            + " coalesce(i.title, ''), x.value, x.status, s.origin, s.target, s.model, s.confidence, s.rationale,"
            + " s.proposed_value, s.content_score, s.collab_score, s.generation_id, s.source_file, s.source_line,"
            + " s.created_at FROM synthetic s JOIN interactions x ON x.id = s.interaction_id"
            + " JOIN users u ON u.id = x.user_id JOIN items i ON i.id = x.item_id";

    private final Workspace workspace;
    private final Connection writer;
    private final Connection reader;
    private final Path file;

    SyntheticStore(Workspace workspace, Connection writer, Connection reader) {
        this.workspace = workspace;
        this.writer = writer;
        this.reader = reader;
        this.file = workspace.file();
    }

    /** What {@link #add} did: the new interaction ids and how many proposals were dropped as repeats. */
    public record Added(List<Long> ids, int duplicates) {
        public int created() {
            return ids.size();
        }
    }

    /**
     * Stores proposals as pending synthetic interactions, all or nothing. A proposal for a pair the user already has
     * (observed, or synthetic and not rejected) is dropped and counted, as is a repeat within {@code proposals}.
     */
    public Added add(long datasetId, List<SyntheticProposal> proposals) {
        String now = Instant.now().toString();
        workspace.acquireWriter();
        try {
            return ImmediateTransaction.run(writer, () -> {
                List<Long> ids = new ArrayList<>();
                int duplicates = 0;
                try (PreparedStatement exists = writer.prepareStatement("SELECT 1 FROM interactions WHERE user_id = ?"
                        + " AND item_id = ? AND (status IS NULL OR status <> 'rejected') LIMIT 1");
                     PreparedStatement ix = writer.prepareStatement("INSERT INTO interactions(dataset_id, user_id,"
                             + " item_id, value, ts, source, status) VALUES (?,?,?,?,?,'synthetic','pending')",
                             java.sql.Statement.RETURN_GENERATED_KEYS);
                     PreparedStatement sx = writer.prepareStatement("INSERT INTO synthetic(interaction_id, dataset_id,"
                             + " origin, target, model, confidence, rationale, proposed_value, content_score,"
                             + " collab_score, generation_id, source_file, source_line, created_at)"
                             + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                    long ts = Instant.now().getEpochSecond();
                    for (SyntheticProposal p : proposals) {
                        exists.setLong(1, p.userId());
                        exists.setLong(2, p.itemId());
                        try (ResultSet rs = exists.executeQuery()) {
                            if (rs.next()) {
                                duplicates++;
                                continue;
                            }
                        }
                        ix.setLong(1, datasetId);
                        ix.setLong(2, p.userId());
                        ix.setLong(3, p.itemId());
                        ix.setDouble(4, p.value());
                        ix.setLong(5, ts);
                        ix.executeUpdate();
                        long id;
                        try (ResultSet keys = ix.getGeneratedKeys()) {
                            keys.next();
                            id = keys.getLong(1);
                        }
                        int i = 1;
                        sx.setLong(i++, id);
                        sx.setLong(i++, datasetId);
                        sx.setString(i++, p.origin());
                        sx.setString(i++, p.target());
                        sx.setString(i++, p.model());
                        real(sx, i++, p.confidence());
                        sx.setString(i++, p.rationale());
                        real(sx, i++, p.value());
                        real(sx, i++, p.contentScore());
                        real(sx, i++, p.collabScore());
                        if (p.generationId() > 0) {
                            sx.setLong(i++, p.generationId());
                        } else {
                            sx.setNull(i++, Types.INTEGER);
                        }
                        sx.setString(i++, p.sourceFile());
                        sx.setLong(i++, p.sourceLine());
                        sx.setString(i, now);
                        sx.executeUpdate();
                        ids.add(id);
                    }
                }
                return new Added(ids, duplicates);
            });
        } catch (SQLException e) {
            throw new WorkspaceException("cannot store " + proposals.size() + " synthetic interactions in " + file
                    + ": " + e.getMessage(), e);
        } finally {
            workspace.releaseWriter();
        }
    }

    static void real(PreparedStatement ps, int at, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(at, Types.REAL);
        } else {
            ps.setDouble(at, v);
        }
    }

    /** The rows matching {@code f}, in its order, {@code limit} from {@code offset}. */
    public List<SyntheticRow> list(SyntheticFilter f, long offset, int limit) {
        List<Object> args = new ArrayList<>();
        String sql = ROW_SELECT + where(f, args) + " ORDER BY " + order(f.sort()) + " LIMIT ? OFFSET ?";
        args.add(limit);
        args.add(offset);
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement(sql)) {
                bind(ps, args);
                List<SyntheticRow> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new WorkspaceException("cannot read synthetic interactions from " + file + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** How many rows match {@code f}. */
    public long count(SyntheticFilter f) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT count(*) FROM synthetic s JOIN interactions x ON x.id = s.interaction_id"
                + " JOIN users u ON u.id = x.user_id JOIN items i ON i.id = x.item_id" + where(f, args);
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement(sql)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0;
                }
            } catch (SQLException e) {
                throw new WorkspaceException("cannot count synthetic interactions in " + file + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** The interaction ids matching {@code f}, in its order (for bulk decisions). */
    public List<Long> ids(SyntheticFilter f) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT x.id FROM synthetic s JOIN interactions x ON x.id = s.interaction_id"
                + " JOIN users u ON u.id = x.user_id JOIN items i ON i.id = x.item_id" + where(f, args)
                + " ORDER BY " + order(f.sort());
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement(sql)) {
                bind(ps, args);
                List<Long> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new WorkspaceException("cannot read synthetic interactions from " + file + ": "
                        + e.getMessage(), e);
            }
        }
    }

    public Optional<SyntheticRow> get(long interactionId) {
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement(ROW_SELECT + " WHERE x.id = ?")) {
                ps.setLong(1, interactionId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new WorkspaceException("cannot read synthetic interaction " + interactionId + " from " + file
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /** The distinct models that proposed interactions in {@code datasetId}, for the queue's filter. */
    public List<String> models(long datasetId) {
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement("SELECT DISTINCT model FROM synthetic"
                    + " WHERE dataset_id = ? ORDER BY model")) {
                ps.setLong(1, datasetId);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new WorkspaceException("cannot read synthetic models from " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static String where(SyntheticFilter f, List<Object> args) {
        StringBuilder w = new StringBuilder(" WHERE x.source = 'synthetic'");
        if (f.datasetId() > 0) {
            w.append(" AND s.dataset_id = ?");
            args.add(f.datasetId());
        }
        if (!f.status().isEmpty()) {
            w.append(" AND x.status = ?");
            args.add(f.status());
        }
        if (!f.model().isEmpty()) {
            w.append(" AND s.model = ?");
            args.add(f.model());
        }
        if (!Double.isNaN(f.minConfidence())) {
            w.append(" AND s.confidence >= ?");
            args.add(f.minConfidence());
        }
        if (!Double.isNaN(f.maxConfidence())) {
            w.append(" AND s.confidence <= ?");
            args.add(f.maxConfidence());
        }
        if (!f.itemExternalId().isEmpty()) {
            w.append(" AND i.external_id = ?");
            args.add(f.itemExternalId());
        }
        if (!f.userExternalId().isEmpty()) {
            w.append(" AND u.external_id = ?");
            args.add(f.userExternalId());
        }
        if (!f.batch().isEmpty()) {
            w.append(" AND x.id IN (SELECT interaction_id FROM review_assignments WHERE batch = ?)");
            args.add(f.batch());
        }
        return w.toString();
    }

    private static String order(String sort) {
        return switch (sort) {
            case "confidence" -> "s.confidence IS NULL, s.confidence DESC, x.id";
            case "confidence-asc" -> "s.confidence IS NULL, s.confidence ASC, x.id";
            case "newest" -> "x.id DESC";
            case "item" -> "i.external_id, x.id";
            case "user" -> "u.external_id, x.id";
            default -> "x.id";
        };
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (a instanceof Double d) {
                ps.setDouble(i + 1, d);
            } else {
                ps.setString(i + 1, (String) a);
            }
        }
    }

    static SyntheticRow row(ResultSet rs) throws SQLException {
        return new SyntheticRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), num(rs, 8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), num(rs, 13), rs.getString(14), num(rs, 15), num(rs, 16), num(rs, 17),
                rs.getLong(18), rs.getString(19), rs.getLong(20), rs.getString(21));
    }

    static double num(ResultSet rs, int at) throws SQLException {
        double v = rs.getDouble(at);
        return rs.wasNull() ? Double.NaN : v;
    }
}
