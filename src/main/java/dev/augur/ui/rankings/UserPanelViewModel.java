package dev.augur.ui.rankings;

import dev.augur.core.rank.Csr;
import dev.augur.core.rank.EvalRun;
import dev.augur.core.rank.Split;
import dev.augur.core.task.Job;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.ItemSelection;
import dev.augur.ui.common.JobBinding;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The shown run's users, one at a time: finding and picking a user, their history and held-out items, and every
 * model's top-K for them side by side; the item hovered or selected is linked across the columns and selected in
 * the app. Scoring a user is a job: some models are slow.
 */
public final class UserPanelViewModel {
    /** At most this many users are offered for a search. */
    public static final int MAX_MATCHES = 200;

    private final TaskExecutor tasks;
    private final ItemSelection selection;
    private final Consumer<String> error;
    private final CsvExport csv;

    private final ReadOnlyObjectWrapper<EvalRun> run = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper runLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper runK = new ReadOnlyIntegerWrapper(10);
    private List<UserRow> users = List.of();
    private final StringProperty userQuery = new SimpleStringProperty("");
    private final ObservableList<UserRow> userMatches = FXCollections.observableArrayList();
    private final ObjectProperty<UserRow> user = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper usersLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<UserPanel> panel = new ReadOnlyObjectWrapper<>();
    private final ObservableList<HistoryItem> history = FXCollections.observableArrayList();
    private final ObservableList<HistoryItem> heldOut = FXCollections.observableArrayList();
    private final ObservableList<ModelColumn> columns = FXCollections.observableArrayList();
    private final IntegerProperty selectedItem = new SimpleIntegerProperty(-1);
    private final IntegerProperty hoveredItem = new SimpleIntegerProperty(-1);
    private final ReadOnlyIntegerWrapper linkedItem = new ReadOnlyIntegerWrapper(-1);
    private long showing;

    /**
     * @param selection the shared item selection; picking an item here selects it there
     * @param error     where a user that could not be ranked is reported
     */
    UserPanelViewModel(TaskExecutor tasks, ItemSelection selection, Consumer<String> error, CsvExport csv) {
        this.tasks = tasks;
        this.selection = selection;
        this.error = error;
        this.csv = csv;
        userQuery.addListener((o, was, is) -> updateMatches());
        user.addListener((o, was, is) -> showUser(is));
        selectedItem.addListener(x -> updateLinked());
        hoveredItem.addListener(x -> updateLinked());
    }

    // ---- the run and its users ---------------------------------------------------------------------------------

    /** Every user of the run with their training and held-out counts (held out: target items not in training). */
    static List<UserRow> users(EvalRun r) {
        Split s = r.split();
        Csr target = s.target();
        String[] ids = r.data().userExternalIds();
        List<UserRow> out = new ArrayList<>(ids.length);
        for (int u = 0; u < ids.length; u++) {
            int held = 0;
            for (int p = target.indptr()[u]; p < target.indptr()[u + 1]; p++) {
                if (!s.excluded(u, target.indices()[p])) {
                    held++;
                }
            }
            out.add(new UserRow(u, ids[u], s.train().rowLength(u), held));
        }
        return out;
    }

    /** Shows {@code r}, its users {@code rows} and lists of {@code listLength}; a user with held-out items opens. */
    void show(EvalRun r, List<UserRow> rows, int listLength) {
        run.set(r);
        runK.set(listLength);
        users = rows;
        long withHeldOut = rows.stream().filter(u -> u.heldOut() > 0).count();
        usersLine.set(String.format(Locale.ROOT, "%,d users, %,d with held-out items", rows.size(), withHeldOut));
        runLine.set(String.format(Locale.ROOT, "Run #%d on %s: %s", r.runId(), r.data().dataset(),
                r.split().protocol().describe()));
        userQuery.set("");
        updateMatches();
        UserRow first = rows.stream().filter(u -> u.heldOut() > 0 && u.train() > 0).findFirst()
                .orElse(rows.isEmpty() ? null : rows.get(0));
        user.set(null); // the same user of another run is new: the listener shows them
        user.set(first);
    }

    /** Shows no run; a user still being scored is not shown when done. */
    void clear() {
        ++showing;
        run.set(null);
        runLine.set("");
        users = List.of();
        userMatches.clear();
        user.set(null);
        usersLine.set("");
    }

    /** Users whose external id contains the query (exact match first); users with held-out items when empty. */
    private void updateMatches() {
        String q = userQuery.get() == null ? "" : userQuery.get().strip().toLowerCase(Locale.ROOT);
        List<UserRow> out = new ArrayList<>();
        if (q.isEmpty()) {
            users.stream().filter(u -> u.heldOut() > 0).limit(MAX_MATCHES).forEach(out::add);
        } else {
            users.stream().filter(u -> u.externalId().equalsIgnoreCase(q)).forEach(out::add);
            for (UserRow u : users) {
                if (out.size() >= MAX_MATCHES) {
                    break;
                }
                if (u.externalId().toLowerCase(Locale.ROOT).contains(q) && !u.externalId().equalsIgnoreCase(q)) {
                    out.add(u);
                }
            }
        }
        userMatches.setAll(out);
    }

    /** Picks the user whose external id is the query, else the first match; false when nothing matches. */
    public boolean pickQuery() {
        if (userMatches.isEmpty()) {
            return false;
        }
        user.set(userMatches.get(0));
        return true;
    }

    /** Picks the user with external id {@code externalId}; false when the run has none. */
    public boolean pickUser(String externalId) {
        Optional<UserRow> u = users.stream().filter(r -> r.externalId().equals(externalId)).findFirst();
        u.ifPresent(user::set);
        return u.isPresent();
    }

    /** Scores every model for {@code u} in the background and shows the columns. */
    private Job<UserPanel> showUser(UserRow u) {
        long gen = ++showing;
        EvalRun r = run.get();
        if (u == null || r == null) {
            panel.set(null);
            history.clear();
            heldOut.clear();
            columns.clear();
            return null;
        }
        int listLength = runK.get();
        Job<UserPanel> job = tasks.submit("Top-" + listLength + " of user " + u.externalId(),
                m -> UserPanel.of(r, u, listLength));
        JobBinding.follow(job, s -> { }, p -> {
            if (gen == showing) {
                selectedItem.set(-1);
                hoveredItem.set(-1);
                panel.set(p);
                history.setAll(p.history());
                heldOut.setAll(p.heldOut());
                columns.setAll(p.columns());
            }
        }, e -> {
            if (gen == showing) {
                error.accept("Could not rank for user " + u.externalId() + ": "
                        + (e.getMessage() == null ? e : e.getMessage()));
            }
        });
        return job;
    }

    // ---- linking and the shared selection ----------------------------------------------------------------------

    /** Selects {@code item} (dense index) here, in every column, and in the shared item selection. */
    public void select(int item) {
        selectedItem.set(item);
        EvalRun r = run.get();
        if (r != null && item >= 0) {
            selection.replace(r.data().dataset(), new long[] {r.data().interactions().itemIds()[item]});
        }
    }

    /** Asks the app to open {@code item} (the Datasets detail pane shows it). */
    public void open(int item) {
        EvalRun r = run.get();
        if (r != null && item >= 0) {
            selection.open(r.data().dataset(), r.data().interactions().itemIds()[item],
                    r.data().itemExternalIds()[item]);
        }
    }

    /** The item under the mouse (-1: none); it is linked across the columns while hovered. */
    public void hover(int item) {
        hoveredItem.set(item);
    }

    private void updateLinked() {
        linkedItem.set(hoveredItem.get() >= 0 ? hoveredItem.get() : selectedItem.get());
    }

    /** Writes the shown user's columns to {@code file} in the background. */
    public Job<Path> exportRankings(Path file) {
        UserPanel p = panel.get();
        String u = p == null ? "" : p.user().externalId();
        List<ModelColumn> cols = p == null ? List.of() : p.columns();
        return csv.write("Export rankings to " + file.getFileName(), file,
                w -> RankingsCsv.writeRankings(w, u, cols));
    }

    // ---- properties --------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<EvalRun> runProperty() {
        return run.getReadOnlyProperty();
    }

    /** The shown run: its id, dataset and protocol. */
    public ReadOnlyStringProperty runLineProperty() {
        return runLine.getReadOnlyProperty();
    }

    /** The length of the shown run's lists. */
    public ReadOnlyIntegerProperty runKProperty() {
        return runK.getReadOnlyProperty();
    }

    public StringProperty userQueryProperty() {
        return userQuery;
    }

    public ObservableList<UserRow> userMatches() {
        return userMatches;
    }

    public ObjectProperty<UserRow> userProperty() {
        return user;
    }

    public ReadOnlyStringProperty usersLineProperty() {
        return usersLine.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserPanel> panelProperty() {
        return panel.getReadOnlyProperty();
    }

    /** The picked user's training items, newest first. */
    public ObservableList<HistoryItem> history() {
        return history;
    }

    /** The picked user's held-out target items. */
    public ObservableList<HistoryItem> heldOut() {
        return heldOut;
    }

    public ObservableList<ModelColumn> columns() {
        return columns;
    }

    /** The item marked in every column: the hovered one, else the selected one (-1: none). */
    public ReadOnlyIntegerProperty linkedItemProperty() {
        return linkedItem.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty selectedItemProperty() {
        return selectedItem;
    }
}
