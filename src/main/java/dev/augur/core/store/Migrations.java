package dev.augur.core.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbered schema migrations read from {@code migrations/index.txt}; the schema version lives in SQLite's
 * {@code user_version}, so version N means the first N scripts have been applied.
 */
final class Migrations {
    private static final String ROOT = "migrations/";

    private Migrations() {
    }

    static List<String> scripts() {
        List<String> names = new ArrayList<>();
        try (InputStream in = resource("index.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    names.add(line);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("migration index unreadable", e);
        }
        return names;
    }

    static int latestVersion() {
        return scripts().size();
    }

    /** Brings the schema up to date; each script runs in its own transaction together with its version bump. */
    static void apply(Connection c, String file) throws SQLException {
        List<String> scripts = scripts();
        int current = version(c);
        if (current > scripts.size()) {
            throw new WorkspaceException(file + " was written by a newer Augur (schema " + current
                    + "; this version knows up to " + scripts.size() + "). Update Augur to open it.");
        }
        for (int v = current + 1; v <= scripts.size(); v++) {
            String sql = read(scripts.get(v - 1));
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String stmt : SqlScript.split(sql)) {
                    st.execute(stmt);
                }
                st.execute("PRAGMA user_version = " + v);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw new WorkspaceException("migration " + scripts.get(v - 1) + " failed on " + file + ": "
                        + e.getMessage(), e);
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    static int version(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String read(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("migration " + name + " unreadable", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Migrations.class.getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IllegalStateException("missing migration resource " + ROOT + name);
        }
        return in;
    }
}
