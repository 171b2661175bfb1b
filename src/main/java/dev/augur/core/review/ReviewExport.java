package dev.augur.core.review;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Exports a dataset for training elsewhere: its observed interactions plus the accepted synthetic ones, with a
 * {@code source} column that says which (observed | synthetic); pending and rejected proposals never leave. As
 * RecBole atomic files ({@code <dataset>.inter}, {@code .item}, and {@code .user} when users have attributes), which
 * {@code augur import DIR --format recbole} reads back, as CSV or as JSONL. Or the review itself: every synthetic
 * interaction with its provenance and its decisions (annotator, action, before, after, time) as JSONL. Files are
 * written under temporary names and renamed at the end, so a failed export leaves nothing half-written
 * ({@link ExportOutput}); {@link RecBoleExport}, {@link TableExport} and {@link AuditExport} write the formats.
 */
public final class ReviewExport {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Items, users or synthetic interactions read from the workspace at a time. */
    static final int PAGE = 2048;

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
        ExportOutput out = new ExportOutput(dir);
        try {
            Result r = switch (format) {
                case RECBOLE -> RecBoleExport.write(ws, ds, out, base, monitor);
                case CSV, JSONL -> TableExport.write(ws, ds, format, out, base, monitor);
                case AUDIT -> AuditExport.write(ws, ds, out, base, monitor);
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

    // ---- fields shared by the format writers --------------------------------------------------------------

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
