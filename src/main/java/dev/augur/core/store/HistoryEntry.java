package dev.augur.core.store;

/** One observed interaction of a user, for prompts: the item, its title ("" when none), value and time (or null). */
public record HistoryEntry(long itemId, String itemExternalId, String title, Double value, Long ts) {
}
