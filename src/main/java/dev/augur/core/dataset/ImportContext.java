package dev.augur.core.dataset;

import dev.augur.core.task.TaskMonitor;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The running import's surroundings: error policy, the problems seen so far, warnings, progress over the
 * bytes of all input files, and cancellation. One importer thread uses it.
 */
public final class ImportContext {
    public static final int MAX_REPORTED_PROBLEMS = 20;
    private static final long PROGRESS_EVERY_BYTES = 256 * 1024;

    private final ImportOptions options;
    private final TaskMonitor monitor;
    private final long totalBytes;
    private final List<ImportProblem> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private long skipped;
    private long bytesDone;
    private long lastReported;

    public ImportContext(ImportOptions options, TaskMonitor monitor, long totalBytes) {
        this.options = options;
        this.monitor = monitor;
        this.totalBytes = totalBytes;
    }

    public ImportOptions options() {
        return options;
    }

    public Optional<Charset> forcedEncoding() {
        return options.encoding();
    }

    /**
     * A bad line. Under {@link OnError#ABORT} this throws, so the whole import is rolled back; under
     * {@link OnError#SKIP} it is counted and the caller leaves the line out.
     */
    public void problem(String file, long line, String field, String reason) {
        ImportProblem p = new ImportProblem(file, line, field, reason);
        if (options.onError() == OnError.ABORT) {
            throw new ImportException(p);
        }
        skipped++;
        if (problems.size() < MAX_REPORTED_PROBLEMS) {
            problems.add(p);
        }
    }

    /** A problem no policy can skip (a missing or unreadable file, a truncated archive). */
    public ImportException fatal(String file, long line, String field, String reason) {
        return new ImportException(new ImportProblem(file, line, field, reason));
    }

    public void warn(String warning) {
        warnings.add(warning);
        monitor.message(warning);
    }

    public void message(String message) {
        monitor.message(message);
    }

    /** Called by the readers as bytes of the input files are consumed (compressed bytes for gzip). */
    public void bytesRead(long n) {
        bytesDone += n;
        if (bytesDone - lastReported >= PROGRESS_EVERY_BYTES) {
            lastReported = bytesDone;
            monitor.progress(bytesDone, totalBytes);
            monitor.checkCancelled();
        }
    }

    public void checkCancelled() {
        monitor.checkCancelled();
    }

    public long skipped() {
        return skipped;
    }

    public List<ImportProblem> problems() {
        return List.copyOf(problems);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public void finishProgress() {
        monitor.progress(totalBytes, totalBytes);
    }
}
