package dev.augur.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The workspace's {@code generations} table: every LLM output, import and edit, never updated in place except for
 * its review status. Reads share the workspace's read connection (one query at a time); writes take the
 * workspace's write lock and run in one transaction per call, so a finished item is durable as soon as
 * {@link #put} returns (a killed run resumes without repeating it).
 */
public final class GenerationStore {
    private static final String COLUMNS = "id, dataset_id, entity_kind, entity_id, template_id, template_version,"
            + " cache_key, model, params, prompt_hash, prompt, latency_ms, prompt_tokens, completion_tokens, raw_output,"
            + " parsed_json, status, error, provenance, source_file, source_line, parent_id, author, review_status,"
            + " created_at";
    private static final int BATCH = 500;

    private final Workspace workspace;
    private final Connection writer;
    private final Connection reader;
    private final Path file;

    GenerationStore(Workspace workspace, Connection writer, Connection reader) {
        this.workspace = workspace;
        this.writer = writer;
        this.reader = reader;
        this.file = workspace.file();
    }

    /**
     * Stores {@code rows} in one transaction and returns their new ids in order. Ids and times of the given rows are
     * ignored (assigned here).
     * @throws WorkspaceException when a dataset does not exist or the write fails
     */
    public List<Long> put(List<Generation> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String now = Instant.now().toString();
        workspace.acquireWriter();
        try {
            boolean auto = writer.getAutoCommit();
            writer.setAutoCommit(false);
            try {
                List<Long> ids = insert(rows, now);
                writer.commit();
                return ids;
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw fail("storing " + rows.size() + " generations", e);
        } finally {
            workspace.releaseWriter();
        }
    }

    /** Stores one row; see {@link #put(List)}. */
    public Generation put(Generation row) {
        long id = put(List.of(row)).get(0);
        return get(id).orElseThrow();
    }

    private List<Long> insert(List<Generation> rows, String now) throws SQLException {
        List<Long> ids = new ArrayList<>(rows.size());
        // one row per executeUpdate: the generated id of each row is needed; rows are few per call
        try (PreparedStatement ps = writer.prepareStatement("INSERT INTO generations(" + COLUMNS.substring(4)
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            for (Generation g : rows) {
                int i = 1;
                ps.setLong(i++, g.datasetId());
                ps.setString(i++, g.entityKind());
                ps.setLong(i++, g.entityId());
                ps.setString(i++, g.templateId());
                ps.setInt(i++, g.templateVersion());
                text(ps, i++, g.cacheKey());
                text(ps, i++, g.model());
                text(ps, i++, g.paramsJson());
                text(ps, i++, g.promptHash());
                text(ps, i++, g.prompt());
                ps.setLong(i++, g.latencyMs());
                ps.setInt(i++, g.promptTokens());
                ps.setInt(i++, g.completionTokens());
                text(ps, i++, g.rawOutput());
                text(ps, i++, g.parsedJson());
                ps.setString(i++, g.status());
                text(ps, i++, g.error());
                ps.setString(i++, g.provenance());
                text(ps, i++, g.sourceFile());
                if (g.sourceLine() > 0) {
                    ps.setLong(i++, g.sourceLine());
                } else {
                    ps.setNull(i++, Types.INTEGER);
                }
                if (g.parentId() > 0) {
                    ps.setLong(i++, g.parentId());
                } else {
                    ps.setNull(i++, Types.INTEGER);
                }
                text(ps, i++, g.author());
                ps.setString(i++, g.reviewStatus());
                ps.setString(i, g.createdAt().isEmpty() ? now : g.createdAt());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    ids.add(keys.getLong(1));
                }
            }
        }
        return ids;
    }

    /** One generation by id. */
    public Optional<Generation> get(long id) {
        List<Generation> found = query("SELECT " + COLUMNS + " FROM generations WHERE id = ?", List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The newest generation with status ok stored under {@code cacheKey}, if any. */
    public Optional<Generation> findOkByCacheKey(String cacheKey) {
        Objects.requireNonNull(cacheKey, "cacheKey");
        List<Generation> found = query("SELECT " + COLUMNS + " FROM generations WHERE cache_key = ? AND status = 'ok'"
                + " ORDER BY id DESC LIMIT 1", List.of(cacheKey));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every generation of one user or item (any template, status, provenance), oldest first. */
    public List<Generation> history(long datasetId, String entityKind, long entityId) {
        return query("SELECT " + COLUMNS + " FROM generations WHERE dataset_id = ? AND entity_kind = ? AND entity_id = ?"
                + " ORDER BY id", List.of(datasetId, entityKind, entityId)); // ids grow with time
    }

    /** The newest ok generation (an edit counts) of one entity for one template, any version. */
    public Optional<Generation> latest(long datasetId, String entityKind, long entityId, String templateId) {
        List<Generation> found = query("SELECT " + COLUMNS + " FROM generations WHERE dataset_id = ? AND entity_kind = ?"
                + " AND entity_id = ? AND template_id = ? AND status = 'ok' ORDER BY id DESC LIMIT 1",
                List.of(datasetId, entityKind, entityId, templateId));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Entity id → its newest ok generation (an edit counts) for one template, any version, in entity id order. */
    public Map<Long, Generation> latestPerEntity(long datasetId, String entityKind, String templateId) {
        List<Generation> rows = query("SELECT " + COLUMNS + " FROM generations g WHERE g.id IN (SELECT max(id)"
                + " FROM generations WHERE dataset_id = ? AND entity_kind = ? AND template_id = ? AND status = 'ok'"
                + " GROUP BY entity_id) ORDER BY g.entity_id", List.of(datasetId, entityKind, templateId));
        Map<Long, Generation> out = new LinkedHashMap<>();
        for (Generation g : rows) {
            out.put(g.entityId(), g);
        }
        return out;
    }

    /**
     * An analyst's edit of generation {@code parentId}: a new row with the edited output, provenance {@code edit},
     * the author, review status pending, and everything else (entity, template, model, prompt) from the parent,
     * which stays as it was.
     * @throws WorkspaceException when there is no generation {@code parentId}
     */
    public Generation edit(long parentId, String rawOutput, String parsedJson, String author) {
        Generation p = get(parentId).orElseThrow(() -> new WorkspaceException("no generation " + parentId + " in " + file));
        Generation e = new Generation(0, p.datasetId(), p.entityKind(), p.entityId(), p.templateId(), p.templateVersion(),
                "", p.model(), p.paramsJson(), p.promptHash(), p.prompt(), 0, 0, 0, rawOutput, parsedJson,
                Generation.OK, "", "edit", "", 0, parentId, Objects.requireNonNull(author, "author"), "pending", "");
        return put(e);
    }

    /** Sets the review status ({@code pending}, {@code approved}, {@code rejected}) of one generation. */
    public void setReviewStatus(long id, String reviewStatus) {
        if (!List.of("pending", "approved", "rejected").contains(reviewStatus)) {
            throw new IllegalArgumentException("review status must be pending, approved or rejected: " + reviewStatus);
        }
        workspace.acquireWriter();
        try (PreparedStatement ps = writer.prepareStatement("UPDATE generations SET review_status = ? WHERE id = ?")) {
            ps.setString(1, reviewStatus);
            ps.setLong(2, id);
            if (ps.executeUpdate() == 0) {
                throw new WorkspaceException("no generation " + id + " in " + file);
            }
        } catch (SQLException e) {
            throw fail("setting the review status of generation " + id, e);
        } finally {
            workspace.releaseWriter();
        }
    }

    /** Generations matching {@code filter}, newest first, rows {@code offset .. offset + limit - 1}. */
    public GenerationPage list(GenerationFilter filter, long offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        synchronized (reader) {
            try {
                boolean auto = reader.getAutoCommit();
                if (auto) {
                    reader.setAutoCommit(false); // total and rows from one snapshot
                }
                try {
                    long total = scalar("SELECT count(*) FROM generations" + where, args);
                    List<Object> pageArgs = new ArrayList<>(args);
                    pageArgs.add((long) limit);
                    pageArgs.add(offset);
                    List<Generation> rows = queryLocked("SELECT " + COLUMNS + " FROM generations" + where
                            + " ORDER BY id DESC LIMIT ? OFFSET ?", pageArgs);
                    return new GenerationPage(total, offset, rows);
                } finally {
                    if (auto) {
                        reader.rollback();
                        reader.setAutoCommit(true);
                    }
                }
            } catch (SQLException e) {
                throw fail("listing generations", e);
            }
        }
    }

    /** Counts of the generations matching {@code filter}. */
    public GenerationCounts counts(GenerationFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        String sql = "SELECT count(*), coalesce(sum(status = 'ok'), 0), coalesce(sum(status = 'failed'), 0),"
                + " coalesce(sum(review_status = 'pending'), 0), coalesce(sum(review_status = 'approved'), 0),"
                + " coalesce(sum(review_status = 'rejected'), 0), coalesce(sum(provenance = 'llm'), 0),"
                + " coalesce(sum(provenance = 'imported'), 0), coalesce(sum(provenance = 'edit'), 0)"
                + " FROM generations" + where;
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement(sql)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new GenerationCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9));
                }
            } catch (SQLException e) {
                throw fail("counting generations", e);
            }
        }
    }

    /**
     * The mean completion tokens of the ok LLM generations of one template version, over at most the latest
     * {@code sample} of them; empty when there are none.
     */
    public OptionalDouble averageCompletionTokens(String templateId, int templateVersion, int sample) {
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement("SELECT avg(completion_tokens), count(*) FROM (SELECT"
                    + " completion_tokens FROM generations WHERE template_id = ? AND template_version = ?"
                    + " AND provenance = 'llm' AND status = 'ok' AND completion_tokens > 0 ORDER BY id DESC LIMIT ?)")) {
                ps.setString(1, templateId);
                ps.setInt(2, templateVersion);
                ps.setInt(3, sample);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getLong(2) > 0 ? OptionalDouble.of(rs.getDouble(1)) : OptionalDouble.empty();
                }
            } catch (SQLException e) {
                throw fail("averaging completion tokens of " + templateId, e);
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static String where(GenerationFilter f, List<Object> args) {
        List<String> parts = new ArrayList<>();
        if (f.datasetId() > 0) {
            parts.add("dataset_id = ?");
            args.add(f.datasetId());
        }
        add(parts, args, "entity_kind", f.entityKind());
        add(parts, args, "template_id", f.templateId());
        add(parts, args, "status", f.status());
        add(parts, args, "review_status", f.reviewStatus());
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    private static void add(List<String> parts, List<Object> args, String column, String value) {
        if (!value.isEmpty()) {
            parts.add(column + " = ?");
            args.add(value);
        }
    }

    private List<Generation> query(String sql, List<Object> args) {
        synchronized (reader) {
            try {
                return queryLocked(sql, args);
            } catch (SQLException e) {
                throw fail("reading generations", e);
            }
        }
    }

    private List<Generation> queryLocked(String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = reader.prepareStatement(sql)) {
            bind(ps, args);
            List<Generation> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        }
    }

    private long scalar(String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = reader.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, (String) a);
            }
        }
    }

    private static Generation row(ResultSet rs) throws SQLException {
        return new Generation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getLong(12), rs.getInt(13), rs.getInt(14), rs.getString(15), rs.getString(16), rs.getString(17),
                rs.getString(18), rs.getString(19), rs.getString(20), rs.getLong(21), rs.getLong(22), rs.getString(23),
                rs.getString(24), rs.getString(25));
    }

    private static void text(PreparedStatement ps, int i, String value) throws SQLException {
        if (value.isEmpty()) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, value);
        }
    }

    private WorkspaceException fail(String what, SQLException e) {
        return new WorkspaceException(what + " in " + file + " failed: " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "GenerationStore[" + file + "]";
    }
}
