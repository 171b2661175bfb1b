package dev.augur.core.store;

/**
 * One column of a paged table: {@code key} names it in a {@link PageRequest#sortKey()}, {@code label} is its
 * header, {@code numeric} says its values are numbers ({@link Long} or {@link Double}), to be right-aligned.
 */
public record TableColumnSpec(String key, String label, boolean numeric) {
}
