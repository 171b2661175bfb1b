package dev.augur.core.dataset.formats;

import dev.augur.core.dataset.ColumnMapping;
import dev.augur.core.dataset.ImportContext;
import dev.augur.core.dataset.read.BadFieldException;
import dev.augur.core.dataset.read.Fields;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where each role sits in a generic CSV row. {@code value}, {@code timestamp} and {@code title} are null when
 * absent; {@code text} lists every text column (the title's included) for the item's attributes.
 */
record CsvColumns(boolean hasHeader, Column user, Column item, Column value, Column timestamp, Column title,
                  List<Column> text) {

    /** A column: 0-based index and the name used in attributes and problem reports. */
    record Column(int index, String name) {
    }

    static final List<String> USER = List.of("user", "user_id", "userId", "uid", "reviewerID", "customer_id");
    static final List<String> ITEM = List.of("item", "item_id", "itemId", "movieId", "asin", "product_id", "iid");
    static final List<String> VALUE = List.of("rating", "score", "value", "label", "overall", "click");
    static final List<String> TIMESTAMP = List.of("timestamp", "time", "ts", "date", "unixReviewTime");
    static final List<String> TITLE = List.of("title");

    /** Text columns other than the title, whose values make up the item description. */
    List<Column> descriptionColumns() {
        return title == null ? text : text.stream().filter(c -> c.index() != title.index()).toList();
    }

    /**
     * Resolves the columns from the first record of the file.
     * @throws dev.augur.core.dataset.ImportException naming the file and the header when a column cannot be found
     */
    static CsvColumns resolve(String[] first, Optional<ColumnMapping> mapping, String file, long line, ImportContext ctx) {
        String[] header = Arrays.stream(first).map(String::strip).toArray(String[]::new);
        return mapping.isPresent() ? mapped(header, mapping.get(), file, line, ctx) : guessed(header, file, line, ctx);
    }

    private static CsvColumns guessed(String[] header, String file, long line, ImportContext ctx) {
        Column user = guess(header, USER);
        Column item = guess(header, ITEM);
        if (user == null || item == null) {
            throw ctx.fatal(file, line, "", "cannot tell which columns hold " + (user == null ? "users" : "items")
                    + "; the header has: " + String.join(", ", header) + ". Name the columns with --columns"
                    + " user=<column>,item=<column>[,value=<column>,timestamp=<column>,title=<column>] using header"
                    + " names or 0-based indexes (user=0,item=1 for a file without a header)");
        }
        Column title = guess(header, TITLE);
        return new CsvColumns(true, user, item, guess(header, VALUE), guess(header, TIMESTAMP), title,
                title == null ? List.of() : List.of(title));
    }

    private static Column guess(String[] header, List<String> names) {
        for (String n : names) {
            int i = indexOf(header, n);
            if (i >= 0) {
                return new Column(i, header[i]);
            }
        }
        return null;
    }

    private static CsvColumns mapped(String[] header, ColumnMapping m, String file, long line, ImportContext ctx) {
        List<String> specs = new ArrayList<>(List.of(m.user(), m.item()));
        m.value().ifPresent(specs::add);
        m.timestamp().ifPresent(specs::add);
        m.title().ifPresent(specs::add);
        specs.addAll(m.textColumns());
        // Only indexes can address a file without a header; then the first row tells whether it is data.
        boolean hasHeader = !specs.stream().allMatch(CsvColumns::isIndex) || looksLikeHeader(header, m);
        Resolver r = new Resolver(header, hasHeader, file, line, ctx);
        Column user = r.column(m.user(), "user");
        Column item = r.column(m.item(), "item");
        Column value = m.value().map(s -> r.column(s, "value")).orElse(null);
        Column ts = m.timestamp().map(s -> r.column(s, "timestamp")).orElse(null);
        List<Column> text = new ArrayList<>();
        Column title = m.title().map(s -> r.column(s, "title")).orElse(null);
        if (title != null) {
            text.add(title);
        }
        for (String s : m.textColumns()) {
            Column c = r.column(s.strip(), "text");
            if (text.stream().noneMatch(t -> t.index() == c.index())) {
                text.add(c);
            }
        }
        if (title == null && !text.isEmpty()) {
            title = text.get(0); // ColumnMapping: the first text column is the title unless one is named
        }
        return new CsvColumns(hasHeader, user, item, value, ts, title, List.copyOf(text));
    }

    /** A first row of names rather than data: a known column name, or a value/time that does not parse. */
    private static boolean looksLikeHeader(String[] first, ColumnMapping m) {
        List<String> known = Stream.of(USER, ITEM, VALUE, TIMESTAMP, TITLE).flatMap(List::stream).toList();
        List<String> specs = new ArrayList<>(List.of(m.user(), m.item()));
        m.title().ifPresent(specs::add);
        specs.addAll(m.textColumns());
        for (String s : specs) {
            String v = field(first, s);
            if (known.stream().anyMatch(v::equalsIgnoreCase)) {
                return true;
            }
        }
        boolean badValue = m.value().isPresent()
                && !parses(() -> Fields.number(field(first, m.value().get()), ""));
        boolean badTime = m.timestamp().isPresent()
                && !parses(() -> Fields.timestamp(field(first, m.timestamp().get()), ""));
        return badValue || badTime;
    }

    private static String field(String[] row, String indexSpec) {
        return Fields.optional(row, Integer.parseInt(indexSpec.strip()));
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (BadFieldException e) {
            return false;
        }
    }

    static boolean isIndex(String spec) {
        String s = spec.strip();
        return !s.isEmpty() && s.length() < 6 && s.chars().allMatch(Character::isDigit);
    }

    /** Exact match first, then ignoring case, so "UserID" still finds "userId". */
    private static int indexOf(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < header.length; i++) {
            if (header[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Turns one mapping entry into a column, by header name or by index. */
    private record Resolver(String[] header, boolean hasHeader, String file, long line, ImportContext ctx) {
        Column column(String spec, String role) {
            String s = spec.strip();
            int i = hasHeader ? indexOf(header, s) : -1;
            if (i >= 0) {
                return new Column(i, header[i]);
            }
            if (isIndex(s)) {
                int index = Integer.parseInt(s);
                return new Column(index, hasHeader && index < header.length && !header[index].isEmpty()
                        ? header[index] : "column " + index);
            }
            throw ctx.fatal(file, line, s, "the " + role + " column '" + s + "' is not in the header, which has: "
                    + String.join(", ", header) + " (name columns by header or by 0-based index)");
        }
    }
}
