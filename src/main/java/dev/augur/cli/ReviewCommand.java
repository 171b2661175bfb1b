package dev.augur.cli;

import dev.augur.core.review.ReviewExport;
import dev.augur.core.store.Workspace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "review", description = "The review of synthetic interactions (the queue itself is in the app).",
        subcommands = ReviewCommand.Export.class)
final class ReviewCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "export", description = {"Export observed plus accepted synthetic interactions (a source column"
            + " says which) as RecBole atomic files (<dataset>.inter, .item, .user), CSV or JSONL; or, with --format"
            + " audit, every synthetic interaction with its provenance and review decisions as JSONL.",
            "A RecBole export reads back with: augur import DIR --format recbole"})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOption workspace;

        @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "recbole, csv, jsonl or audit.")
        String format;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into (created"
                + " if missing; files of the same name are replaced).")
        Path out;

        @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset (default: the workspace's first).")
        String dataset;

        @Option(names = "--json", description = "Print one JSON object on the last line.")
        boolean json;

        @Override
        public Integer call() {
            ReviewExport.Format f = ReviewExport.Format.parse(format);
            ConsoleProgress progress = ConsoleProgress.forTerminal(spec.commandLine().getErr());
            ReviewExport.Result r;
            try (Workspace ws = workspace.openExisting()) {
                r = new ReviewExport().export(ws, Optional.ofNullable(dataset), f, out, progress);
            } catch (UncheckedIOException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            } finally {
                progress.done();
            }
            PrintWriter w = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = JsonOut.object();
                o.put("dataset", r.dataset());
                o.put("format", r.format().id());
                ArrayNode files = o.putArray("files");
                r.files().forEach(p -> files.add(p.toString()));
                if (f == ReviewExport.Format.AUDIT) {
                    o.put("annotations", r.annotations());
                    o.put("decisions", r.decisions());
                } else {
                    o.put("observed", r.observed());
                    o.put("synthetic", r.synthetic());
                    o.put("interactions", r.observed() + r.synthetic());
                }
                JsonOut.print(w, o);
            } else {
                if (f == ReviewExport.Format.AUDIT) {
                    w.printf(Locale.ROOT, "exported %,d synthetic interactions with %,d decisions of %s%n",
                            r.annotations(), r.decisions(), r.dataset());
                } else {
                    w.printf(Locale.ROOT, "exported %,d interactions of %s: %,d observed, %,d accepted synthetic%n",
                            r.observed() + r.synthetic(), r.dataset(), r.observed(), r.synthetic());
                }
                r.files().forEach(p -> w.println("  " + p));
            }
            return 0;
        }
    }
}
