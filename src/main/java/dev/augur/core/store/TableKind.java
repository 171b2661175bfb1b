package dev.augur.core.store;

import java.util.List;
import java.util.Optional;

/** The tables of a dataset that can be paged with {@link WorkspaceReader#page(PageRequest)}, each with fixed columns. */
public enum TableKind {
    /** External id, observed interactions, attributes (JSON object text). */
    USERS(text("id", "User"), number("interactions", "Interactions"), text("attributes", "Attributes")),
    /** External id, title, categories ("a, b"), observed interactions, description. */
    ITEMS(text("id", "Item"), text("title", "Title"), text("categories", "Categories"),
            number("interactions", "Interactions"), text("description", "Description")),
    /** User and item external ids, item title, value, time (ISO-8601 UTC), source (observed | synthetic), status. */
    INTERACTIONS(text("user", "User"), text("item", "Item"), text("item_title", "Item title"), number("value", "Value"),
            text("time", "Time (UTC)"), text("source", "Source"), text("status", "Status")),
    /** User and item external ids, rating, time (ISO-8601 UTC), summary, text. */
    REVIEWS(text("user", "User"), text("item", "Item"), number("rating", "Rating"), text("time", "Time (UTC)"),
            text("summary", "Summary"), text("text", "Text"));

    private final List<TableColumnSpec> columns;

    TableKind(TableColumnSpec... columns) {
        this.columns = List.of(columns);
    }

    /** The columns in the order of the values of each row of a {@link Page}. */
    public List<TableColumnSpec> columns() {
        return columns;
    }

    public Optional<TableColumnSpec> column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** The position of column {@code key} in a row, or -1. */
    public int columnIndex(String key) {
        for (int k = 0; k < columns.size(); k++) {
            if (columns.get(k).key().equals(key)) {
                return k;
            }
        }
        return -1;
    }

    private static TableColumnSpec text(String key, String label) {
        return new TableColumnSpec(key, label, false);
    }

    private static TableColumnSpec number(String key, String label) {
        return new TableColumnSpec(key, label, true);
    }
}
