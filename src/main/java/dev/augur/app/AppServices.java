package dev.augur.app;

import dev.augur.core.dataset.ImportService;
import dev.augur.core.dataset.Importers;
import dev.augur.core.task.TaskExecutor;

/**
 * The hand-written wiring of the services that the desktop app and the command line share. No DI framework:
 * a service gets what it needs in its constructor, here.
 */
public final class AppServices implements AutoCloseable {
    private final ImportService importService;
    private final TaskExecutor tasks;

    public AppServices() {
        this.importService = new ImportService(Importers.standard());
        this.tasks = new TaskExecutor(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    public ImportService imports() {
        return importService;
    }

    public TaskExecutor tasks() {
        return tasks;
    }

    @Override
    public void close() {
        tasks.close();
    }
}
