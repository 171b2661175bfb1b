package dev.augur.ui.review;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskExecutor;

import javafx.application.Platform;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A review session in its own JVM, for {@link ReviewKillTest}: the Review view model on the workspace given as the
 * only argument, deciding row after row as keys would (accept, accept, reject, edit, undo, skip, …) until it is
 * killed. Prints {@code committed <decision id> <interaction id> <action>} once each decision is committed.
 */
public final class ReviewKillChild {
    private ReviewKillChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        List<DatasetInfo> datasets;
        try (Workspace ws = Workspace.open(file)) {
            datasets = ws.read().datasets();
        }
        Platform.startup(() -> { });
        TaskExecutor tasks = new TaskExecutor(2);
        ReviewViewModel vm = fx(() -> {
            ReviewViewModel m = new ReviewViewModel(tasks);
            m.addCommittedListener(d -> {
                System.out.println("committed " + d.id() + " " + d.interactionId() + " " + d.action());
                System.out.flush();
            });
            m.open(file, datasets);
            return m;
        });
        waitFor(() -> !vm.busy().get() && vm.page().currentProperty().get() != null);
        fx(() -> vm.annotator().set("kim"));
        waitFor(() -> vm.annotator().nameProperty().get().equals("kim"));
        System.out.println("ready");
        System.out.flush();
        for (int n = 0; ; n++) {
            int step = n % 6;
            waitFor(() -> vm.writingProperty().get() < 3 && vm.page().currentProperty().get() != null);
            fx(() -> switch (step) {
                case 0, 1 -> vm.accept();
                case 2 -> vm.reject();
                case 3 -> vm.startEdit() && setAndCommit(vm);
                case 4 -> vm.undo();
                default -> vm.skip();
            });
            Thread.sleep(3);
        }
    }

    private static boolean setAndCommit(ReviewViewModel vm) {
        vm.editor().textProperty().set("3");
        return vm.commitEdit();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!fx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the review session did not get ready");
            }
            Thread.sleep(5);
        }
    }
}
