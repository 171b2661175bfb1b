package dev.augur.core.bench;

import dev.augur.core.dataset.ImportOptions;
import dev.augur.core.dataset.ImportService;
import dev.augur.core.dataset.sample.SampleDataGenerator;
import dev.augur.core.dataset.sample.SampleSpec;
import dev.augur.core.encode.DeviceChoice;
import dev.augur.core.encode.EncodeReport;
import dev.augur.core.encode.EncodeRequest;
import dev.augur.core.encode.EncodeService;
import dev.augur.core.encode.EncodeTarget;
import dev.augur.core.encode.EncoderModel;
import dev.augur.core.encode.PlainEncoderLoop;
import dev.augur.core.encode.SentenceEncoder;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code bench encode}: sentences per second of each bundled encoder on the same texts, beside the plain DJL +
 * ONNX Runtime loop ({@link PlainEncoderLoop}) over the same model in the same run, alternating runs so both see
 * the same machine noise; and, on request, a whole {@code encode} of a generated catalogue with its peak heap.
 */
public final class EncodeBenchmark {

    /** One model's outcome: medians of texts per second. */
    public record ModelResult(String model, double[] augurSeconds, double[] plainSeconds, int texts, long tokens,
                              String device) {
        public double augurPerSecond() {
            return texts / ImportBenchmark.median(augurSeconds);
        }

        public double plainPerSecond() {
            return texts / ImportBenchmark.median(plainSeconds);
        }

        public double ratio() {
            return augurPerSecond() / plainPerSecond();
        }
    }

    /** A whole {@code encode --target items} run over a generated catalogue. */
    public record CatalogueResult(int items, String model, EncodeReport report, long peakHeapBytes, long maxHeapBytes) {
    }

    /**
     * About 30-word texts: title, categories and description of the bundled sample's items (an invented
     * catalogue), repeated when more are asked for than the sample holds.
     */
    public static List<String> sampleTexts(int n) {
        List<String> base = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                EncodeBenchmark.class.getResourceAsStream("/sample-data/" + SampleDataGenerator.ITEM_FILE)),
                StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t", -1);
                base.add(f[1] + ". " + f[2].replace(' ', ',').replace(",", ", ") + ". " + f[3]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(base.get(i % base.size()));
        }
        return out;
    }

    public List<ModelResult> throughput(List<EncoderModel> models, int texts, int runs, TaskMonitor monitor) {
        List<String> sample = sampleTexts(texts);
        List<ModelResult> results = new ArrayList<>();
        int step = 0;
        for (EncoderModel m : models) {
            double[] ours = new double[runs];
            double[] plain = new double[runs];
            long tokens = 0;
            String device;
            try (SentenceEncoder enc = SentenceEncoder.open(m, DeviceChoice.CPU);
                 PlainEncoderLoop loop = new PlainEncoderLoop(m)) {
                device = enc.device().device() + " × " + enc.workers() + " workers";
                // warm-up: first calls pay ONNX Runtime's graph set-up and the JIT
                enc.encode(sample.subList(0, 64), d -> { }, () -> false);
                loop.encode(sample.subList(0, 64));
                for (int r = 0; r < runs; r++) {
                    monitor.message(m.id() + " run " + (r + 1) + "/" + runs + ": plain DJL loop");
                    long t0 = System.nanoTime();
                    loop.encode(sample);
                    plain[r] = (System.nanoTime() - t0) / 1e9;
                    monitor.message(m.id() + " run " + (r + 1) + "/" + runs + ": augur encoder");
                    t0 = System.nanoTime();
                    tokens = enc.encode(sample, d -> { }, () -> false).tokens();
                    ours[r] = (System.nanoTime() - t0) / 1e9;
                    monitor.progress(++step, (long) models.size() * runs);
                }
            }
            results.add(new ModelResult(m.id(), ours, plain, texts, tokens, device));
        }
        return results;
    }

    /** Generates a catalogue of {@code items}, imports it and encodes every item text once, watching the heap. */
    public CatalogueResult catalogue(int items, String model, Path workDir, ImportService imports, TaskMonitor monitor) {
        try {
            Files.createDirectories(workDir);
            Path data = workDir.resolve("catalogue");
            monitor.message("Generating " + items + " items");
            int users = Math.max(50, items / 50);
            SampleDataGenerator.write(data, new SampleSpec(42, items, users, Math.max(items, users * 10), 12, 0.10));
            Path ws = workDir.resolve("catalogue.augur");
            Files.deleteIfExists(ws);
            try (Workspace w = Workspace.open(ws); EncodeService encode = new EncodeService()) {
                monitor.message("Importing");
                imports.run(w, data, ImportOptions.defaults(), TaskMonitor.NONE);
                System.gc();
                HeapPeak.reset();
                EncodeReport report = encode.run(w, EncodeRequest.of(EncodeTarget.ITEMS, model).withDevice(DeviceChoice.CPU), monitor);
                return new CatalogueResult(items, model, report, HeapPeak.peakBytes(), HeapPeak.maxHeapBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
