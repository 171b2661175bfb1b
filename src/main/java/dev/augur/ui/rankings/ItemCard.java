package dev.augur.ui.rankings;

import dev.augur.core.rank.Recommendation;

import java.util.List;

/**
 * One entry of a model's top-K column: the recommendation, its reasons as text ("near: Glass Teapot",
 * "training interactions +57") and the other models whose top-K also holds the item.
 */
public record ItemCard(String model, Recommendation recommendation, List<String> reasons, List<String> sharedWith) {
    public int item() {
        return recommendation.item();
    }

    public String title() {
        String t = recommendation.title();
        return t == null || t.isBlank() ? recommendation.externalId() : t;
    }

    public boolean heldOut() {
        return recommendation.heldOut();
    }
}
