package dev.augur.core.augment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.Generation;
import dev.augur.core.store.Workspace;
import dev.augur.core.store.WorkspaceReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports generations made elsewhere (a Spark job, another tool) as rows with provenance {@code imported} and their
 * source file and line. JSONL: one object per line; CSV: a header row, RFC 4180 quoting. Each row names the entity
 * in column {@code id} (or {@code user_id}/{@code item_id}/{@code entity_id}) and carries either {@code text}
 * (stored as is, parsed when it is a JSON object, else as {@code {"text": …}}), or {@code json} (an object, or a
 * string holding one), or other fields, which together become the parsed JSON; {@code model} and {@code prompt}
 * are optional. Malformed rows (bad JSON or CSV, no id, unknown entity, no content) are kept out and reported by
 * line. Rows are stored in transactions of {@value #BATCH}.
 */
public final class GenerationImporter {
    static final int BATCH = 500;
    public static final int MAX_PROBLEMS = 20;
    private static final List<String> ID_FIELDS = List.of("id", "entity_id", "user_id", "item_id");
    private static final Set<String> META = Set.of("id", "entity_id", "user_id", "item_id", "model", "prompt");

    /** What to import: into which dataset (empty: the first), users or items, under which template id. */
    public record Spec(Optional<String> dataset, AugmentTarget target, String templateId) {
        public static Spec of(AugmentTarget target, String templateId) {
            return new Spec(Optional.empty(), target, templateId);
        }

        public Spec withDataset(String name) {
            return new Spec(Optional.of(name), target, templateId);
        }
    }

    /** @param problems the first {@value #MAX_PROBLEMS} problems, each "line N: why" */
    public record Result(String file, long imported, long rejected, List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    public Result importFile(Workspace ws, Path file, Spec spec) {
        DatasetInfo dataset = PromptRenderer.dataset(ws, spec.dataset());
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Run run = new Run(ws, dataset.id(), spec, file.toAbsolutePath().toString());
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (name.endsWith(".csv")) {
                run.csv(r);
            } else if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
                run.jsonl(r);
            } else {
                throw new AugmentException(file + ": give a .jsonl or .csv file");
            }
        } catch (IOException e) {
            throw new AugmentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        run.flush();
        return new Result(file.toString(), run.imported, run.rejected, run.problems);
    }

    private static final class Run {
        private final Workspace ws;
        private final WorkspaceReader reader;
        private final long datasetId;
        private final Spec spec;
        private final String source;
        private final List<Generation> pending = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        long imported;
        long rejected;

        Run(Workspace ws, long datasetId, Spec spec, String source) {
            this.ws = ws;
            this.reader = ws.read();
            this.datasetId = datasetId;
            this.spec = spec;
            this.source = source;
        }

        void jsonl(BufferedReader r) throws IOException {
            long line = 0;
            for (String s; (s = r.readLine()) != null; ) {
                line++;
                if (s.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = PromptTemplate.JSON.readTree(s);
                } catch (Exception e) {
                    reject(line, "not valid JSON");
                    continue;
                }
                if (node == null || !node.isObject()) {
                    reject(line, "not a JSON object");
                    continue;
                }
                row(line, (ObjectNode) node);
            }
        }

        void csv(BufferedReader r) throws IOException {
            CsvRecords records = new CsvRecords(r);
            CsvRecords.Record header = records.next();
            if (header == null) {
                return;
            }
            List<String> columns = header.fields().stream().map(String::strip).toList();
            for (CsvRecords.Record rec; (rec = records.next()) != null; ) {
                if (rec.error() != null) {
                    reject(rec.line(), rec.error());
                    continue;
                }
                if (rec.fields().size() == 1 && rec.fields().get(0).isBlank()) {
                    continue;
                }
                if (rec.fields().size() != columns.size()) {
                    reject(rec.line(), rec.fields().size() + " fields, the header has " + columns.size());
                    continue;
                }
                ObjectNode o = PromptTemplate.JSON.createObjectNode();
                for (int i = 0; i < columns.size(); i++) {
                    o.put(columns.get(i), rec.fields().get(i));
                }
                row(rec.line(), o);
            }
        }

        private void row(long line, ObjectNode o) {
            String ext = null;
            for (String f : ID_FIELDS) {
                JsonNode v = o.get(f);
                if (v != null && !v.isNull() && !v.asText().isBlank()) {
                    ext = v.asText().strip();
                    break;
                }
            }
            if (ext == null) {
                reject(line, "no entity id (column id, entity_id, user_id or item_id)");
                return;
            }
            Optional<Long> id = reader.entityId(datasetId, spec.target().kind(), ext);
            if (id.isEmpty()) {
                reject(line, "no " + spec.target().kind() + " '" + ext + "' in the dataset");
                return;
            }
            String raw;
            JsonNode parsed;
            JsonNode text = o.get("text");
            JsonNode json = o.get("json");
            if (json != null && !json.isNull() && !(json.isTextual() && json.asText().isBlank())) {
                parsed = json.isTextual() ? parseObject(json.asText()) : json;
                if (parsed == null || !parsed.isObject()) {
                    reject(line, "field json is not a JSON object");
                    return;
                }
                raw = json.isTextual() ? json.asText() : json.toString();
            } else if (text != null && !text.isNull() && !text.asText().isBlank()) {
                raw = text.asText();
                JsonNode p = parseObject(raw);
                parsed = p != null && p.isObject() ? p : PromptTemplate.JSON.createObjectNode().put("text", raw);
            } else {
                ObjectNode rest = PromptTemplate.JSON.createObjectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!META.contains(e.getKey()) && !e.getKey().equals("text") && !e.getKey().equals("json")) {
                        rest.set(e.getKey(), e.getValue());
                    }
                }
                if (rest.isEmpty()) {
                    reject(line, "no content (text, json or other fields)");
                    return;
                }
                parsed = rest;
                raw = rest.toString();
            }
            pending.add(Generation.imported(datasetId, spec.target().kind(), id.get(), spec.templateId(),
                    o.path("model").asText(""), o.path("prompt").asText(""), raw, parsed.toString(), source, line));
            if (pending.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                ws.generations().put(pending);
                imported += pending.size();
                pending.clear();
            }
        }

        private void reject(long line, String why) {
            rejected++;
            if (problems.size() < MAX_PROBLEMS) {
                problems.add("line " + line + ": " + why);
            }
        }

        private static JsonNode parseObject(String s) {
            String t = s.strip();
            if (!t.startsWith("{")) {
                return null;
            }
            try {
                return PromptTemplate.JSON.readTree(t);
            } catch (Exception e) {
                return null;
            }
        }
    }

    /** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
    public static final class CsvRecords {
        /** One record: the line it starts on, its fields, and why it is malformed (null when it is not). */
        public record Record(long line, List<String> fields, String error) {
        }

        private final BufferedReader r;
        private long line;

        public CsvRecords(BufferedReader r) {
            this.r = r;
        }

        /** The next record, or null at the end. */
        public Record next() throws IOException {
            String s = r.readLine();
            if (s == null) {
                return null;
            }
            line++;
            long start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            int i = 0;
            while (true) {
                if (i >= s.length()) {
                    if (quoted) {
                        String more = r.readLine();
                        if (more == null) {
                            return new Record(start, fields, "unterminated quoted field");
                        }
                        line++;
                        cur.append('\n');
                        s = more;
                        i = 0;
                        continue;
                    }
                    fields.add(cur.toString());
                    return new Record(start, fields, null);
                }
                char ch = s.charAt(i++);
                if (quoted) {
                    if (ch == '"') {
                        if (i < s.length() && s.charAt(i) == '"') {
                            cur.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        cur.append(ch);
                    }
                } else if (ch == ',') {
                    fields.add(cur.toString());
                    cur.setLength(0);
                    wasQuoted = false;
                } else if (ch == '"' && cur.length() == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (ch == '"') {
                    // consume the rest of this record so the next one starts cleanly
                    return new Record(start, fields, "stray quote in field " + (fields.size() + 1));
                } else {
                    cur.append(ch);
                }
            }
        }
    }
}
