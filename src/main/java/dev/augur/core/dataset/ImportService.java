package dev.augur.core.dataset;

import dev.augur.core.store.DatasetWriter;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Imports a file or folder into a workspace as one new dataset, all or nothing (unless told to skip bad lines). */
public final class ImportService {
    private static final System.Logger LOG = System.getLogger(ImportService.class.getName());

    private final Importers importers;

    public ImportService(Importers importers) {
        this.importers = importers;
    }

    public Importers importers() {
        return importers;
    }

    public Detection detect(Path source, String format) {
        return importers.detect(source, format);
    }

    public ImportReport run(Workspace workspace, Path source, ImportOptions options, TaskMonitor monitor) {
        long start = System.nanoTime();
        Detection detection = importers.detect(source, options.format());
        String name = options.datasetName().orElse(detection.suggestedName());
        if (workspace.read().dataset(name).isPresent() && options.datasetName().isEmpty()) {
            name = freeName(workspace, name);
        }
        long totalBytes = detection.files().stream().mapToLong(ImportService::size).sum();
        ImportContext ctx = new ImportContext(options, monitor, totalBytes);
        Importer importer = detection.importer();
        monitor.message("Importing " + detection.description());
        LOG.log(System.Logger.Level.INFO, "import {0} as {1} into {2}", source, importer.id(), workspace.file());
        ImportReport report;
        try (DatasetWriter out = workspace.newDataset(name, importer.id(), source.toAbsolutePath().toString())) {
            if (importer.dropsDuplicateInteractions()) {
                out.dropDuplicateInteractions();
            }
            importer.read(detection, out, ctx);
            ctx.checkCancelled();
            double readSeconds = (System.nanoTime() - start) / 1e9;
            monitor.message("Committing " + out.interactionCount() + " interactions, then indexing them");
            String datasetName = name;
            long cold = out.coldItemCount();
            long duplicates = out.commit(d -> ImportReportJson.of(report(datasetName, importer, source, out, ctx, d, cold, readSeconds, start)).toString());
            double loadSeconds = (out.committedAt() - start) / 1e9;
            report = report(name, importer, source, out, ctx, duplicates, cold, loadSeconds, start);
        }
        ctx.finishProgress();
        return report;
    }

    private static ImportReport report(String name, Importer importer, Path source, DatasetWriter out, ImportContext ctx,
                                       long duplicates, long cold, double loadSeconds, long start) {
        return new ImportReport(name, importer.id(), source.toAbsolutePath().toString(), out.userCount(), out.itemCount(),
                out.interactionCount(), out.reviewCount(), out.tagCount(), out.bareItemCount(), cold,
                duplicates, ctx.skipped(), ctx.problems(), ctx.warnings(), loadSeconds, (System.nanoTime() - start) / 1e9);
    }

    private static String freeName(Workspace workspace, String base) {
        for (int i = 2; ; i++) {
            String candidate = base + "-" + i;
            if (workspace.read().dataset(candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    private static long size(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
