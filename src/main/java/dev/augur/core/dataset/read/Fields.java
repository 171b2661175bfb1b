package dev.augur.core.dataset.read;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Field parsers that fail with {@link BadFieldException} naming the field and what was wrong. */
public final class Fields {
    private Fields() {
    }

    public static String required(String[] row, int index, String field) {
        if (index >= row.length) {
            throw new BadFieldException(field, "missing: the row has " + row.length + " field"
                    + (row.length == 1 ? "" : "s") + ", expected at least " + (index + 1));
        }
        String v = row[index].strip();
        if (v.isEmpty()) {
            throw new BadFieldException(field, "empty");
        }
        return v;
    }

    public static String optional(String[] row, int index) {
        return index >= 0 && index < row.length ? row[index].strip() : "";
    }

    /** A whole number, e.g. a MovieLens id that must be numeric. */
    public static long integer(String value, String field) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BadFieldException(field, "'" + abbreviate(value) + "' is not a whole number");
        }
    }

    public static double number(String value, String field) {
        try {
            double d = Double.parseDouble(value.strip());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadFieldException(field, "'" + abbreviate(value) + "' is not a number");
        }
    }

    /**
     * Seconds since the epoch from a Unix timestamp in seconds (or milliseconds, recognised by size), or an
     * ISO date / date-time.
     */
    public static long timestamp(String value, String field) {
        String v = value.strip();
        if (isInteger(v)) {
            long n = Long.parseLong(v);
            return Math.abs(n) >= 100_000_000_000L ? n / 1000 : n; // milliseconds (Amazon 2023)
        }
        try {
            if (v.matches("-?\\d+\\.\\d*")) {
                return (long) Double.parseDouble(v);
            }
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            }
            String iso = v.replace(' ', 'T');
            boolean zoned = iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$");
            return java.time.OffsetDateTime.parse(zoned ? iso : iso + "Z").toEpochSecond();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new BadFieldException(field, "'" + abbreviate(value) + "' is not a timestamp (Unix seconds or ISO date)");
        }
    }

    private static boolean isInteger(String v) {
        int n = v.length();
        if (n == 0 || n > 18) {
            return false;
        }
        for (int i = v.charAt(0) == '-' ? 1 : 0; i < n; i++) {
            char ch = v.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return n > (v.charAt(0) == '-' ? 1 : 0);
    }

    /** MovieLens 100K release dates such as {@code 01-Jan-1995}; empty stays empty. */
    public static String isoDateFromDayMonthYear(String value, String field) {
        String v = value.strip();
        if (v.isEmpty()) {
            return "";
        }
        try {
            return LocalDate.parse(v, DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH)).toString();
        } catch (DateTimeParseException e) {
            throw new BadFieldException(field, "'" + abbreviate(value) + "' is not a date like 01-Jan-1995");
        }
    }

    public static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
