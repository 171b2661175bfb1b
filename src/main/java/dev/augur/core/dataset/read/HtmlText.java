package dev.augur.core.dataset.read;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Plain text from the HTML fragments that product catalogues put in titles and descriptions: tags removed
 * (script and style with their content), entities decoded, whitespace collapsed. A '<' that does not open a
 * tag ("a < b") and an unknown entity stay as written.
 */
public final class HtmlText {
    /** Tags that do not separate words: {@code bo<b>ld</b>} is one word. Every other tag becomes a space. */
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "big", "cite", "code", "em", "font", "i",
            "mark", "q", "s", "small", "span", "strike", "strong", "sub", "sup", "tt", "u", "wbr");
    private static final Map<String, Integer> ENTITIES = entities();
    /** HTML reads &#128;..&#159; as Windows-1252, as browsers do; such references are common in scraped text. */
    private static final String CP1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

    private HtmlText() {
    }

    /** Plain text of {@code html}; null stays null. */
    public static String clean(String html) {
        if (html == null) {
            return null;
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return collapse(html);
        }
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int next = skipMarkup(html, i, out);
                if (next > i) {
                    i = next;
                    continue;
                }
            } else if (c == '&') {
                int next = entity(html, i, out);
                if (next > i) {
                    i = next;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return collapse(out);
    }

    /** Skips the comment or tag at {@code at}, appending a space where it separates words; returns {@code at} when it is no markup. */
    private static int skipMarkup(String h, int at, StringBuilder out) {
        if (h.startsWith("<!--", at)) {
            int end = h.indexOf("-->", at + 4);
            out.append(' ');
            return end < 0 ? h.length() : end + 3;
        }
        if (at + 1 >= h.length()) {
            return at;
        }
        char n = h.charAt(at + 1);
        boolean closing = n == '/';
        if (!(Character.isLetter(n) || n == '!' || n == '?' || closing && at + 2 < h.length()
                && Character.isLetter(h.charAt(at + 2)))) {
            return at;
        }
        int end = tagEnd(h, at + 1);
        if (end < 0) {
            return at;
        }
        String name = tagName(h, at + (closing ? 2 : 1));
        if (!closing && (name.equals("script") || name.equals("style"))) {
            int close = h.toLowerCase(Locale.ROOT).indexOf("</" + name, end);
            int closeEnd = close < 0 ? -1 : h.indexOf('>', close);
            out.append(' ');
            return closeEnd < 0 ? h.length() : closeEnd + 1;
        }
        if (!INLINE.contains(name)) {
            out.append(' ');
        }
        return end + 1;
    }

    /** The index of the '>' closing a tag, skipping quoted attribute values; -1 when there is none. */
    private static int tagEnd(String h, int from) {
        char quote = 0;
        for (int i = from; i < h.length(); i++) {
            char c = h.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }

    private static String tagName(String h, int from) {
        int i = from;
        while (i < h.length() && (Character.isLetterOrDigit(h.charAt(i)) || h.charAt(i) == '-' || h.charAt(i) == ':')) {
            i++;
        }
        return h.substring(from, i).toLowerCase(Locale.ROOT);
    }

    /** Decodes the reference at {@code at} into {@code out}; returns {@code at} when it is none. */
    private static int entity(String h, int at, StringBuilder out) {
        int semi = h.indexOf(';', at + 1);
        if (semi < 0 || semi - at > 32) {
            return at;
        }
        String body = h.substring(at + 1, semi);
        int cp;
        if (body.startsWith("#")) {
            cp = numeric(body.substring(1));
        } else {
            Integer known = ENTITIES.get(body);
            cp = known == null ? -1 : known;
        }
        if (cp < 0) {
            return at;
        }
        if (cp >= 0x80 && cp <= 0x9F) {
            out.append(CP1252.charAt(cp - 0x80));
        } else if (cp == 0 || !Character.isValidCodePoint(cp) || cp >= 0xD800 && cp <= 0xDFFF) {
            out.append('\uFFFD');
        } else {
            out.appendCodePoint(cp);
        }
        return semi + 1;
    }

    private static int numeric(String digits) {
        boolean hex = digits.startsWith("x") || digits.startsWith("X");
        String d = hex ? digits.substring(1) : digits;
        if (d.isEmpty() || d.length() > 8) {
            return -1;
        }
        try {
            return Integer.parseInt(d, hex ? 16 : 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Runs of whitespace (no-break spaces included) become one space; the ends are trimmed. */
    private static String collapse(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Map<String, Integer> entities() {
        Map<String, Integer> m = new HashMap<>();
        // Latin-1, U+00A0..U+00FF, in code point order.
        String latin1 = "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn"
                + " sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute"
                + " Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde"
                + " Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave"
                + " aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth"
                + " ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml";
        String[] names = latin1.split(" ");
        for (int k = 0; k < names.length; k++) {
            m.put(names[k], 0xA0 + k);
        }
        Object[] more = {"quot", 0x22, "amp", 0x26, "apos", 0x27, "lt", 0x3C, "gt", 0x3E, "OElig", 0x152,
            "oelig", 0x153, "Scaron", 0x160, "scaron", 0x161, "Yuml", 0x178, "fnof", 0x192, "circ", 0x2C6,
            "tilde", 0x2DC, "ensp", 0x2002, "emsp", 0x2003, "thinsp", 0x2009, "zwnj", 0x200C, "zwj", 0x200D,
            "ndash", 0x2013, "mdash", 0x2014, "lsquo", 0x2018, "rsquo", 0x2019, "sbquo", 0x201A, "ldquo", 0x201C,
            "rdquo", 0x201D, "bdquo", 0x201E, "dagger", 0x2020, "Dagger", 0x2021, "bull", 0x2022, "hellip", 0x2026,
            "permil", 0x2030, "prime", 0x2032, "Prime", 0x2033, "lsaquo", 0x2039, "rsaquo", 0x203A, "euro", 0x20AC,
            "trade", 0x2122, "larr", 0x2190, "uarr", 0x2191, "rarr", 0x2192, "darr", 0x2193, "harr", 0x2194,
            "minus", 0x2212, "le", 0x2264, "ge", 0x2265, "ne", 0x2260, "infin", 0x221E, "asymp", 0x2248,
            "spades", 0x2660, "clubs", 0x2663, "hearts", 0x2665, "diams", 0x2666, "loz", 0x25CA, "check", 0x2713,
            "star", 0x2606, "starf", 0x2605, "hyphen", 0x2010, "AMP", 0x26, "QUOT", 0x22, "LT", 0x3C, "GT", 0x3E};
        for (int k = 0; k < more.length; k += 2) {
            m.put((String) more[k], (Integer) more[k + 1]);
        }
        return Map.copyOf(m);
    }
}
