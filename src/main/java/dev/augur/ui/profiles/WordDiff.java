package dev.augur.ui.profiles;

import java.util.ArrayList;
import java.util.List;

/**
 * A word-level diff of two texts: whitespace-split tokens aligned by their longest common subsequence. The left
 * side holds the old text's words (kept or removed), the right side the new text's (kept or added).
 */
public final class WordDiff {
    /** Past this many tokens per side the LCS table is skipped and every word counts as changed. */
    static final int MAX_TOKENS = 4_000;

    public enum Kind { SAME, REMOVED, ADDED }

    public record Token(String text, Kind kind) {
    }

    public record Result(List<Token> left, List<Token> right) {
        public Result {
            left = List.copyOf(left);
            right = List.copyOf(right);
        }
    }

    private WordDiff() {
    }

    public static List<String> words(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
    }

    public static Result diff(String oldText, String newText) {
        List<String> a = words(oldText);
        List<String> b = words(newText);
        List<Token> left = new ArrayList<>();
        List<Token> right = new ArrayList<>();
        if (a.size() > MAX_TOKENS || b.size() > MAX_TOKENS) {
            a.forEach(w -> left.add(new Token(w, Kind.REMOVED)));
            b.forEach(w -> right.add(new Token(w, Kind.ADDED)));
            return new Result(left, right);
        }
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                left.add(new Token(a.get(i++), Kind.SAME));
                right.add(new Token(b.get(j++), Kind.SAME));
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                left.add(new Token(a.get(i++), Kind.REMOVED));
            } else {
                right.add(new Token(b.get(j++), Kind.ADDED));
            }
        }
        while (i < n) {
            left.add(new Token(a.get(i++), Kind.REMOVED));
        }
        while (j < m) {
            right.add(new Token(b.get(j++), Kind.ADDED));
        }
        return new Result(left, right);
    }
}
