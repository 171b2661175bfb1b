package dev.augur.ui.review;

import dev.augur.core.store.SyntheticRow;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The page of the review queue on screen: its rows (as read, then as decided here), where it starts in the filter,
 * and which row is current. JavaFX thread only.
 */
public final class ShownPage {
    private final ObservableList<SyntheticRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper offset = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper pageLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<SyntheticRow> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper currentIndex = new ReadOnlyIntegerWrapper(-1);
    private final Set<Long> queried = new HashSet<>(); // the rows as read, before any moved in by an undo

    /** Shows {@code page}, read from row {@code from} of the filter; the current row is left to the caller. */
    void show(QueuePage page, long from) {
        rows.setAll(page.rows());
        queried.clear();
        page.rows().forEach(r -> queried.add(r.interactionId()));
        total.set(page.total());
        empty.set(page.everything() == 0);
        long first = page.rows().isEmpty() ? 0 : from + 1;
        pageLine.set(String.format(Locale.ROOT, "%,d–%,d of %,d", first, from + page.rows().size(), page.total()));
    }

    /** The next page read starts at row {@code from} of the filter. */
    void startAt(long from) {
        offset.set(from);
    }

    long offset() {
        return offset.get();
    }

    boolean hasNextPage() {
        return offset.get() + queried.size() < total.get();
    }

    /**
     * Where the next page starts: rows decided here that left the status filter ({@code status}, empty for any)
     * have moved the rest of the filter up by as many places.
     */
    long nextOffset(String status) {
        long departed = status.isEmpty() ? 0 : rows.stream()
                .filter(r -> queried.contains(r.interactionId()) && !r.status().equals(status)).count();
        return offset.get() + queried.size() - departed;
    }

    int indexOf(long interactionId) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).interactionId() == interactionId) {
                return i;
            }
        }
        return -1;
    }

    SyntheticRow current() {
        return current.get();
    }

    /** The current row's place on the page; -1 when none. */
    int currentIndex() {
        return currentIndex.get();
    }

    /**
     * Shows {@code row} at {@code index} as it will be once decided, with {@code status} and {@code value}, until the
     * stored row comes back ({@link #replace}).
     */
    void showDecided(int index, SyntheticRow row, String status, double value) {
        rows.set(index, new SyntheticRow(row.interactionId(), row.datasetId(), row.userId(), row.userExternalId(),
                row.itemId(), row.itemExternalId(), row.itemTitle(), value, status, row.origin(), row.target(),
                row.model(), row.confidence(), row.rationale(), row.proposedValue(), row.contentScore(),
                row.collabScore(), row.generationId(), row.sourceFile(), row.sourceLine(), row.createdAt()));
    }

    /** Puts {@code row} in the place of the row with its id; returns that place, -1 when it is not on the page. */
    int replace(SyntheticRow row) {
        int i = indexOf(row.interactionId());
        if (i >= 0) {
            rows.set(i, row);
        }
        return i;
    }

    /** Makes row {@code index} current and returns it; null (nothing changes) when there is no such row. */
    SyntheticRow makeCurrent(int index) {
        if (index < 0 || index >= rows.size()) {
            return null;
        }
        SyntheticRow row = rows.get(index);
        currentIndex.set(index);
        current.set(row);
        return row;
    }

    /** The current row is stored again as {@code row}. */
    void updateCurrent(SyntheticRow row) {
        current.set(row);
    }

    void clearCurrent() {
        current.set(null);
        currentIndex.set(-1);
    }

    public ObservableList<SyntheticRow> rows() {
        return rows;
    }

    /** Rows in the filter. */
    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Where the page starts in the filter. */
    public ReadOnlyLongProperty offsetProperty() {
        return offset.getReadOnlyProperty();
    }

    /** "1–500 of 1,234". */
    public ReadOnlyStringProperty pageLineProperty() {
        return pageLine.getReadOnlyProperty();
    }

    /** True once read and the dataset has no synthetic interactions at all. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SyntheticRow> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty currentIndexProperty() {
        return currentIndex.getReadOnlyProperty();
    }
}
