package dev.augur.cli;

import dev.augur.app.AppServices;
import dev.augur.core.dataset.ColumnMapping;
import dev.augur.core.dataset.ImportOptions;
import dev.augur.core.dataset.ImportReportJson;
import dev.augur.core.dataset.ImportReport;
import dev.augur.core.dataset.OnError;
import dev.augur.core.store.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "import", description = "Import a dataset (file or folder) into a workspace, all or nothing by default.")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "Dataset file or folder.")
    Path source;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "auto (default), movielens, amazon, mind, recbole or csv; or a precise id such as movielens-100k.")
    String format;

    @Option(names = "--on-error", defaultValue = "abort", paramLabel = "POLICY",
            description = "abort (default: a bad line stops the import and nothing is written) or skip (import the rest, report the problems).")
    String onError;

    @Option(names = "--name", paramLabel = "NAME", description = "Dataset name (default: from the file or folder name).")
    String name;

    @Option(names = "--encoding", paramLabel = "CHARSET", description = "Force a text encoding, e.g. ISO-8859-1 (default: detect).")
    String encoding;

    @Option(names = "--columns", paramLabel = "MAPPING",
            description = "Column mapping for generic CSV/TSV: user=COL,item=COL[,value=COL][,timestamp=COL][,title=COL][,text=COL|COL][,delimiter=tab]")
    String columns;

    @Option(names = "--json", description = "Print the report as one JSON object on the last line.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportOptions options = ImportOptions.defaults().withFormat(format).withOnError(policy(onError));
        if (name != null) {
            options = options.withName(name);
        }
        if (encoding != null) {
            options = options.withEncoding(charset(encoding));
        }
        if (columns != null) {
            options = options.withMapping(ColumnMapping.parse(columns));
        }
        ConsoleProgress progress = ConsoleProgress.forTerminal(err);
        ImportReport r;
        try (AppServices services = new AppServices(); Workspace ws = workspace.openOrCreate()) {
            r = services.imports().run(ws, source, options, progress);
        } finally {
            progress.done();
        }
        if (json) {
            JsonOut.print(out, ImportReportJson.of(r));
        } else {
            out.printf(Locale.ROOT, "Imported dataset '%s' (%s) into %s in %.2f s%n", r.dataset(), r.format(),
                    workspace.file, r.seconds());
            out.printf(Locale.ROOT, "  %,d users, %,d items, %,d interactions, %,d reviews, %,d tags%n", r.users(),
                    r.items(), r.interactions(), r.reviews(), r.tags());
            out.printf(Locale.ROOT, "  %,d cold items (no interactions), %,d items without metadata, %,d duplicate rows dropped%n",
                    r.coldItems(), r.bareItems(), r.duplicates());
            r.warnings().forEach(w -> out.println("  warning: " + w));
            if (r.skipped() > 0) {
                out.printf(Locale.ROOT, "  %,d bad lines skipped; the first %d:%n", r.skipped(), r.problems().size());
                r.problems().forEach(p -> out.println("    " + p));
            }
        }
        return 0;
    }

    private static OnError policy(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "abort" -> OnError.ABORT;
            case "skip" -> OnError.SKIP;
            default -> throw new IllegalArgumentException("--on-error must be abort or skip, not '" + s + "'");
        };
    }

    private static Charset charset(String s) {
        try {
            return Charset.forName(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown encoding '" + s + "'; try UTF-8, ISO-8859-1 or windows-1252");
        }
    }
}
