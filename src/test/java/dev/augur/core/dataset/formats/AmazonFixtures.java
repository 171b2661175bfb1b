package dev.augur.core.dataset.formats;

import dev.augur.core.dataset.ImportOptions;
import dev.augur.core.dataset.ImportReport;
import dev.augur.core.dataset.ImportService;
import dev.augur.core.dataset.Importers;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes small Amazon files for the importer tests and reads back what an import stored. */
final class AmazonFixtures {
    private AmazonFixtures() {
    }

    static Path write(Path file, List<String> lines) {
        return write(file, lines, "\n");
    }

    static Path write(Path file, List<String> lines, String newline) {
        try {
            Files.writeString(file, String.join(newline, lines) + newline, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path gzip(Path file, List<String> lines) {
        return gzip(file, lines, "\n");
    }

    static Path gzip(Path file, List<String> lines, String newline) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join(newline, lines) + newline).getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts the last {@code n} bytes, as an interrupted download would. */
    static void truncate(Path file, int n) {
        try {
            byte[] b = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(b, b.length - n));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImportReport importInto(Workspace ws, Path source, ImportOptions options) {
        return new ImportService(Importers.standard()).run(ws, source, options, TaskMonitor.NONE);
    }

    static ImportReport importInto(Workspace ws, Path source) {
        return importInto(ws, source, ImportOptions.defaults());
    }

    /** One value from the workspace file, read over a separate connection as another program would. */
    static String sql(Workspace ws, String query) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.file());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }
}
