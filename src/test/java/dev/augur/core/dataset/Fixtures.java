package dev.augur.core.dataset;

import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Writes small input files for importer tests and runs imports into real workspace files. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path write(Path file, String text) {
        return write(file, text, StandardCharsets.UTF_8);
    }

    public static Path write(Path file, String text, Charset cs) {
        return bytes(file, text.getBytes(cs));
    }

    public static Path bytes(Path file, byte[] data) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, data);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] gzip(String text) {
        try {
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            try (OutputStream o = new GZIPOutputStream(bo)) {
                o.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return bo.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code keep} bytes only: a download that stopped early. */
    public static byte[] cut(byte[] data, int dropLast) {
        return Arrays.copyOf(data, data.length - dropLast);
    }

    public static ImportReport importInto(Path workspace, Path source, ImportOptions options) {
        try (Workspace ws = Workspace.open(workspace)) {
            return new ImportService(Importers.standard()).run(ws, source, options, TaskMonitor.NONE);
        }
    }
}
