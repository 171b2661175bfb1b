package dev.augur.cli;

import dev.augur.core.augment.AugmentException;
import dev.augur.core.augment.TemplateRegistry;
import dev.augur.core.dataset.OnError;
import dev.augur.core.llm.LlmClient;
import dev.augur.core.store.Workspace;
import dev.augur.core.synth.SynthReport;
import dev.augur.core.synth.SynthRequest;
import dev.augur.core.synth.SynthTarget;
import dev.augur.core.synth.SyntheticImporter;
import dev.augur.core.synth.SyntheticService;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "synth", description = {"Propose synthetic interactions with an LLM for cold-start or long-tail items"
        + " (candidate users by content similarity and a collaborative model; one question per pair) or for users"
        + " with short histories (likes and dislikes among candidate items). Proposals wait as 'pending' for review"
        + " and never mix into observed data; answers are cached, so a re-run makes no call for what was asked.",
        "Also: synth import <file> — proposals made elsewhere (CSV or JSONL)."},
        subcommands = SynthCommand.Import.class)
final class SynthCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-w", "--workspace"}, paramLabel = "FILE", description = "Workspace file (*.augur).")
    Path workspace;

    @Option(names = "--target", paramLabel = "TARGET",
            description = "cold-items (no observed interaction), tail-items (the fifth of items with the fewest) or"
                    + " short-users (at most 5 interactions).")
    String target;

    @Option(names = "--limit", paramLabel = "N", description = "How many items (or users) to propose for.")
    Integer limit;

    @Option(names = "--candidates", defaultValue = "0", paramLabel = "N",
            description = "Candidate users per item (default " + SynthRequest.DEFAULT_USERS_PER_ITEM
                    + ") or candidate items shown per user (default " + SynthRequest.DEFAULT_ITEMS_PER_USER + ").")
    int candidates;

    @Option(names = "--collab", defaultValue = SynthRequest.DEFAULT_COLLAB, paramLabel = "MODEL",
            description = "Collaborative model that scores candidates: itemknn (default), als, bpr or pop.")
    String collab;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset (default: the workspace's first).")
    String dataset;

    @Mixin
    LlmServerOptions llm;

    @Option(names = "--concurrency", defaultValue = "4", description = "Requests in flight (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--timeout", defaultValue = "120", description = "Seconds per request (default ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--json", description = "Print one JSON object on the last line.")
    boolean json;

    @Override
    public Integer call() {
        if (workspace == null || target == null || limit == null) {
            throw new IllegalArgumentException("synth needs --workspace, --target cold-items|tail-items|short-users"
                    + " and --limit N (or: synth import FILE --workspace W)");
        }
        llm.check();
        if (!Files.exists(workspace)) {
            throw new IllegalArgumentException("no workspace at " + workspace.toAbsolutePath()
                    + "; create one with: augur import <file-or-folder> --workspace " + workspace);
        }
        SynthRequest request = SynthRequest.of(SynthTarget.parse(target), limit).withCandidates(candidates)
                .withCollabModel(collab).withConcurrency(llm.inProcess() ? 1 : concurrency)
                .withTimeout(Duration.ofSeconds(timeout)).withDataset(dataset);
        PrintWriter out = spec.commandLine().getOut();
        ConsoleProgress progress = ConsoleProgress.forTerminal(spec.commandLine().getErr());
        SynthReport r;
        try (Workspace ws = Workspace.open(workspace);
             LlmClient client = llm.open()) {
            r = new SyntheticService(new TemplateRegistry()).run(ws, request, client, progress);
        } catch (AugmentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } finally {
            progress.done();
        }
        if (json) {
            ObjectNode o = JsonOut.object();
            o.put("dataset", r.dataset());
            o.put("target", r.target());
            o.put("template", r.templateId());
            o.put("template_version", r.templateVersion());
            o.put("model", r.model());
            o.put("content", r.contentSource());
            o.put("collab", r.collabModel());
            o.put("targets", r.targets());
            o.put("prompts", r.prompts());
            o.put("created", r.created());
            o.put("duplicates", r.duplicates());
            o.put("llm_calls", r.llmCalls());
            o.put("cached", r.cached());
            o.put("failed", r.failed());
            o.put("invalid", r.invalid());
            o.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
            ArrayNode p = o.putArray("problems");
            r.problems().forEach(p::add);
            JsonOut.print(out, o);
        } else {
            out.printf(Locale.ROOT, "%s of %s with %s (%s v%d); candidates by %s%s%n", r.target(), r.dataset(),
                    r.model(), r.templateId(), r.templateVersion(),
                    r.contentSource().isEmpty() ? "no content" : r.contentSource(),
                    r.collabModel().isEmpty() ? "" : " and " + r.collabModel());
            out.printf(Locale.ROOT, "  %,d pending proposals created for %,d %s (%,d duplicates skipped)%n",
                    r.created(), r.targets(), r.target().endsWith("users") ? "users" : "items", r.duplicates());
            out.printf(Locale.ROOT, "  %,d prompts: %,d LLM calls, %,d cached, %,d failed, %,d invalid answers in"
                    + " %.1f s%n", r.prompts(), r.llmCalls(), r.cached(), r.failed(), r.invalid(), r.seconds());
            r.problems().forEach(p -> out.println("  " + p));
            if (r.created() > 0) {
                out.println("  review them in the app, or export accepted ones with: augur review export");
            }
        }
        return r.failed() + r.invalid() > 0 && r.created() + r.duplicates() + r.cached() == 0 ? 1 : 0;
    }

    @Command(name = "import", description = "Import synthetic interactions proposed elsewhere (CSV with header"
            + " user_id,item_id,label|rating,confidence,rationale,model, or JSONL with those keys; the dataset's own"
            + " ids) as pending proposals. Bad rows are reported by line; by default one bad row stores nothing.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Mixin
        WorkspaceOption workspace;

        @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset (default: the workspace's first).")
        String dataset;

        @Option(names = "--on-error", defaultValue = "abort", paramLabel = "POLICY",
                description = "abort (default: a bad row stores nothing) or skip (store the good rows, report the bad).")
        String onError;

        @Option(names = "--json", description = "Print one JSON object on the last line.")
        boolean json;

        @Override
        public Integer call() {
            OnError policy = switch (onError.toLowerCase(Locale.ROOT)) {
                case "abort" -> OnError.ABORT;
                case "skip" -> OnError.SKIP;
                default -> throw new IllegalArgumentException("--on-error must be abort or skip, not '" + onError
                        + "'");
            };
            SyntheticImporter.Result r;
            try (Workspace ws = workspace.openExisting()) {
                r = new SyntheticImporter().importFile(ws, file, Optional.ofNullable(dataset), policy);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = JsonOut.object();
                o.put("file", r.file());
                o.put("dataset", r.dataset());
                o.put("rows", r.rows());
                o.put("created", r.created());
                o.put("duplicates", r.duplicates());
                o.put("rejected", r.rejected());
                o.put("stored", r.stored());
                ArrayNode p = o.putArray("problems");
                r.problems().forEach(p::add);
                JsonOut.print(out, o);
            } else if (r.stored()) {
                out.printf(Locale.ROOT, "imported %,d pending proposals into %s (%,d duplicates, %,d bad rows"
                        + " skipped)%n", r.created(), r.dataset(), r.duplicates(), r.rejected());
                r.problems().forEach(x -> out.println("  " + x));
            } else {
                spec.commandLine().getErr().printf(Locale.ROOT, "error: %,d bad rows, nothing was imported (use"
                        + " --on-error skip to import the good rows):%n", r.rejected());
                r.problems().forEach(x -> spec.commandLine().getErr().println("  " + x));
            }
            return r.stored() ? 0 : 1;
        }
    }
}
