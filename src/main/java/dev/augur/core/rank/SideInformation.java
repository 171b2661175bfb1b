package dev.augur.core.rank;

import java.util.Arrays;

/**
 * What the text-aware models know about items beyond interactions, aligned with {@link Interactions}'s dense item
 * indices: text vectors (row-major, {@code dims} wide; a zero row and {@code hasText[i] = false} where an item has
 * none), category ids per item and titles. {@code textSource} names the vector set, for provenance.
 */
public record SideInformation(int numItems, int dims, float[] itemText, boolean[] hasText, String textSource,
                              int[][] categories, String[] categoryNames, String[] titles) {

    public static SideInformation none(int numItems) {
        String[] titles = new String[numItems];
        Arrays.fill(titles, "");
        int[][] cats = new int[numItems][];
        Arrays.fill(cats, new int[0]);
        return new SideInformation(numItems, 0, new float[0], new boolean[numItems], "", cats, new String[0], titles);
    }

    public boolean hasVectors() {
        return dims > 0;
    }

    /** Item {@code i}'s text vector as an offset into {@link #itemText}. */
    public int offset(int i) {
        return i * dims;
    }

    /** A copy with other text vectors (e.g. profile vectors instead of description vectors). */
    public SideInformation withText(int dims, float[] itemText, boolean[] hasText, String textSource) {
        return new SideInformation(numItems, dims, itemText, hasText, textSource, categories, categoryNames, titles);
    }
}
