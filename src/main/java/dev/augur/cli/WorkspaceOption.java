package dev.augur.cli;

import dev.augur.core.store.Workspace;
import dev.augur.core.store.WorkspaceException;

import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --workspace} option shared by commands. */
final class WorkspaceOption {
    @Option(names = {"-w", "--workspace"}, required = true, paramLabel = "FILE",
            description = "Workspace file (*.augur, a SQLite database).")
    Path file;

    /** Opens an existing workspace; commands that only read must not create an empty one by accident. */
    Workspace openExisting() {
        if (!Files.exists(file)) {
            throw new WorkspaceException("no workspace at " + file.toAbsolutePath()
                    + "; create one with: augur import <file-or-folder> --workspace " + file);
        }
        return Workspace.open(file);
    }

    Workspace openOrCreate() {
        return Workspace.open(file);
    }
}
