package dev.augur.ui.rankings;

import dev.augur.core.task.Job;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.common.JobBinding;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Writes a CSV file of the Rankings section as a job, and tells the section's status or error line how it went.
 * The rankings shown and the metrics table both export through it.
 */
final class CsvExport {
    /** What goes into the file. */
    interface Body {
        void write(Writer w) throws IOException;
    }

    private final TaskExecutor tasks;
    private final Consumer<String> status;
    private final Consumer<String> error;

    CsvExport(TaskExecutor tasks, Consumer<String> status, Consumer<String> error) {
        this.tasks = tasks;
        this.status = status;
        this.error = error;
    }

    /** Writes {@code body} to {@code file} in the background, as the job {@code name}. */
    Job<Path> write(String name, Path file, Body body) {
        Job<Path> job = tasks.submit(name, m -> {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            return file;
        });
        JobBinding.follow(job, s -> { }, f -> status.accept("Wrote " + f),
                e -> error.accept("Could not write " + file + ": " + (e.getMessage() == null ? e : e.getMessage())));
        return job;
    }
}
