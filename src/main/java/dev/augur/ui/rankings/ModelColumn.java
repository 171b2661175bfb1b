package dev.augur.ui.rankings;

import java.util.List;

/** One model's column for the picked user: its top-K and a one-line summary of its overall numbers. */
public record ModelColumn(String model, String summary, List<ItemCard> cards) {
    public long hits() {
        return cards.stream().filter(ItemCard::heldOut).count();
    }
}
