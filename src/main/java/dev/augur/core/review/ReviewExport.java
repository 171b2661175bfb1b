package dev.augur.core.review;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.EntityRef;
import dev.augur.core.store.InteractionColumns;
import dev.augur.core.store.ItemCatalog;
import dev.augur.core.store.ItemRecord;
import dev.augur.core.store.ReviewDecision;
import dev.augur.core.store.SyntheticFilter;
import dev.augur.core.store.SyntheticRow;
import dev.augur.core.store.UserRecord;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Exports a dataset for training elsewhere: its observed interactions plus the accepted synthetic ones, with a
 * {@code source} column that says which (observed | synthetic); pending and rejected proposals never leave. As
 * RecBole atomic files ({@code <dataset>.inter}, {@code .item}, and {@code .user} when users have attributes), which
 * {@code augur import DIR --format recbole} reads back, as CSV or as JSONL. Or the review itself: every synthetic
 * interaction with its provenance and its decisions (annotator, action, before, after, time) as JSONL. Files are
 * written under temporary names and renamed at the end, so a failed export leaves nothing half-written.
 */
public final class ReviewExport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 2048;

    public enum Format {
        RECBOLE, CSV, JSONL, AUDIT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Format parse(String s) {
            for (Format f : values()) {
                if (f.id().equalsIgnoreCase(s == null ? "" : s.strip())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("export format is recbole, csv, jsonl or audit, not '" + s + "'");
        }
    }

    /**
     * What was written: the files, the observed and accepted synthetic interactions in them (0 for the audit), and
     * the synthetic interactions and decisions in the audit (0 otherwise).
     */
    public record Result(String dataset, Format format, List<Path> files, long observed, long synthetic,
                         long annotations, long decisions) {
        public Result {
            files = List.copyOf(files);
        }
    }

    public Result export(Workspace ws, Optional<String> dataset, Format format, Path dir, TaskMonitor monitor) {
        DatasetInfo ds = dataset(ws, dataset);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the folder " + dir + ": " + e.getMessage(), e);
        }
        String base = fileName(ds.name());
        Output out = new Output(dir);
        try {
            Result r = switch (format) {
                case RECBOLE -> recbole(ws, ds, out, base, monitor);
                case CSV, JSONL -> table(ws, ds, format, out, base, monitor);
                case AUDIT -> audit(ws, ds, out, base, monitor);
            };
            out.commit();
            return r;
        } catch (IOException e) {
            out.abandon();
            throw new UncheckedIOException("cannot write the export into " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            out.abandon();
            throw e;
        }
    }

    // ---- interactions ----------------------------------------------------------------------------------------

    /** The rows to export: observed plus accepted synthetic, with external ids. */
    private record Rows(InteractionColumns cols, Map<Long, String> users, ItemCatalog items) {
        String user(int k) {
            return users.get(cols.users()[k]);
        }

        String item(int k) {
            return items.externalIds()[items.indexOf(cols.items()[k])];
        }

        String source(int k) {
            return cols.synthetic()[k] ? "synthetic" : "observed";
        }

        boolean hasTime(int k) {
            return cols.ts()[k] != InteractionColumns.NO_TIME;
        }

        long observed() {
            long n = 0;
            for (boolean s : cols.synthetic()) {
                n += s ? 0 : 1;
            }
            return n;
        }
    }

    private static Rows rows(Workspace ws, DatasetInfo ds, TaskMonitor monitor) {
        monitor.message("Loading the interactions of " + ds.name());
        InteractionColumns cols = ws.interactions().load(ds.id(), true);
        long[] distinct = Arrays.stream(cols.users()).distinct().sorted().toArray();
        String[] ext = ws.interactions().userExternalIds(distinct);
        Map<Long, String> users = new HashMap<>(distinct.length * 2);
        for (int i = 0; i < distinct.length; i++) {
            users.put(distinct[i], ext[i]);
        }
        return new Rows(cols, users, ws.interactions().catalog(ds.id()));
    }

    private Result recbole(Workspace ws, DatasetInfo ds, Output out, String base, TaskMonitor monitor)
            throws IOException {
        Rows rows = rows(ws, ds, monitor);
        int n = rows.cols().size();
        try (Writer w = out.open(base + ".inter")) {
            w.write("user_id:token\titem_id:token\trating:float\ttimestamp:float\tsource:token\n");
            for (int k = 0; k < n; k++) {
                w.write(token(rows.user(k)) + "\t" + token(rows.item(k)) + "\t" + number(rows.cols().values()[k])
                        + "\t" + (rows.hasTime(k) ? Long.toString(rows.cols().ts()[k]) : "") + "\t" + rows.source(k)
                        + "\n");
                tick(monitor, k, n);
            }
        }
        monitor.message("Writing the items of " + ds.name());
        itemFile(ws, ds, out, base);
        userFile(ws, ds, out, base);
        long observed = rows.observed();
        return new Result(ds.name(), Format.RECBOLE, out.targets(), observed, n - observed, 0, 0);
    }

    private Result table(Workspace ws, DatasetInfo ds, Format format, Output out, String base, TaskMonitor monitor)
            throws IOException {
        Rows rows = rows(ws, ds, monitor);
        int n = rows.cols().size();
        boolean csv = format == Format.CSV;
        try (Writer w = out.open(base + (csv ? ".csv" : ".jsonl"))) {
            if (csv) {
                w.write("user_id,item_id,rating,timestamp,source\n");
            }
            for (int k = 0; k < n; k++) {
                if (csv) {
                    w.write(csv(rows.user(k)) + "," + csv(rows.item(k)) + "," + number(rows.cols().values()[k]) + ","
                            + (rows.hasTime(k) ? Long.toString(rows.cols().ts()[k]) : "") + "," + rows.source(k)
                            + "\n");
                } else {
                    ObjectNode o = JSON.createObjectNode();
                    o.put("user_id", rows.user(k));
                    o.put("item_id", rows.item(k));
                    o.put("rating", rows.cols().values()[k]);
                    if (rows.hasTime(k)) {
                        o.put("timestamp", rows.cols().ts()[k]);
                    } else {
                        o.putNull("timestamp");
                    }
                    o.put("source", rows.source(k));
                    w.write(o + "\n");
                }
                tick(monitor, k, n);
            }
        }
        long observed = rows.observed();
        return new Result(ds.name(), format, out.targets(), observed, n - observed, 0, 0);
    }

    private static void tick(TaskMonitor monitor, int k, int n) {
        if ((k & 0xFFFF) == 0) {
            monitor.progress(k, n);
            monitor.checkCancelled();
        }
    }

    // ---- items and users (RecBole) --------------------------------------------------------------------------

    /** {@code <base>.item}: id, title, description, categories and the scalar attributes. */
    private static void itemFile(Workspace ws, DatasetInfo ds, Output out, String base) throws IOException {
        Attributes attrs = new Attributes(List.of("item_id", "title", "description", "categories"));
        for (long after = 0; ; ) {
            List<ItemRecord> page = ws.read().itemsAfter(ds.id(), after, PAGE);
            page.forEach(i -> attrs.scan(i.attributesJson()));
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        try (Writer w = out.open(base + ".item")) {
            w.write("item_id:token\ttitle:token_seq\tdescription:token_seq\tcategories:token_seq"
                    + attrs.header() + "\n");
            for (long after = 0; ; ) {
                List<ItemRecord> page = ws.read().itemsAfter(ds.id(), after, PAGE);
                for (ItemRecord i : page) {
                    w.write(token(i.externalId()) + "\t" + token(i.title()) + "\t" + token(i.description()) + "\t"
                            + categories(i.categoriesJson()) + attrs.values(i.attributesJson()) + "\n");
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).id();
            }
        }
    }

    /** {@code <base>.user}, only when some user has scalar attributes (age, gender …). */
    private static void userFile(Workspace ws, DatasetInfo ds, Output out, String base) throws IOException {
        Attributes attrs = new Attributes(List.of("user_id"));
        List<UserRecord> users = new ArrayList<>();
        for (long after = 0; ; ) {
            List<EntityRef> page = ws.read().entityIdsAfter(ds.id(), "user", after, PAGE);
            for (EntityRef ref : page) {
                UserRecord u = ws.read().user(ref.id()).orElseThrow();
                users.add(u);
                attrs.scan(u.attributesJson());
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        if (attrs.isEmpty()) {
            return;
        }
        try (Writer w = out.open(base + ".user")) {
            w.write("user_id:token" + attrs.header() + "\n");
            for (UserRecord u : users) {
                w.write(token(u.externalId()) + attrs.values(u.attributesJson()) + "\n");
            }
        }
    }

    /** The scalar attributes of a file's rows: their columns, float when every value is a number, else token. */
    private static final class Attributes {
        private final List<String> reserved;
        private final Map<String, String> columns = new LinkedHashMap<>(); // attribute key → column name
        private final Map<String, Boolean> numeric = new HashMap<>();

        Attributes(List<String> reserved) {
            this.reserved = reserved;
        }

        void scan(String json) {
            JsonNode o = parse(json);
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (!v.isValueNode() || v.isNull()) {
                    continue;
                }
                String column = e.getKey().strip().replaceAll("[\\s:]+", "_");
                if (!columns.containsKey(e.getKey())) {
                    if (column.isEmpty() || reserved.contains(column.toLowerCase(Locale.ROOT))
                            || columns.containsValue(column)) {
                        continue;
                    }
                    columns.put(e.getKey(), column);
                }
                numeric.merge(e.getKey(), v.isNumber(), Boolean::logicalAnd);
            }
        }

        boolean isEmpty() {
            return columns.isEmpty();
        }

        String header() {
            StringBuilder b = new StringBuilder();
            columns.forEach((key, column) -> b.append('\t').append(column).append(':')
                    .append(numeric.get(key) ? "float" : "token"));
            return b.toString();
        }

        String values(String json) {
            JsonNode o = parse(json);
            StringBuilder b = new StringBuilder();
            for (String key : columns.keySet()) {
                JsonNode v = o.get(key);
                b.append('\t');
                if (v != null && v.isValueNode() && !v.isNull()) {
                    b.append(numeric.get(key) ? number(v.asDouble()) : token(v.asText()));
                }
            }
            return b.toString();
        }

        private static JsonNode parse(String json) {
            try {
                JsonNode n = json == null || json.isBlank() ? null : JSON.readTree(json);
                return n != null && n.isObject() ? n : JSON.createObjectNode();
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }
    }

    // ---- the audit ------------------------------------------------------------------------------------------

    /** {@code <base>.annotations.jsonl}: every synthetic interaction, any status, with provenance and decisions. */
    private Result audit(Workspace ws, DatasetInfo ds, Output out, String base, TaskMonitor monitor)
            throws IOException {
        monitor.message("Reading the audit log of " + ds.name());
        Map<Long, List<ReviewDecision>> decisions = new HashMap<>();
        List<ReviewDecision> log = ws.annotations().auditLog(ds.id());
        for (ReviewDecision d : log) {
            decisions.computeIfAbsent(d.interactionId(), k -> new ArrayList<>()).add(d);
        }
        SyntheticFilter all = SyntheticFilter.all(ds.id());
        long total = ws.synthetic().count(all);
        long written = 0;
        try (Writer w = out.open(base + ".annotations.jsonl")) {
            for (long offset = 0; ; offset += PAGE) {
                List<SyntheticRow> page = ws.synthetic().list(all, offset, PAGE);
                for (SyntheticRow r : page) {
                    w.write(annotation(r, decisions.getOrDefault(r.interactionId(), List.of())) + "\n");
                    written++;
                }
                monitor.progress(written, total);
                monitor.checkCancelled();
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
        return new Result(ds.name(), Format.AUDIT, out.targets(), 0, 0, written, log.size());
    }

    private static ObjectNode annotation(SyntheticRow r, List<ReviewDecision> decisions) {
        ObjectNode o = JSON.createObjectNode();
        o.put("interaction_id", r.interactionId());
        o.put("user_id", r.userExternalId());
        o.put("item_id", r.itemExternalId());
        o.put("item_title", r.itemTitle());
        o.put("status", r.status());
        real(o, "value", r.value());
        real(o, "proposed_value", r.proposedValue());
        o.put("origin", r.origin());
        o.put("target", r.target());
        o.put("model", r.model());
        real(o, "confidence", r.confidence());
        o.put("rationale", r.rationale());
        real(o, "content_score", r.contentScore());
        real(o, "collab_score", r.collabScore());
        if (r.generationId() > 0) {
            o.put("generation_id", r.generationId());
        } else {
            o.putNull("generation_id");
        }
        o.put("source_file", r.sourceFile());
        o.put("source_line", r.sourceLine());
        o.put("created_at", r.createdAt());
        ArrayNode a = o.putArray("decisions");
        for (ReviewDecision d : decisions) {
            ObjectNode x = a.addObject();
            x.put("id", d.id());
            x.put("annotator", d.annotator());
            x.put("action", d.action());
            ObjectNode before = x.putObject("before");
            before.put("status", d.beforeStatus());
            real(before, "value", d.beforeValue());
            ObjectNode after = x.putObject("after");
            after.put("status", d.afterStatus());
            real(after, "value", d.afterValue());
            if (d.undoes() > 0) {
                x.put("undoes", d.undoes());
            }
            if (!d.batch().isEmpty()) {
                x.put("batch", d.batch());
            }
            x.put("at", d.at());
        }
        return o;
    }

    private static void real(ObjectNode o, String key, double v) {
        if (Double.isNaN(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }

    // ---- files and fields -----------------------------------------------------------------------------------

    /**
     * The files of one export: each is written under a hidden temporary name and only renamed into place by
     * {@link #commit}, after all of them were written; {@link #abandon} deletes the temporary files.
     */
    private static final class Output {
        private final Path dir;
        private final Map<Path, Path> files = new LinkedHashMap<>(); // temporary → target

        Output(Path dir) {
            this.dir = dir;
        }

        Writer open(String name) throws IOException {
            Path target = dir.resolve(name);
            Path tmp = dir.resolve("." + name + ".part");
            files.put(tmp, target);
            return new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16);
        }

        List<Path> targets() {
            return List.copyOf(files.values());
        }

        void commit() {
            for (Path target : files.values()) {
                if (Files.isDirectory(target)) { // found before any file moves, so nothing is half-replaced
                    abandon();
                    throw new IllegalArgumentException("cannot write " + target + ": it is a folder");
                }
            }
            try {
                for (Map.Entry<Path, Path> e : files.entrySet()) {
                    try {
                        Files.move(e.getKey(), e.getValue(), StandardCopyOption.REPLACE_EXISTING,
                                StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException x) {
                        Files.move(e.getKey(), e.getValue(), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } catch (IOException e) {
                abandon();
                throw new UncheckedIOException("cannot move the export into " + dir + ": " + e.getMessage(), e);
            }
        }

        void abandon() {
            for (Path tmp : files.keySet()) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a leftover .part file is hidden and harmless
                }
            }
        }
    }

    /** A dataset name as a file name: letters, digits, '.', '_' and '-' kept, anything else '_'. */
    static String fileName(String dataset) {
        String s = dataset.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "dataset" + s : s;
    }

    /** A RecBole field: tabs and line breaks would end it, so they become spaces. */
    static String token(String s) {
        return s == null ? "" : s.replaceAll("[\\t\\r\\n]+", " ").strip();
    }

    /**
     * A categories token_seq: space-separated as RecBole expects, unless a category holds a space; then
     * comma-separated (with a trailing comma when there is only one), which Augur's RecBole importer reads back.
     */
    static String categories(String json) {
        List<String> cats = new ArrayList<>();
        try {
            JsonNode n = json == null || json.isBlank() ? null : JSON.readTree(json);
            if (n != null && n.isArray()) {
                for (JsonNode c : n) {
                    String t = token(c.isTextual() ? c.asText() : c.toString());
                    if (!t.isEmpty()) {
                        cats.add(t);
                    }
                }
            }
        } catch (IOException e) {
            return token(json);
        }
        boolean spaced = cats.stream().anyMatch(c -> c.contains(" "));
        if (!spaced) {
            return String.join(" ", cats);
        }
        return String.join(",", cats) + (cats.size() == 1 ? "," : "");
    }

    /** A CSV field, quoted when it holds a comma, quote or line break. */
    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Float.toString((float) v);
    }

    /** The dataset named {@code name}, or the workspace's first when empty. */
    private static DatasetInfo dataset(Workspace ws, Optional<String> name) {
        List<DatasetInfo> all = ws.read().datasets();
        if (all.isEmpty()) {
            throw new IllegalArgumentException("the workspace " + ws.file() + " has no dataset to export");
        }
        if (name.isEmpty()) {
            return all.get(0);
        }
        return all.stream().filter(d -> d.name().equals(name.get())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no dataset '" + name.get() + "' in the workspace;"
                        + " it has " + all.stream().map(DatasetInfo::name).toList()));
    }
}
