package dev.augur.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Prompt template versions edited in this workspace ({@code prompt_templates}). A save is always a new version;
 * nothing is overwritten.
 */
public final class PromptTemplateStore {
    private final Workspace workspace;
    private final Connection writer;
    private final Connection reader;
    private final Path file;

    PromptTemplateStore(Workspace workspace, Connection writer, Connection reader) {
        this.workspace = workspace;
        this.writer = writer;
        this.reader = reader;
        this.file = workspace.file();
    }

    /**
     * Saves {@code bodyJson} as the next version of template {@code id}: one above the highest stored, and at least
     * {@code atLeast} (so an edit of a bundled version 3 becomes 4 or more). The version is chosen and written in
     * one transaction under the write lock.
     */
    public StoredTemplate add(String id, int atLeast, String bodyJson, String author) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bodyJson, "bodyJson");
        Objects.requireNonNull(author, "author");
        String now = Instant.now().toString();
        workspace.acquireWriter();
        try {
            boolean auto = writer.getAutoCommit();
            writer.setAutoCommit(false);
            try {
                int version;
                try (PreparedStatement ps = writer.prepareStatement(
                        "SELECT coalesce(max(version), 0) FROM prompt_templates WHERE id = ?")) {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        version = Math.max(rs.getInt(1) + 1, atLeast);
                    }
                }
                try (PreparedStatement ps = writer.prepareStatement("INSERT INTO prompt_templates(id, version, body,"
                        + " author, created_at) VALUES (?,?,?,?,?)")) {
                    ps.setString(1, id);
                    ps.setInt(2, version);
                    ps.setString(3, bodyJson);
                    ps.setString(4, author);
                    ps.setString(5, now);
                    ps.executeUpdate();
                }
                writer.commit();
                return new StoredTemplate(id, version, bodyJson, author, now);
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new WorkspaceException("saving prompt template " + id + " in " + file + " failed: " + e.getMessage(), e);
        } finally {
            workspace.releaseWriter();
        }
    }

    /** Every stored version of every template, by id then version. */
    public List<StoredTemplate> all() {
        return query("SELECT id, version, body, author, created_at FROM prompt_templates ORDER BY id, version", null);
    }

    /** Every stored version of one template, oldest first. */
    public List<StoredTemplate> versions(String id) {
        return query("SELECT id, version, body, author, created_at FROM prompt_templates WHERE id = ? ORDER BY version", id);
    }

    private List<StoredTemplate> query(String sql, String id) {
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement(sql)) {
                if (id != null) {
                    ps.setString(1, id);
                }
                List<StoredTemplate> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredTemplate(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                                rs.getString(5)));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new WorkspaceException("reading prompt templates in " + file + " failed: " + e.getMessage(), e);
            }
        }
    }
}
