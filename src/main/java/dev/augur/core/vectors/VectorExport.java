package dev.augur.core.vectors;

import dev.augur.core.store.VectorMatrix;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongFunction;

/**
 * Exports a vector set for numpy and pandas: the matrix as a {@code .npy} file and, in a CSV beside it, which
 * entity each row is. Both files are written to hidden temporary siblings and moved into place only when both are
 * complete, so a failure leaves neither a half-written file nor a temporary one behind.
 */
public final class VectorExport {
    private VectorExport() {
    }

    /**
     * Writes {@code m} to {@code npy} and its row labels to {@code idsCsv}: a header {@code row,entity_id,<labelHeaders…>}
     * and one line per row in matrix order ({@code row} counts from 0), fields quoted as RFC 4180 asks (those
     * holding a comma, a double quote or a line break are put in double quotes, a double quote doubled), UTF-8,
     * lines ending in {@code \n}.
     * @param labels the label values of an entity id, one per header; null values are written as empty fields
     * @throws IllegalArgumentException when {@code labels} gives a row a different number of values than there are headers
     * @throws IOException when a file cannot be written; a failure while writing leaves existing files at {@code npy}
     *         and {@code idsCsv} untouched
     */
    public static void write(VectorMatrix m, LongFunction<String[]> labels, String[] labelHeaders, Path npy, Path idsCsv)
            throws IOException {
        Objects.requireNonNull(labels, "labels");
        Path npyTarget = npy.toAbsolutePath();
        Path csvTarget = idsCsv.toAbsolutePath();
        if (npyTarget.normalize().equals(csvTarget.normalize())) {
            throw new IllegalArgumentException("the .npy file and the id CSV are the same file: " + npyTarget);
        }
        Path npyTemp = null;
        Path csvTemp = null;
        try {
            npyTemp = tempSibling(npyTarget);
            NpyWriter.write(npyTemp, m);
            csvTemp = tempSibling(csvTarget);
            writeCsv(m, labels, labelHeaders, csvTemp);
            move(npyTemp, npyTarget);
            npyTemp = null;
            move(csvTemp, csvTarget);
            csvTemp = null;
        } finally {
            deleteQuietly(npyTemp);
            deleteQuietly(csvTemp);
        }
    }

    private static void writeCsv(VectorMatrix m, LongFunction<String[]> labels, String[] headers, Path file)
            throws IOException {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(
                Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE),
                StandardCharsets.UTF_8), 1 << 16)) {
            w.write("row,entity_id");
            for (String h : headers) {
                w.write(',');
                w.write(quote(h));
            }
            w.write('\n');
            long[] ids = m.entityIds();
            for (int i = 0; i < ids.length; i++) {
                w.write(Integer.toString(i));
                w.write(',');
                w.write(Long.toString(ids[i]));
                String[] values = labels.apply(ids[i]);
                int n = values == null ? 0 : values.length;
                if (values != null && n != headers.length) {
                    throw new IllegalArgumentException("the labels of entity " + ids[i] + " have " + n
                            + " values for " + headers.length + " headers");
                }
                for (int j = 0; j < headers.length; j++) {
                    w.write(',');
                    w.write(quote(values == null ? null : values[j]));
                }
                w.write('\n');
            }
        }
    }

    /** A CSV field as RFC 4180 writes it. */
    static String quote(String value) {
        if (value == null) {
            return "";
        }
        boolean needs = false;
        for (int i = 0; i < value.length() && !needs; i++) {
            char ch = value.charAt(i);
            needs = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
        }
        return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** A new empty hidden file beside {@code target} (same folder, so the final move is a rename). */
    private static Path tempSibling(Path target) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        String name = "." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp";
        return Files.createFile(dir.resolve(name));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary file we could not remove; nothing else to do
            }
        }
    }
}
