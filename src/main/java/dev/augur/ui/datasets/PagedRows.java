package dev.augur.ui.datasets;

import javafx.application.Platform;
import javafx.collections.ObservableListBase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

/**
 * A table's rows as a list of known size whose pages are read on demand in the background: a row not loaded
 * yet is an empty placeholder, replaced when its page arrives. At most {@link #MAX_PAGES} pages stay in memory,
 * so scrolling through a million rows keeps memory flat. All methods run on the JavaFX thread.
 */
public final class PagedRows extends ObservableListBase<List<Object>> {
    public static final int PAGE = 200;
    static final int MAX_PAGES = 24;

    private final int size;
    private final int columns;
    private final Executor loader;
    private final BiFunction<Long, Integer, List<List<Object>>> source;
    private final Set<Long> loading = new HashSet<>();
    private final Map<Long, List<List<Object>>> pages = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<List<Object>>> eldest) {
            return size() > MAX_PAGES;
        }
    };

    /** @param source reads {@code limit} rows from {@code offset}; called on the loader's thread */
    public PagedRows(long totalRows, int columns, Executor loader, BiFunction<Long, Integer, List<List<Object>>> source) {
        this.size = (int) Math.min(Integer.MAX_VALUE, totalRows);
        this.columns = columns;
        this.loader = loader;
        this.source = source;
    }

    @Override
    public List<Object> get(int index) {
        long page = index / PAGE;
        List<List<Object>> rows = pages.get(page);
        if (rows != null && index - page * PAGE < rows.size()) {
            return rows.get((int) (index - page * PAGE));
        }
        request(page);
        return Collections.nCopies(columns, null);
    }

    @Override
    public int size() {
        return size;
    }

    /** Pages held in memory now (for tests of the memory bound). */
    public int pagesInMemory() {
        return pages.size();
    }

    private void request(long page) {
        if (!loading.add(page)) {
            return;
        }
        loader.execute(() -> {
            List<List<Object>> rows;
            try {
                rows = source.apply(page * PAGE, PAGE);
            } catch (RuntimeException e) {
                Platform.runLater(() -> loading.remove(page));
                throw e;
            }
            Platform.runLater(() -> arrived(page, rows));
        });
    }

    private void arrived(long page, List<List<Object>> rows) {
        loading.remove(page);
        pages.put(page, new ArrayList<>(rows));
        int from = (int) (page * PAGE);
        int to = Math.min(size, from + rows.size());
        if (from >= to) {
            return;
        }
        beginChange();
        for (int i = from; i < to; i++) {
            nextSet(i, Collections.nCopies(columns, null));
        }
        endChange();
    }
}
