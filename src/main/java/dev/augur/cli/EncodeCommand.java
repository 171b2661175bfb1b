package dev.augur.cli;

import dev.augur.core.encode.DeviceChoice;
import dev.augur.core.encode.EncodeReport;
import dev.augur.core.encode.EncodeRequest;
import dev.augur.core.encode.EncodeService;
import dev.augur.core.encode.EncodeTarget;
import dev.augur.core.store.Workspace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "encode", description = "Encode item texts, reviews or generated profiles into the workspace's vectors;"
        + " unchanged texts are skipped, so a re-run (or a run after a crash) encodes only what is new.")
final class EncodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--target", required = true, paramLabel = "TARGET",
            description = "items, reviews, item-profiles or user-profiles.")
    String target;

    @Option(names = "--model", defaultValue = "minilm", paramLabel = "MODEL",
            description = "minilm, minilm-q, bge-small or bge-small-q (default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "DEVICE",
            description = "auto, cpu or gpu (default ${DEFAULT-VALUE}: CUDA when the GPU build finds a GPU).")
    String device;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset (default: the workspace's first).")
    String dataset;

    @Option(names = "--text", paramLabel = "TEMPLATE",
            description = "Item text template over {title}, {description}, {categories}, {id}, {attr.NAME}"
                    + " (default \"{title}. {categories}. {description}\").")
    String template;

    @Option(names = "--json", description = "Print one JSON object on the last line.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EncodeRequest request = EncodeRequest.of(EncodeTarget.parse(target), model).withDevice(DeviceChoice.parse(device));
        if (dataset != null) {
            request = request.withDataset(dataset);
        }
        if (template != null) {
            request = request.withTemplate(template);
        }
        ConsoleProgress progress = ConsoleProgress.forTerminal(spec.commandLine().getErr());
        EncodeReport r;
        try (Workspace ws = workspace.openExisting(); EncodeService service = new EncodeService()) {
            r = service.run(ws, request, progress);
        } finally {
            progress.done();
        }
        if (json) {
            ObjectNode o = JsonOut.object();
            o.put("dataset", r.dataset());
            o.put("target", r.target());
            o.put("kind", r.kind());
            o.put("field", r.field());
            o.put("model", r.model());
            o.put("device", r.device());
            o.put("device_reason", r.deviceReason());
            o.put("total", r.total());
            o.put("encoded", r.encoded());
            o.put("skipped", r.skipped());
            o.put("empty", r.empty());
            o.put("truncated", r.truncated());
            o.put("pooled", r.pooled());
            o.put("tokens", r.tokens());
            o.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
            o.put("per_second", Math.round(r.perSecond() * 10) / 10.0);
            JsonOut.print(out, o);
        } else {
            out.printf(Locale.ROOT, "%s of %s with %s on %s (%s)%n", r.target(), r.dataset(), r.model(), r.device(), r.deviceReason());
            out.printf(Locale.ROOT, "  encoded %,d, skipped %,d unchanged, %,d without text, of %,d; %.1f s (%.1f texts/s)%n",
                    r.encoded(), r.skipped(), r.empty(), r.total(), r.seconds(), r.perSecond());
            if (r.truncated() > 0) {
                out.printf(Locale.ROOT, "  %,d texts were longer than the model's token limit and were truncated%n", r.truncated());
            }
            if (r.pooled() > 0) {
                out.printf(Locale.ROOT, "  pooled %,d per-item and per-user review vectors%n", r.pooled());
            }
        }
        return 0;
    }
}
