package dev.augur.ui.review;

import dev.augur.core.store.Workspace;
import dev.augur.core.store.WorkspaceException;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where review decisions are written: one thread, in the order the keys were pressed, with the workspace held open
 * between decisions (a keystroke should not pay for opening it). Each store call commits before the next one
 * starts, so whatever the screen reports as done is on disk. Never the JavaFX thread; not the job executor either,
 * whose threads run in parallel and would reorder an accept and its undo.
 */
final class DecisionQueue implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "augur-review-decisions");
        t.setDaemon(true);
        return t;
    });
    private static final int RETRIES = 20;
    private Workspace open; // touched only on the thread
    private final ReadOnlyIntegerWrapper writing = new ReadOnlyIntegerWrapper(); // JavaFX thread

    /** Runs {@code work} on the workspace at {@code file} after every decision submitted before it. */
    <T> CompletableFuture<T> submit(Path file, Function<Workspace, T> work) {
        return CompletableFuture.supplyAsync(() -> work.apply(workspace(file)), thread);
    }

    /**
     * Runs a store call again when SQLite refused it as busy. A decision reads the row, then writes; when another
     * connection commits in between (a job closing its workspace may run ANALYZE), SQLite answers SQLITE_BUSY at
     * once instead of waiting. The store rolled the transaction back, so running it again is safe; wrap only the
     * one store call, never reads after it.
     */
    static <T> T withRetry(java.util.function.Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (WorkspaceException e) {
                if (attempt >= RETRIES || !busy(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(5L * attempt);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean busy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && (t.getMessage().contains("SQLITE_BUSY") || t.getMessage().contains("database is locked"))) {
                return true;
            }
        }
        return false;
    }

    /** As {@link #submit(Path, Function)}, with the outcome handed to the JavaFX thread. */
    <T> CompletableFuture<T> submit(Path file, Function<Workspace, T> work, Consumer<T> onDone,
                                    Consumer<Throwable> onError) {
        CompletableFuture<T> f = submit(file, work);
        f.whenComplete((v, e) -> Platform.runLater(() -> {
            if (e == null) {
                onDone.accept(v);
            } else {
                onError.accept(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            }
        }));
        return f;
    }

    /**
     * As {@link #submit(Path, Function, Consumer, Consumer)}, counted in {@link #writingProperty()} until its
     * callback has run. Call on the JavaFX thread.
     */
    <T> CompletableFuture<T> write(Path file, Function<Workspace, T> work, Consumer<T> onDone,
                                   Consumer<Throwable> onError) {
        writing.set(writing.get() + 1);
        return submit(file, work, v -> {
            writing.set(writing.get() - 1);
            onDone.accept(v);
        }, e -> {
            writing.set(writing.get() - 1);
            onError.accept(e);
        });
    }

    /** How many writes of {@link #write} are on their way to the disk. */
    ReadOnlyIntegerProperty writingProperty() {
        return writing.getReadOnlyProperty();
    }

    /** Waits until every decision submitted so far is committed (a read after it then sees them all). */
    void awaitSubmitted() {
        CompletableFuture.runAsync(() -> { }, thread).join();
    }

    private Workspace workspace(Path file) {
        Path abs = file.toAbsolutePath();
        if (open != null && !open.file().equals(abs)) {
            closeOpen();
        }
        if (open == null) {
            open = Workspace.open(abs);
        }
        return open;
    }

    private void closeOpen() {
        Workspace w = open;
        open = null;
        if (w != null) {
            w.close();
        }
    }

    /** Finishes the decisions already submitted, then closes the workspace. */
    @Override
    public void close() {
        thread.execute(this::closeOpen);
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
