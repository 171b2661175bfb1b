package dev.augur.cli;

import dev.augur.core.augment.AugmentReport;
import dev.augur.core.augment.AugmentRequest;
import dev.augur.core.augment.AugmentService;
import dev.augur.core.augment.AugmentTarget;
import dev.augur.core.augment.GenerationImporter;
import dev.augur.core.augment.PromptTemplate;
import dev.augur.core.augment.TemplateRegistry;
import dev.augur.core.llm.LlmClient;
import dev.augur.core.store.Workspace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "augment", description = {"Generate user or item profiles with an LLM from a prompt template, cached and"
        + " traced in the workspace: a re-run with the same template, prompt, model and parameters makes no LLM call.",
        "Also: augment import <file> — generations made elsewhere (JSONL or CSV)."},
        subcommands = AugmentCommand.ImportGenerations.class)
final class AugmentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--list-templates", description = "List the prompt templates (bundled and edited in the workspace) and exit.")
    boolean listTemplates;

    @Option(names = {"-w", "--workspace"}, paramLabel = "FILE", description = "Workspace file (*.augur).")
    Path workspace;

    @Option(names = "--show-template", paramLabel = "ID",
            description = "Print a template (latest version in the workspace, else the bundled one) as JSON, to edit.")
    String showTemplate;

    @Option(names = "--save-template", paramLabel = "FILE",
            description = "Save an edited template (JSON as --show-template prints it) into the workspace as its next version.")
    Path saveTemplate;

    @Option(names = "--template", paramLabel = "ID", description = "Template id, e.g. kar-item-knowledge (see --list-templates).")
    String template;

    @Option(names = "--target", paramLabel = "TARGET", description = "users or items (must match the template).")
    String target;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset (default: the workspace's first).")
    String dataset;

    @Option(names = "--ids", split = ",", paramLabel = "ID", description = "Only these user or item ids (as in the source data).")
    List<String> ids;

    @Option(names = "--limit", defaultValue = "0", description = "At most this many users or items (0: all).")
    int limit;

    @Mixin
    LlmServerOptions llm;

    @Option(names = "--concurrency", defaultValue = "4", description = "Requests in flight (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--rate", defaultValue = "0", description = "At most this many requests per second (0: no limit).")
    double rate;

    @Option(names = "--timeout", defaultValue = "120", description = "Seconds per request (default ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--json", description = "Print one JSON object on the last line.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TemplateRegistry templates = new TemplateRegistry();
        if (listTemplates) {
            return list(out, templates);
        }
        if (showTemplate != null || saveTemplate != null) {
            return templateFile(out, templates);
        }
        if (workspace == null || template == null || target == null) {
            throw new IllegalArgumentException("augment needs --workspace, --template and --target (or --list-templates)");
        }
        llm.check();
        if (!Files.exists(workspace)) {
            throw new IllegalArgumentException("no workspace at " + workspace.toAbsolutePath());
        }
        AugmentRequest request = AugmentRequest.of(template, AugmentTarget.parse(target))
                .withConcurrency(concurrency).withRequestsPerSecond(rate).withTimeout(Duration.ofSeconds(timeout));
        if (dataset != null) {
            request = request.withDataset(dataset);
        }
        if (ids != null && !ids.isEmpty()) {
            request = request.withIds(ids);
        } else if (limit > 0) {
            request = request.withLimit(limit);
        }
        ConsoleProgress progress = ConsoleProgress.forTerminal(spec.commandLine().getErr());
        AugmentReport r;
        try (Workspace ws = Workspace.open(workspace);
             LlmClient client = llm.open()) {
            r = new AugmentService(templates).run(ws, request, client, progress);
        } finally {
            progress.done();
        }
        if (json) {
            ObjectNode o = JsonOut.object();
            o.put("dataset", r.dataset());
            o.put("template", r.templateId());
            o.put("template_version", r.templateVersion());
            o.put("model", r.model());
            o.put("total", r.total());
            o.put("generated", r.generated());
            o.put("cached", r.cached());
            o.put("failed", r.failed());
            o.put("llm_calls", r.llmCalls());
            o.put("retries", r.retries());
            o.put("prompt_tokens", r.promptTokens());
            o.put("completion_tokens", r.completionTokens());
            o.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
            JsonOut.print(out, o);
        } else {
            out.printf(Locale.ROOT, "%s v%d on %s of %s with %s%n", r.templateId(), r.templateVersion(), target, r.dataset(), r.model());
            out.printf(Locale.ROOT, "  generated %,d, cached %,d (no call), failed %,d of %,d; %,d LLM calls (%,d retries) in %.1f s%n",
                    r.generated(), r.cached(), r.failed(), r.total(), r.llmCalls(), r.retries(), r.seconds());
        }
        return r.failed() > 0 && r.generated() + r.cached() == 0 ? 1 : 0;
    }

    /** Templates are edited as files: print one, change it, save it back as a new version (the old one stays). */
    private int templateFile(PrintWriter out, TemplateRegistry templates) {
        if (workspace == null || !Files.exists(workspace)) {
            throw new IllegalArgumentException("--show-template and --save-template need an existing --workspace");
        }
        try (Workspace ws = Workspace.open(workspace)) {
            if (showTemplate != null) {
                out.println(templates.get(ws, showTemplate).toJson());
                return 0;
            }
            String body;
            try {
                body = Files.readString(saveTemplate);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read " + saveTemplate + ": " + e.getMessage());
            }
            String author = System.getProperty("user.name", "analyst");
            PromptTemplate edited = PromptTemplate.fromJson(body, saveTemplate.toString(), author, java.time.Instant.now().toString());
            PromptTemplate saved = templates.saveEdit(ws, edited, author);
            if (json) {
                ObjectNode o = JsonOut.object();
                o.put("id", saved.id());
                o.put("version", saved.version());
                o.put("author", saved.author());
                JsonOut.print(out, o);
            } else {
                out.printf(Locale.ROOT, "saved %s as version %d (by %s); earlier versions are kept%n", saved.id(), saved.version(), saved.author());
            }
            return 0;
        }
    }

    private int list(PrintWriter out, TemplateRegistry templates) {
        List<PromptTemplate> all;
        if (workspace != null && Files.exists(workspace)) {
            try (Workspace ws = Workspace.open(workspace)) {
                all = templates.all(ws);
            }
        } else {
            all = templates.bundled();
        }
        if (json) {
            ObjectNode o = JsonOut.object();
            ArrayNode a = o.putArray("templates");
            for (PromptTemplate t : all) {
                ObjectNode x = a.addObject();
                x.put("id", t.id());
                x.put("version", t.version());
                x.put("target", t.target().id());
                x.put("paper", t.paper());
                x.put("title", t.title());
            }
            JsonOut.print(out, o);
        } else {
            for (PromptTemplate t : all) {
                out.printf(Locale.ROOT, "%-24s v%-3d %-6s %-7s %s%n", t.id(), t.version(), t.target().id(), t.paper(), t.title());
            }
        }
        return 0;
    }

    @Command(name = "import", description = "Import LLM outputs made elsewhere (JSONL or CSV rows: id, text or JSON fields,"
            + " optional model and prompt) as generations with provenance 'imported'; malformed rows are reported by line.")
    static final class ImportGenerations implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = {"-w", "--workspace"}, required = true, paramLabel = "FILE")
        Path workspace;

        @Option(names = "--target", required = true, description = "users or items.")
        String target;

        @Option(names = "--template", defaultValue = "imported", description = "Template id to file them under (default ${DEFAULT-VALUE}).")
        String template;

        @Option(names = "--dataset", paramLabel = "NAME")
        String dataset;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            GenerationImporter.Spec s = GenerationImporter.Spec.of(AugmentTarget.parse(target), template);
            if (dataset != null) {
                s = s.withDataset(dataset);
            }
            GenerationImporter.Result r;
            try (Workspace ws = Workspace.open(workspace)) {
                r = new GenerationImporter().importFile(ws, file, s);
            }
            if (json) {
                ObjectNode o = JsonOut.object();
                o.put("file", r.file());
                o.put("imported", r.imported());
                o.put("rejected", r.rejected());
                ArrayNode p = o.putArray("problems");
                r.problems().forEach(p::add);
                JsonOut.print(out, o);
            } else {
                out.printf(Locale.ROOT, "imported %,d generations, rejected %,d rows%n", r.imported(), r.rejected());
                r.problems().forEach(x -> out.println("  " + x));
            }
            return 0;
        }
    }
}
