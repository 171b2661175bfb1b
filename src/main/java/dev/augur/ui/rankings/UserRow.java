package dev.augur.ui.rankings;

import java.util.Locale;

/** A user of the shown run: dense index, external id, and how many training and held-out items they have. */
public record UserRow(int index, String externalId, int train, int heldOut) {
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s · %d in training · %d held out", externalId, train, heldOut);
    }
}
