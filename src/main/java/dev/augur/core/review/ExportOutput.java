package dev.augur.core.review;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of one export: each is written under a hidden temporary name and only renamed into place by
 * {@link #commit}, after all of them were written; {@link #abandon} deletes the temporary files.
 */
final class ExportOutput {
    private final Path dir;
    private final Map<Path, Path> files = new LinkedHashMap<>(); // temporary → target

    ExportOutput(Path dir) {
        this.dir = dir;
    }

    Writer open(String name) throws IOException {
        Path target = dir.resolve(name);
        Path tmp = dir.resolve("." + name + ".part");
        files.put(tmp, target);
        return new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16);
    }

    List<Path> targets() {
        return List.copyOf(files.values());
    }

    void commit() {
        for (Path target : files.values()) {
            if (Files.isDirectory(target)) { // found before any file moves, so nothing is half-replaced
                abandon();
                throw new IllegalArgumentException("cannot write " + target + ": it is a folder");
            }
        }
        try {
            for (Map.Entry<Path, Path> e : files.entrySet()) {
                try {
                    Files.move(e.getKey(), e.getValue(), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException x) {
                    Files.move(e.getKey(), e.getValue(), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            abandon();
            throw new UncheckedIOException("cannot move the export into " + dir + ": " + e.getMessage(), e);
        }
    }

    void abandon() {
        for (Path tmp : files.keySet()) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: a leftover .part file is hidden and harmless
            }
        }
    }
}
