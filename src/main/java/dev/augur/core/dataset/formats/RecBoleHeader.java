package dev.augur.core.dataset.formats;

import dev.augur.core.dataset.ImportContext;
import dev.augur.core.dataset.read.CsvReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** The first line of a RecBole atomic file: tab-separated {@code name:type} fields. */
record RecBoleHeader(List<RecBoleHeader.Field> fields) {

    enum Type {
        TOKEN, TOKEN_SEQ, FLOAT, FLOAT_SEQ;

        static Type parse(String s) {
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "token" -> TOKEN;
                case "token_seq" -> TOKEN_SEQ;
                case "float" -> FLOAT;
                case "float_seq" -> FLOAT_SEQ;
                default -> null;
            };
        }
    }

    record Field(int index, String name, Type type) {
    }

    /** Reads and checks the header; fatal when the file is empty or a field lacks a known type. */
    static RecBoleHeader read(CsvReader r, ImportContext ctx) {
        String[] h = r.next();
        if (h == null) {
            throw ctx.fatal(r.file(), 0, "", "the file is empty; expected a header of name:type fields such as"
                    + " user_id:token<TAB>item_id:token<TAB>rating:float<TAB>timestamp:float");
        }
        List<Field> fields = new ArrayList<>(h.length);
        for (int i = 0; i < h.length; i++) {
            String text = h[i].strip();
            int colon = text.lastIndexOf(':');
            Type type = colon > 0 ? Type.parse(text.substring(colon + 1)) : null;
            if (type == null) {
                throw ctx.fatal(r.file(), r.line(), text, "header field '" + text + "' is not name:type with type"
                        + " token, token_seq, float or float_seq (RecBole atomic files start with a line such as"
                        + " user_id:token<TAB>item_id:token<TAB>rating:float)");
            }
            fields.add(new Field(i, text.substring(0, colon).strip(), type));
        }
        return new RecBoleHeader(List.copyOf(fields));
    }

    /** The first field whose name is one of {@code names} (in that order of preference), case-insensitively. */
    Field named(String... names) {
        for (String n : names) {
            for (Field f : fields) {
                if (f.name().equalsIgnoreCase(n)) {
                    return f;
                }
            }
        }
        return null;
    }

    /** The first token field whose name contains {@code part}, e.g. "user" for a renamed user id. */
    Field tokenContaining(String part) {
        return first(f -> f.type() == Type.TOKEN && f.name().toLowerCase(Locale.ROOT).contains(part));
    }

    Field first(Predicate<Field> p) {
        return fields.stream().filter(p).findFirst().orElse(null);
    }

    /** An id column: {@code preferred} when present, else RecBole's default name, else a token column naming it. */
    Field idField(String preferred, String defaultName, String part) {
        Field f = preferred == null ? null : named(preferred);
        if (f == null) {
            f = named(defaultName);
        }
        return f != null ? f : tokenContaining(part);
    }

    String describe() {
        return String.join(", ", fields.stream().map(f -> f.name() + ":" + f.type().name().toLowerCase(Locale.ROOT)).toList());
    }
}
