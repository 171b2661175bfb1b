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
        try {
            if (!v.isEmpty() && (Character.isDigit(v.charAt(0)) || v.charAt(0) == '-') && v.chars().allMatch(ch -> Character.isDigit(ch) || ch == '-' || ch == '.')
                    && v.indexOf('-', 1) < 0) {
                double d = Double.parseDouble(v);
                long s = (long) d;
                return Math.abs(s) >= 100_000_000_000L ? s / 1000 : s; // milliseconds (Amazon 2023)
            }
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            }
            return java.time.OffsetDateTime.parse(v.replace(' ', 'T').endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")
                    ? v.replace(' ', 'T') : v.replace(' ', 'T') + "Z").toEpochSecond();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new BadFieldException(field, "'" + abbreviate(value) + "' is not a timestamp (Unix seconds or ISO date)");
        }
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
