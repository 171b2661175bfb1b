package dev.augur.core.store;

/** The text of one review, for encoding; a missing summary or text is the empty string. */
public record ReviewText(long id, long userId, long itemId, String summary, String text) {
}
