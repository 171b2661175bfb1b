package dev.augur.core.dataset.sample;

import dev.augur.core.dataset.ImportOptions;
import dev.augur.core.dataset.ImportService;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The bundled sample workspace: the generated files in {@code sample-data/} travel inside the jar and are
 * imported into a workspace the first time the app starts, so the app never depends on the working folder.
 */
public final class SampleWorkspace {
    public static final String DATASET = "augur-sample";
    private static final List<String> FILES = List.of("augur-sample.inter", "augur-sample.item", "augur-sample.user");

    private SampleWorkspace() {
    }

    /** True when {@code file} holds no dataset yet (a new or empty workspace). */
    public static boolean needsBuild(Path file) {
        if (!Files.exists(file)) {
            return true;
        }
        try (Workspace ws = Workspace.open(file)) {
            return ws.read().datasets().isEmpty();
        }
    }

    /** Imports the bundled sample into {@code file} unless it already holds data. */
    public static void ensure(Path file, ImportService imports, TaskMonitor monitor) {
        if (!needsBuild(file)) {
            return;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("augur-sample");
            for (String name : FILES) {
                try (InputStream in = SampleWorkspace.class.getResourceAsStream("/sample-data/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("the sample data " + name + " is missing from this build");
                    }
                    Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try (Workspace ws = Workspace.open(file)) {
                imports.run(ws, dir, ImportOptions.defaults().withFormat("recbole").withName(DATASET), monitor);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the sample workspace " + file, e);
        } finally {
            if (dir != null) {
                for (String name : FILES) {
                    dir.resolve(name).toFile().delete();
                }
                dir.toFile().delete();
            }
        }
    }
}
