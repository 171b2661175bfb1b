package dev.augur.ui.rankings;

import java.util.List;

/**
 * An item of the picked user's history: a training item, or a held-out (target) item with the models that put it
 * in their top-K ({@code "pop #3"}).
 */
public record HistoryItem(int item, long itemId, String externalId, String title, List<String> foundBy) {
    public String display() {
        return title == null || title.isBlank() ? externalId : title;
    }
}
