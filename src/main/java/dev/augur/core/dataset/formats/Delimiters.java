package dev.augur.core.dataset.formats;

import java.util.List;

/** Guesses the delimiter of a CSV-like file from its first lines. */
final class Delimiters {
    /** In order of preference when two give the same number of fields. */
    private static final char[] CANDIDATES = {'\t', ',', ';', '|'};

    private Delimiters() {
    }

    /**
     * The candidate that splits the first lines into the most fields, counting only delimiters a line has the same
     * number of times (a header and its first row agree); failing that, the most fields on the first line; comma
     * when none splits anything.
     */
    static char detect(List<String> lines) {
        char best = ',';
        int bestFields = 1;
        boolean bestConsistent = false;
        for (char c : CANDIDATES) {
            int n = fields(lines.get(0), c);
            boolean consistent = lines.stream().allMatch(l -> fields(l, c) == n);
            if (n > 1 && (consistent && !bestConsistent || consistent == bestConsistent && n > bestFields)) {
                best = c;
                bestFields = n;
                bestConsistent = consistent;
            }
        }
        return best;
    }

    /** Fields on one line, ignoring delimiters inside double quotes. */
    static int fields(String line, char delimiter) {
        int n = 1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == delimiter && !quoted) {
                n++;
            }
        }
        return n;
    }
}
