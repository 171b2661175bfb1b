package dev.augur.core.dataset.formats;

import dev.augur.core.dataset.ColumnMapping;
import dev.augur.core.dataset.Detection;
import dev.augur.core.dataset.ImportContext;
import dev.augur.core.dataset.Importer;
import dev.augur.core.dataset.formats.CsvColumns.Column;
import dev.augur.core.dataset.read.BadFieldException;
import dev.augur.core.dataset.read.CsvReader;
import dev.augur.core.dataset.read.Fields;
import dev.augur.core.dataset.read.Json;
import dev.augur.core.dataset.read.LineReader;
import dev.augur.core.dataset.read.Rows;
import dev.augur.core.dataset.read.TextEncoding;
import dev.augur.core.store.DatasetWriter;
import dev.augur.core.task.TaskMonitor;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Any delimited file of interactions: one row per (user, item[, value][, timestamp]), columns given by
 * {@code --columns} or guessed from common header names. Answers with the lowest confidence, so every
 * specific format wins over it.
 */
public final class CsvImporter implements Importer {
    private static final List<String> EXTENSIONS = List.of(".csv", ".tsv", ".txt");

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String family() {
        return "csv";
    }

    @Override
    public boolean dropsDuplicateInteractions() {
        return true;
    }

    @Override
    public Optional<Detection> detect(Path source) {
        Path file = null;
        if (Files.isRegularFile(source) && isDelimitedName(source)) {
            file = source;
        } else if (Files.isDirectory(source)) {
            try (Stream<Path> s = Files.list(source)) {
                List<Path> found = s.filter(p -> Files.isRegularFile(p) && isDelimitedName(p)).limit(2).toList();
                file = found.size() == 1 ? found.get(0) : null;
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        if (file == null) {
            return Optional.empty();
        }
        Path abs = file.toAbsolutePath();
        String name = Files.isDirectory(source) ? String.valueOf(source.toAbsolutePath().getFileName()) : baseName(abs);
        return Optional.of(new Detection(this, abs, 10, List.of(abs), name,
                "CSV/TSV file (" + abs.getFileName() + ")"));
    }

    private static boolean isDelimitedName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        String plain = n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
        return EXTENSIONS.stream().anyMatch(plain::endsWith);
    }

    private static String baseName(Path file) {
        String n = file.getFileName().toString();
        if (n.toLowerCase(Locale.ROOT).endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    @Override
    public void read(Detection d, DatasetWriter out, ImportContext ctx) {
        Path file = d.source();
        Optional<ColumnMapping> mapping = ctx.options().mapping();
        char delimiter = mapping.flatMap(ColumnMapping::delimiter).orElseGet(() -> sniff(file, ctx));
        ctx.message("Reading " + file.getFileName());
        try (LineReader lines = LineReader.open(file, TextEncoding.UTF8, ctx)) {
            CsvReader r = new CsvReader(lines, ctx, delimiter, true);
            String[] first = r.next();
            if (first == null) {
                throw empty(file, ctx);
            }
            CsvColumns cols = CsvColumns.resolve(first, mapping, r.file(), r.line(), ctx);
            RowWriter w = new RowWriter(cols, delimiter, out);
            if (!cols.hasHeader()) {
                try {
                    w.row(first);
                } catch (BadFieldException e) {
                    ctx.problem(r.file(), r.line(), e.field(), e.reason());
                }
            }
            Rows.each(r, ctx, (row, line) -> w.row(row));
            if (w.rows == 0 && ctx.skipped() == 0) {
                throw ctx.fatal(r.file(), 0, "", "the file has a header but no rows of data");
            }
        }
    }

    private static RuntimeException empty(Path file, ImportContext ctx) {
        return ctx.fatal(file.getFileName().toString(), 0, "", "the file is empty: expected a header row such as"
                + " user,item,rating,timestamp followed by one row per interaction");
    }

    /** Reads the first two records with a quiet context, so they count neither as progress nor as problems twice. */
    private static char sniff(Path file, ImportContext ctx) {
        ImportContext quiet = new ImportContext(ctx.options(), TaskMonitor.NONE, 0);
        List<String> head = new ArrayList<>(2);
        try (LineReader lines = LineReader.open(file, TextEncoding.UTF8, quiet)) {
            for (String s; head.size() < 2 && (s = lines.next()) != null; ) {
                if (!s.isBlank()) {
                    head.add(s);
                }
            }
        }
        if (head.isEmpty()) {
            throw empty(file, ctx);
        }
        return Delimiters.detect(head);
    }

    /** Turns one record into an interaction, declaring the item with its text the first time it appears. */
    private static final class RowWriter {
        private final CsvColumns cols;
        private final boolean decimalComma;
        private final DatasetWriter out;
        long rows;

        RowWriter(CsvColumns cols, char delimiter, DatasetWriter out) {
            this.cols = cols;
            this.decimalComma = delimiter == ';'; // spreadsheets that write ';' usually write "4,5" for 4.5
            this.out = out;
        }

        void row(String[] row) {
            rows++;
            String user = Fields.required(row, cols.user().index(), cols.user().name());
            String item = Fields.required(row, cols.item().index(), cols.item().name());
            double value = 1.0; // no value column: implicit feedback
            if (cols.value() != null) {
                String v = Fields.required(row, cols.value().index(), cols.value().name());
                value = Fields.number(decimalComma && v.indexOf('.') < 0 ? v.replace(',', '.') : v, cols.value().name());
            }
            long ts = DatasetWriter.NO_TIMESTAMP;
            if (cols.timestamp() != null) {
                String t = Fields.optional(row, cols.timestamp().index());
                ts = t.isEmpty() ? DatasetWriter.NO_TIMESTAMP : Fields.timestamp(t, cols.timestamp().name());
            }
            int itemId = cols.text().isEmpty() || out.isItemDeclared(item) ? out.item(item) : declare(item, row);
            out.interaction(out.user(user), itemId, value, ts, -1);
        }

        private int declare(String item, String[] row) {
            String title = cols.title() == null ? "" : Fields.optional(row, cols.title().index());
            List<String> description = new ArrayList<>();
            for (Column c : cols.descriptionColumns()) {
                String s = Fields.optional(row, c.index());
                if (!s.isEmpty()) {
                    description.add(s);
                }
            }
            ObjectNode a = Json.object();
            for (Column c : cols.text()) {
                Json.putIfPresent(a, c.name(), Fields.optional(row, c.index()));
            }
            return out.putItem(item, title.isEmpty() ? null : title,
                    description.isEmpty() ? null : String.join("\n", description), "[]", a.toString());
        }
    }
}
