package dev.augur.core.dataset.read;

import dev.augur.core.dataset.ImportContext;

import java.util.ArrayList;
import java.util.List;

/** The loop every delimited importer runs: one row at a time, bad fields reported with file and line. */
public final class Rows {
    private Rows() {
    }

    /** Handles one parsed row; throws {@link BadFieldException} to reject it. */
    @FunctionalInterface
    public interface Handler {
        void row(String[] fields, long line);
    }

    /** Handles one raw line; throws {@link BadFieldException} to reject it. */
    @FunctionalInterface
    public interface LineHandler {
        void line(String text, long line);
    }

    public static void each(CsvReader reader, ImportContext ctx, Handler handler) {
        for (String[] row; (row = reader.next()) != null; ) {
            try {
                handler.row(row, reader.line());
            } catch (BadFieldException e) {
                ctx.problem(reader.file(), reader.line(), e.field(), e.reason());
            }
        }
    }

    /** Every non-blank line of {@code reader}. */
    public static void eachLine(LineReader reader, ImportContext ctx, LineHandler handler) {
        for (String s; (s = reader.next()) != null; ) {
            if (s.isBlank()) {
                continue;
            }
            try {
                handler.line(s, reader.line());
            } catch (BadFieldException e) {
                ctx.problem(reader.file(), reader.line(), e.field(), e.reason());
            }
        }
    }

    /** Splits on a multi-character separator such as MovieLens 1M's {@code ::}. */
    public static String[] split(String s, String separator) {
        List<String> out = new ArrayList<>(6);
        int start = 0;
        int at;
        while ((at = s.indexOf(separator, start)) >= 0) {
            out.add(s.substring(start, at));
            start = at + separator.length();
        }
        out.add(s.substring(start));
        return out.toArray(new String[0]);
    }

    /** Fails the row unless it has exactly {@code n} fields. */
    public static void expectFields(String[] row, int n, String what) {
        if (row.length != n) {
            throw new BadFieldException("", "expected " + n + " fields (" + what + "), found " + row.length);
        }
    }
}
