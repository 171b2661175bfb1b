package dev.augur.app;

import dev.augur.core.dataset.ImportService;
import dev.augur.core.dataset.Importers;
import dev.augur.core.encode.EncodeService;
import dev.augur.core.projection.ProjectionService;
import dev.augur.core.task.TaskExecutor;
import dev.augur.core.vectors.SimilarItems;

/**
 * The hand-written wiring of the services that the desktop app and the command line share. No DI framework:
 * a service gets what it needs in its constructor, here.
 */
public final class AppServices implements AutoCloseable {
    private final ImportService importService;
    private final TaskExecutor tasks;
    private final EncodeService encoder = new EncodeService();
    private final SimilarItems similarItems = new SimilarItems();
    private final ProjectionService projections = new ProjectionService();

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

    /** The one encode service: keeps loaded sentence encoders between jobs until {@link #close}. */
    public EncodeService encoder() {
        return encoder;
    }

    /** "Similar items" search; keeps cosine indexes of item vector sets while they are unchanged. */
    public SimilarItems similarItems() {
        return similarItems;
    }

    /** 2-D layouts of vector sets (PCA, UMAP), computed once and cached in the workspace. */
    public ProjectionService projections() {
        return projections;
    }

    @Override
    public void close() {
        tasks.close(); // jobs stop first, then what they used
        encoder.close();
        similarItems.close();
    }
}
