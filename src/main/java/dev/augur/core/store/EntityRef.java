package dev.augur.core.store;

/** A user or item by internal and external id. */
public record EntityRef(long id, String externalId) {
}
