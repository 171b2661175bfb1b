package dev.augur.core.store;

import java.util.List;

/**
 * An item with everything the detail pane shows: its record, how its ratings spread (value → count, ascending),
 * and the users who interacted most recently.
 */
public record ItemDetail(ItemRecord item, List<ValueCount> ratings, List<UserInteraction> recentUsers) {

    public record ValueCount(double value, long count) {
    }

    /** One interaction as the detail panes list it: who or what, the value, and when (seconds, or null). */
    public record UserInteraction(String externalId, String title, Double value, Long ts) {
    }
}
