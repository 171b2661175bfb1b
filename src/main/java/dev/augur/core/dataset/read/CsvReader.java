package dev.augur.core.dataset.read;

import dev.augur.core.dataset.ImportContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Delimited records in the RFC 4180 way: fields may be quoted, quotes inside are doubled, and a quoted field
 * may span lines. Blank lines are skipped. {@link #line()} is the line where the current record starts.
 */
public final class CsvReader {
    private final LineReader lines;
    private final ImportContext ctx;
    private final char delimiter;
    private final boolean quoting;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private long recordLine;

    /** @param quoting false for formats where a quote is an ordinary character (MovieLens {@code u.item}) */
    public CsvReader(LineReader lines, ImportContext ctx, char delimiter, boolean quoting) {
        this.lines = lines;
        this.ctx = ctx;
        this.delimiter = delimiter;
        this.quoting = quoting;
    }

    public String file() {
        return lines.file();
    }

    public long line() {
        return recordLine;
    }

    /** The next record's fields, or null at the end of the file. */
    public String[] next() {
        String s;
        do {
            s = lines.next();
            if (s == null) {
                return null;
            }
        } while (s.isEmpty());
        recordLine = lines.line();
        if (!quoting || s.indexOf('"') < 0) {
            return split(s);
        }
        return parseQuoted(s);
    }

    private String[] split(String s) {
        fields.clear();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == delimiter) {
                fields.add(s.substring(start, i));
                start = i + 1;
            }
        }
        fields.add(s.substring(start));
        return fields.toArray(new String[0]);
    }

    private String[] parseQuoted(String first) {
        fields.clear();
        field.setLength(0);
        String s = first;
        int i = 0;
        boolean inQuotes = false;
        boolean wasQuoted = false;
        while (true) {
            if (i == s.length()) {
                if (!inQuotes) {
                    break;
                }
                String more = lines.next();
                if (more == null) {
                    throw ctx.fatal(lines.file(), recordLine, "", "a quoted field opened here is never closed");
                }
                field.append('\n');
                s = more;
                i = 0;
                continue;
            }
            char ch = s.charAt(i++);
            if (inQuotes) {
                if (ch == '"') {
                    if (i < s.length() && s.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.length() == 0 && !wasQuoted) {
                inQuotes = true;
                wasQuoted = true;
            } else if (ch == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields.toArray(new String[0]);
    }
}
