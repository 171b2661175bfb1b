package dev.augur.core.synth;

import dev.augur.core.augment.GenerationImporter.CsvRecords;
import dev.augur.core.dataset.OnError;
import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.SyntheticProposal;
import dev.augur.core.store.SyntheticStore;
import dev.augur.core.store.Workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Imports synthetic interactions proposed by another pipeline into the pending review queue. CSV (a header row,
 * RFC 4180 quoting) or JSONL (one object per line), with the keys {@code user_id}, {@code item_id}, {@code label}
 * (0/1 or true/false) or {@code rating} (a number), and optionally {@code confidence} (0..1), {@code rationale} and
 * {@code model}; ids are the dataset's own (external) ids. Every bad row is reported by file and line; with
 * {@link OnError#ABORT} (the default) one bad row means nothing is stored, with {@link OnError#SKIP} the good rows
 * are. Rows are stored with origin and target {@code imported} and their file and line; a pair already observed or
 * proposed (in any status) counts as a duplicate.
 */
public final class SyntheticImporter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KEYS = List.of("user_id", "item_id", "label", "rating", "confidence",
            "rationale", "model");

    /**
     * What an import did. {@code rows}: data rows read; {@code created}: new pending interactions; {@code duplicates}:
     * rows for pairs already observed or proposed, or repeated in the file; {@code rejected}: bad rows;
     * {@code stored}: false when a bad row stopped an all-or-nothing import (then nothing was stored);
     * {@code problems}: the first {@value #MAX_PROBLEMS} bad rows, each "FILE line N: why".
     */
    public record Result(String file, String dataset, long rows, long created, long duplicates, long rejected,
                         boolean stored, List<String> problems) {
        public static final int MAX_PROBLEMS = 50;

        public Result {
            problems = List.copyOf(problems);
        }
    }

    /** Imports {@code file} (.csv, .jsonl, .ndjson or .json lines) into dataset {@code dataset} (empty: the first). */
    public Result importFile(Workspace ws, Path file, Optional<String> dataset, OnError onError) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no file " + file.toAbsolutePath());
        }
        DatasetInfo ds = SyntheticService.dataset(ws, dataset);
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Reader run = new Reader(ws, ds, file);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (lower.endsWith(".csv")) {
                run.csv(r);
            } else if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
                run.jsonl(r);
            } else {
                throw new IllegalArgumentException(file + ": give a .csv or .jsonl file of user_id, item_id,"
                        + " label or rating, confidence, rationale, model");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String name = file.toString();
        if (run.rejected > 0 && onError == OnError.ABORT) {
            return new Result(name, ds.name(), run.rows, 0, 0, run.rejected, false, run.problems);
        }
        ProposedPairs proposed = ProposedPairs.load(ws.synthetic(), ds.id());
        List<SyntheticProposal> fresh = new ArrayList<>();
        long duplicates = 0;
        for (SyntheticProposal p : run.proposals) {
            if (proposed.add(p.userId(), p.itemId())) {
                fresh.add(p);
            } else {
                duplicates++;
            }
        }
        SyntheticStore.Added added = ws.synthetic().add(ds.id(), fresh); // one transaction: all or nothing
        return new Result(name, ds.name(), run.rows, added.created(), duplicates + added.duplicates(), run.rejected,
                true, run.problems);
    }

    /** Reads rows into proposals and problems; stores nothing. */
    private static final class Reader {
        private final Workspace ws;
        private final DatasetInfo dataset;
        private final String fileName;
        private final String source;
        private final Map<String, Optional<Long>> users = new HashMap<>();
        private final Map<String, Optional<Long>> items = new HashMap<>();
        final List<SyntheticProposal> proposals = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        long rows;
        long rejected;

        Reader(Workspace ws, DatasetInfo dataset, Path file) {
            this.ws = ws;
            this.dataset = dataset;
            this.fileName = String.valueOf(file.getFileName());
            this.source = file.toAbsolutePath().toString();
        }

        void jsonl(BufferedReader r) throws IOException {
            long line = 0;
            for (String s; (s = r.readLine()) != null; ) {
                line++;
                if (s.isBlank()) {
                    continue;
                }
                rows++;
                JsonNode node;
                try {
                    node = JSON.readTree(s);
                } catch (Exception e) {
                    reject(line, "not valid JSON");
                    continue;
                }
                if (node == null || !node.isObject()) {
                    reject(line, "not a JSON object");
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (String k : KEYS) {
                    JsonNode v = node.get(k);
                    if (v != null && !v.isNull()) {
                        row.put(k, v.isValueNode() ? v.asText() : v.toString());
                    }
                }
                row(line, row);
            }
        }

        void csv(BufferedReader r) throws IOException {
            CsvRecords records = new CsvRecords(r);
            CsvRecords.Record header = records.next();
            if (header == null) {
                throw new IllegalArgumentException(fileName + " is empty; expected a header row: user_id,item_id,"
                        + "rating (or label),confidence,rationale,model");
            }
            List<String> names = header.fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)
                    .replace("\uFEFF", "")).toList();
            for (String required : List.of("user_id", "item_id")) {
                if (!names.contains(required)) {
                    throw new IllegalArgumentException(fileName + ": the header has no " + required + " column; it"
                            + " has " + names + ", expected user_id,item_id,rating (or label),confidence,rationale,"
                            + "model");
                }
            }
            if (!names.contains("label") && !names.contains("rating")) {
                throw new IllegalArgumentException(fileName + ": the header has neither a label nor a rating column;"
                        + " it has " + names);
            }
            for (CsvRecords.Record rec; (rec = records.next()) != null; ) {
                if (rec.fields().size() == 1 && rec.fields().get(0).isBlank() && rec.error() == null) {
                    continue;
                }
                rows++;
                if (rec.error() != null) {
                    reject(rec.line(), rec.error());
                    continue;
                }
                if (rec.fields().size() > names.size()) {
                    reject(rec.line(), rec.fields().size() + " fields, the header has " + names.size());
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < rec.fields().size(); i++) {
                    if (KEYS.contains(names.get(i)) && !rec.fields().get(i).isEmpty()) {
                        row.put(names.get(i), rec.fields().get(i));
                    }
                }
                row(rec.line(), row);
            }
        }

        private void row(long line, Map<String, String> row) {
            String user = row.getOrDefault("user_id", "").strip();
            String item = row.getOrDefault("item_id", "").strip();
            if (user.isEmpty() || item.isEmpty()) {
                reject(line, "no " + (user.isEmpty() ? "user_id" : "item_id"));
                return;
            }
            Optional<Long> userId = users.computeIfAbsent(user, u -> ws.read().entityId(dataset.id(), "user", u));
            if (userId.isEmpty()) {
                reject(line, "no user '" + user + "' in dataset " + dataset.name());
                return;
            }
            Optional<Long> itemId = items.computeIfAbsent(item, i -> ws.read().entityId(dataset.id(), "item", i));
            if (itemId.isEmpty()) {
                reject(line, "no item '" + item + "' in dataset " + dataset.name());
                return;
            }
            double value;
            String rating = row.getOrDefault("rating", "").strip();
            String label = row.getOrDefault("label", "").strip();
            if (!rating.isEmpty()) {
                value = number(rating);
                if (Double.isNaN(value)) {
                    reject(line, "rating '" + rating + "' is not a number");
                    return;
                }
            } else if (!label.isEmpty()) {
                value = label(label);
                if (Double.isNaN(value)) {
                    reject(line, "label '" + label + "' is not 0 or 1 (or true or false)");
                    return;
                }
            } else {
                reject(line, "neither a label nor a rating");
                return;
            }
            double confidence = Double.NaN;
            String c = row.getOrDefault("confidence", "").strip();
            if (!c.isEmpty()) {
                confidence = number(c);
                if (!(confidence >= 0 && confidence <= 1)) {
                    reject(line, "confidence '" + c + "' is not a number between 0 and 1");
                    return;
                }
            }
            proposals.add(new SyntheticProposal(userId.get(), itemId.get(), value, "imported", "imported",
                    row.getOrDefault("model", "").strip(), confidence, row.getOrDefault("rationale", "").strip(),
                    Double.NaN, Double.NaN, 0, source, line));
        }

        private static double number(String s) {
            try {
                double v = Double.parseDouble(s);
                return Double.isFinite(v) ? v : Double.NaN;
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        private static double label(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "1", "1.0", "true" -> 1;
                case "0", "0.0", "false" -> 0;
                default -> Double.NaN;
            };
        }

        private void reject(long line, String why) {
            rejected++;
            if (problems.size() < Result.MAX_PROBLEMS) {
                problems.add(fileName + " line " + line + ": " + why);
            }
        }
    }
}
