package dev.augur.core.dataset.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Parses one Python literal, as {@code repr()} writes it, into a Jackson tree. Some Amazon 2018 metadata files
 * were written this way instead of as JSON: single-quoted strings, {@code True}/{@code False}/{@code None}.
 *
 * <p>Supported: dicts, lists, tuples and sets (both become arrays), strings in either quote with the usual
 * escapes (and optional {@code u}/{@code b}/{@code r} prefixes), ints, floats, booleans and {@code None}.
 * {@code nan} and {@code inf} become null, since JSON has no such numbers.
 */
public final class PythonLiteral {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Deeper nesting is refused rather than risking the stack on a damaged line. */
    private static final int MAX_DEPTH = 500;

    private final String s;
    private int i;
    private int depth;

    private PythonLiteral(String s) {
        this.s = s;
    }

    /** The value written in {@code text}, which must hold exactly one literal (surrounding blanks allowed). */
    public static JsonNode parse(String text) {
        PythonLiteral p = new PythonLiteral(text);
        JsonNode v = p.value();
        p.skipBlanks();
        if (p.i < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.i) + "' after the value");
        }
        return v;
    }

    /** Not a Python literal; {@link #column()} is 1-based. */
    public static final class SyntaxException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int column;

        SyntaxException(String reason, int column) {
            super("column " + column + ": " + reason);
            this.column = column;
        }

        public int column() {
            return column;
        }
    }

    private SyntaxException error(String reason) {
        return new SyntaxException(reason, i + 1);
    }

    private JsonNode value() {
        skipBlanks();
        if (i >= s.length()) {
            throw error("unexpected end of text, expected a value");
        }
        char c = s.charAt(i);
        if ((c == '{' || c == '[' || c == '(') && depth >= MAX_DEPTH) {
            throw error("nested more than " + MAX_DEPTH + " levels deep");
        }
        return switch (c) {
            case '{' -> nested(this::dictOrSet);
            case '[' -> nested(() -> sequence(']'));
            case '(' -> nested(this::tupleOrGroup);
            case '\'', '"' -> NODES.textNode(string());
            default -> {
                if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                    yield number();
                }
                if (Character.isLetter(c) || c == '_') {
                    yield word();
                }
                throw error("unexpected '" + c + "'");
            }
        };
    }

    private JsonNode nested(Supplier<JsonNode> container) {
        depth++;
        try {
            return container.get();
        } finally {
            depth--;
        }
    }

    private JsonNode dictOrSet() {
        i++; // '{'
        skipBlanks();
        if (peek() == '}') {
            i++;
            return NODES.objectNode();
        }
        JsonNode first = value();
        skipBlanks();
        if (peek() != ':') {
            ArrayNode set = NODES.arrayNode().add(first);
            return rest(set, '}');
        }
        ObjectNode o = NODES.objectNode();
        JsonNode key = first;
        while (true) {
            if (key.isContainerNode()) {
                throw error("a dict key must be a string or number");
            }
            expect(':');
            o.set(key.isTextual() ? key.textValue() : key.toString(), value());
            skipBlanks();
            if (peek() == '}') {
                i++;
                return o;
            }
            expect(',');
            skipBlanks();
            if (peek() == '}') {
                i++;
                return o;
            }
            key = value();
        }
    }

    private JsonNode sequence(char close) {
        i++; // '[' or '('
        skipBlanks();
        if (peek() == close) {
            i++;
            return NODES.arrayNode();
        }
        return rest(NODES.arrayNode().add(value()), close);
    }

    /** {@code (x)} is just x in Python; {@code (x,)} and {@code (x, y)} are tuples. */
    private JsonNode tupleOrGroup() {
        i++; // '('
        skipBlanks();
        if (peek() == ')') {
            i++;
            return NODES.arrayNode();
        }
        JsonNode first = value();
        skipBlanks();
        if (peek() == ')') {
            i++;
            return first;
        }
        if (peek() != ',') {
            throw error("expected ',' or ')'");
        }
        return rest(NODES.arrayNode().add(first), ')');
    }

    /** The elements after the first, up to {@code close}; a trailing comma is allowed. */
    private ArrayNode rest(ArrayNode a, char close) {
        while (true) {
            skipBlanks();
            if (peek() == close) {
                i++;
                return a;
            }
            expect(',');
            skipBlanks();
            if (peek() == close) {
                i++;
                return a;
            }
            a.add(value());
        }
    }

    private JsonNode word() {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        String w = s.substring(start, i);
        if (i < s.length() && (s.charAt(i) == '\'' || s.charAt(i) == '"') && w.length() <= 2
                && w.toLowerCase(Locale.ROOT).matches("[ubr]|rb|br|ur")) {
            boolean raw = w.toLowerCase(Locale.ROOT).contains("r");
            return NODES.textNode(raw ? rawString() : string());
        }
        return switch (w) {
            case "True" -> NODES.booleanNode(true);
            case "False" -> NODES.booleanNode(false);
            case "None", "nan", "inf" -> NODES.nullNode();
            default -> {
                i = start;
                throw error("unknown name '" + w + "'");
            }
        };
    }

    private JsonNode number() {
        int start = i;
        if (peek() == '-' || peek() == '+') {
            i++;
        }
        if (s.startsWith("inf", i)) {
            i += 3;
            return NODES.nullNode();
        }
        boolean real = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isDigit(c) || c == '_') {
                i++;
            } else if (c == '.' || c == 'e' || c == 'E') {
                real = true;
                i++;
                if ((c == 'e' || c == 'E') && i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                    i++;
                }
            } else {
                break;
            }
        }
        String text = s.substring(start, i).replace("_", "");
        try {
            if (real) {
                return NODES.numberNode(Double.parseDouble(text));
            }
            BigInteger n = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
            return n.bitLength() < 64 ? NODES.numberNode(n.longValue()) : NODES.numberNode(n);
        } catch (NumberFormatException e) {
            i = start;
            throw error("'" + Fields.abbreviate(text) + "' is not a number");
        }
    }

    /** A quoted string at {@code i}, escapes decoded. */
    private String string() {
        char quote = s.charAt(i);
        int open = i;
        i++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (i >= s.length()) {
                i = open;
                throw error("string never closed");
            }
            char c = s.charAt(i++);
            if (c == quote) {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= s.length()) {
                i = open;
                throw error("string never closed");
            }
            escape(b);
        }
    }

    /** Decodes the escape after a backslash; an unknown one stays as written, as in Python. */
    private void escape(StringBuilder b) {
        char e = s.charAt(i++);
        switch (e) {
            case 'n' -> b.append('\n');
            case 't' -> b.append('\t');
            case 'r' -> b.append('\r');
            case 'b' -> b.append('\b');
            case 'f' -> b.append('\f');
            case 'v' -> b.append('\u000B');
            case 'a' -> b.append('\u0007');
            case '\\', '\'', '"' -> b.append(e);
            case '\n' -> { } // a line continuation
            case 'x' -> b.appendCodePoint(hex(2));
            case 'u' -> b.appendCodePoint(hex(4));
            case 'U' -> b.appendCodePoint(hex(8));
            default -> {
                if (e >= '0' && e <= '7') {
                    int v = e - '0';
                    for (int k = 0; k < 2 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) {
                        v = v * 8 + (s.charAt(i++) - '0');
                    }
                    b.append((char) v);
                } else {
                    b.append('\\').append(e);
                }
            }
        }
    }

    private int hex(int digits) {
        if (i + digits > s.length()) {
            throw error("truncated \\x, \\u or \\U escape");
        }
        try {
            int cp = Integer.parseInt(s.substring(i, i + digits), 16);
            if (!Character.isValidCodePoint(cp)) {
                throw new NumberFormatException();
            }
            i += digits;
            return cp;
        } catch (NumberFormatException ex) {
            throw error("bad escape: expected " + digits + " hex digits");
        }
    }

    /** A raw string: backslashes stay, but still keep the quote after them from closing the string. */
    private String rawString() {
        char quote = s.charAt(i);
        int open = i;
        i++;
        StringBuilder b = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == quote) {
                return b.toString();
            }
            b.append(c);
            if (c == '\\' && i < s.length()) {
                b.append(s.charAt(i++));
            }
        }
        i = open;
        throw error("string never closed");
    }

    private void expect(char c) {
        skipBlanks();
        if (peek() != c) {
            throw error(i < s.length() ? "expected '" + c + "', found '" + s.charAt(i) + "'"
                    : "unexpected end of text, expected '" + c + "'");
        }
        i++;
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private void skipBlanks() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }
}
