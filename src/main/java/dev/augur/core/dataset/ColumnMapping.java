package dev.augur.core.dataset;

import java.util.List;
import java.util.Optional;

/**
 * Which columns of a generic CSV/TSV hold what, by header name. User and item are required; value and
 * timestamp are optional (absent value = implicit feedback 1.0); text columns become item text fields
 * (the first is the title unless {@code title} is set). {@code delimiter} empty = detect (comma, tab, semicolon, pipe).
 */
public record ColumnMapping(String user, String item, Optional<String> value, Optional<String> timestamp,
                            Optional<String> title, List<String> textColumns, Optional<Character> delimiter) {

    /** Parses {@code user=uid,item=iid,value=rating,timestamp=ts,title=name,text=desc|notes,delimiter=tab}. */
    public static ColumnMapping parse(String spec) {
        String user = null;
        String item = null;
        Optional<String> value = Optional.empty();
        Optional<String> ts = Optional.empty();
        Optional<String> title = Optional.empty();
        List<String> text = List.of();
        Optional<Character> delim = Optional.empty();
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2 || kv[1].isBlank()) {
                throw new IllegalArgumentException("column mapping '" + part + "' is not key=column"
                        + " (keys: user, item, value, timestamp, title, text, delimiter)");
            }
            String v = kv[1].strip();
            switch (kv[0].strip().toLowerCase(java.util.Locale.ROOT)) {
                case "user" -> user = v;
                case "item" -> item = v;
                case "value", "rating" -> value = Optional.of(v);
                case "timestamp", "time", "ts" -> ts = Optional.of(v);
                case "title" -> title = Optional.of(v);
                case "text" -> text = List.of(v.split("\\|"));
                case "delimiter" -> delim = Optional.of(switch (v) {
                    case "tab", "\\t" -> '\t';
                    case "comma" -> ',';
                    case "semicolon" -> ';';
                    case "pipe" -> '|';
                    default -> {
                        if (v.length() != 1) {
                            throw new IllegalArgumentException("delimiter must be one character or tab/comma/semicolon/pipe");
                        }
                        yield v.charAt(0);
                    }
                });
                default -> throw new IllegalArgumentException("unknown column mapping key '" + kv[0]
                        + "' (keys: user, item, value, timestamp, title, text, delimiter)");
            }
        }
        if (user == null || item == null) {
            throw new IllegalArgumentException("column mapping needs at least user=<column> and item=<column>");
        }
        return new ColumnMapping(user, item, value, ts, title, text, delim);
    }
}
