package dev.augur.core.store;

import java.util.List;

/** Generations {@code offset ..} matching a filter, newest first, with the total from the same snapshot. */
public record GenerationPage(long total, long offset, List<Generation> rows) {
    public GenerationPage {
        rows = List.copyOf(rows);
    }
}
