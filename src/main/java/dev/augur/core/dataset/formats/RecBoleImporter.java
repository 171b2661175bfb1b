package dev.augur.core.dataset.formats;

import dev.augur.core.dataset.Detection;
import dev.augur.core.dataset.ImportContext;
import dev.augur.core.dataset.Importer;
import dev.augur.core.dataset.formats.RecBoleHeader.Field;
import dev.augur.core.dataset.formats.RecBoleHeader.Type;
import dev.augur.core.dataset.read.BadFieldException;
import dev.augur.core.dataset.read.CsvReader;
import dev.augur.core.dataset.read.Fields;
import dev.augur.core.dataset.read.Json;
import dev.augur.core.dataset.read.LineReader;
import dev.augur.core.dataset.read.Rows;
import dev.augur.core.dataset.read.TextEncoding;
import dev.augur.core.store.DatasetWriter;
import dev.augur.core.task.TaskMonitor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * RecBole atomic files {@code <name>.inter}, {@code <name>.user}, {@code <name>.item}: tab-separated, a header of
 * {@code field:type} (token, token_seq, float, float_seq), no quoting. Ids are found by RecBole's default names
 * {@code user_id}/{@code item_id}; every item field without a role (title, description, categories) becomes an attribute.
 */
public final class RecBoleImporter implements Importer {
    private static final String INTER = ".inter";
    private static final String[] TITLE = {"title", "movie_title", "name", "item_title", "item_name"};
    private static final String[] DESCRIPTION = {"description", "desc", "abstract", "text"};
    private static final String[] CATEGORIES = {"genre", "genres", "categories", "class", "category"};
    private static final String[] VALUE = {"rating", "label"};

    @Override
    public String id() {
        return "recbole";
    }

    @Override
    public String family() {
        return "recbole";
    }

    @Override
    public boolean dropsDuplicateInteractions() {
        return true;
    }

    /** The {@code .inter} file to read, or, for a folder holding several, all of them (read then fails). */
    private record Choice(Path inter, List<Path> candidates) {
    }

    private static Optional<Choice> choose(Path source) {
        if (Files.isRegularFile(source)) {
            return source.getFileName().toString().endsWith(INTER)
                    ? Optional.of(new Choice(source.toAbsolutePath(), List.of())) : Optional.empty();
        }
        if (!Files.isDirectory(source)) {
            return Optional.empty();
        }
        List<Path> inters;
        try (Stream<Path> s = Files.list(source)) {
            inters = s.filter(p -> p.getFileName().toString().endsWith(INTER) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (inters.size() == 1) {
            return Optional.of(new Choice(inters.get(0).toAbsolutePath(), List.of()));
        }
        Path dirName = source.toAbsolutePath().getFileName();
        // RecBole names the files after the dataset folder (ml-100k/ml-100k.inter); extra .inter files are splits.
        Optional<Path> named = inters.stream()
                .filter(p -> dirName != null && p.getFileName().toString().equals(dirName + INTER)).findFirst();
        if (named.isPresent()) {
            return Optional.of(new Choice(named.get().toAbsolutePath(), List.of()));
        }
        return inters.isEmpty() ? Optional.empty() : Optional.of(new Choice(null, inters));
    }

    private static String baseName(Path inter) {
        String n = inter.getFileName().toString();
        return n.substring(0, n.length() - INTER.length());
    }

    private static Path sibling(Path inter, String suffix) {
        return inter.resolveSibling(baseName(inter) + suffix);
    }

    @Override
    public Optional<Detection> detect(Path source) {
        return choose(source).map(c -> {
            if (c.inter() == null) {
                Path dir = source.toAbsolutePath();
                return new Detection(this, dir, 85, c.candidates(), String.valueOf(dir.getFileName()),
                        "RecBole atomic files (several .inter files)");
            }
            List<Path> files = new ArrayList<>();
            for (String suffix : List.of(".item", ".user", INTER)) {
                Path p = sibling(c.inter(), suffix);
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
            String base = baseName(c.inter());
            return new Detection(this, c.inter(), 85, files, base,
                    "RecBole atomic files (" + base + ".inter, .item, .user)");
        });
    }

    @Override
    public void read(Detection d, DatasetWriter out, ImportContext ctx) {
        Choice c = choose(d.source()).orElseThrow(() -> ctx.fatal(String.valueOf(d.source().getFileName()), 0, "",
                "no .inter file found"));
        if (c.inter() == null) {
            throw ctx.fatal(String.valueOf(d.source().getFileName()), 0, "", "the folder holds several .inter files ("
                    + String.join(", ", c.candidates().stream().map(p -> p.getFileName().toString()).toList())
                    + ") and none is named after the folder; import one of them directly");
        }
        Path inter = c.inter();
        RecBoleHeader interHeader = header(inter, ctx);
        Field user = interHeader.idField(null, "user_id", "user");
        Field item = interHeader.idField(null, "item_id", "item");
        if (user == null || item == null || user.equals(item)) {
            throw ctx.fatal(inter.getFileName().toString(), 1, "", "no " + (user == null ? "user" : "item")
                    + " id field: expected user_id:token and item_id:token (or token fields whose names contain"
                    + " 'user' and 'item'); the header has " + interHeader.describe());
        }
        Path items = sibling(inter, ".item");
        if (Files.isRegularFile(items)) {
            readItems(items, item.name(), out, ctx);
        }
        Path users = sibling(inter, ".user");
        if (Files.isRegularFile(users)) {
            readUsers(users, user.name(), out, ctx);
        }
        readInteractions(inter, user, item, out, ctx);
    }

    /** Peeks at a header before the file's turn comes; a quiet context keeps the bytes out of the progress. */
    private static RecBoleHeader header(Path file, ImportContext ctx) {
        ImportContext quiet = new ImportContext(ctx.options(), TaskMonitor.NONE, 0);
        try (LineReader lines = LineReader.open(file, TextEncoding.UTF8, quiet)) {
            return RecBoleHeader.read(new CsvReader(lines, quiet, '\t', false), quiet);
        }
    }

    private static void readItems(Path file, String itemName, DatasetWriter out, ImportContext ctx) {
        ctx.message("Reading " + file.getFileName());
        try (LineReader lines = LineReader.open(file, TextEncoding.UTF8, ctx)) {
            CsvReader r = new CsvReader(lines, ctx, '\t', false);
            RecBoleHeader h = RecBoleHeader.read(r, ctx);
            Field id = requireId(h, itemName, "item_id", "item", r, ctx);
            Field title = h.named(TITLE);
            Field description = h.named(DESCRIPTION);
            Field categories = h.named(CATEGORIES);
            Rows.each(r, ctx, (row, line) -> {
                checkWidth(row, h);
                String itemId = Fields.required(row, id.index(), id.name());
                if (out.isItemDeclared(itemId)) {
                    throw new BadFieldException(id.name(), "item " + Fields.abbreviate(itemId) + " is listed twice");
                }
                ObjectNode a = attributes(row, h, id, title, description, categories);
                out.putItem(itemId, text(row, title), text(row, description),
                        Json.array(categories == null ? List.of() : categories(Fields.optional(row, categories.index()),
                                categories.type())), a.toString());
            });
        }
    }

    private static void readUsers(Path file, String userName, DatasetWriter out, ImportContext ctx) {
        ctx.message("Reading " + file.getFileName());
        try (LineReader lines = LineReader.open(file, TextEncoding.UTF8, ctx)) {
            CsvReader r = new CsvReader(lines, ctx, '\t', false);
            RecBoleHeader h = RecBoleHeader.read(r, ctx);
            Field id = requireId(h, userName, "user_id", "user", r, ctx);
            Rows.each(r, ctx, (row, line) -> {
                checkWidth(row, h);
                String userId = Fields.required(row, id.index(), id.name());
                if (out.hasUser(userId)) {
                    throw new BadFieldException(id.name(), "user " + Fields.abbreviate(userId) + " is listed twice");
                }
                out.putUser(userId, attributes(row, h, id).toString());
            });
        }
    }

    private static void readInteractions(Path file, Field user, Field item, DatasetWriter out, ImportContext ctx) {
        ctx.message("Reading " + file.getFileName());
        long[] rows = {0};
        try (LineReader lines = LineReader.open(file, TextEncoding.UTF8, ctx)) {
            CsvReader r = new CsvReader(lines, ctx, '\t', false);
            RecBoleHeader h = RecBoleHeader.read(r, ctx);
            Field value = h.named(VALUE);
            Field ts = h.named("timestamp");
            Rows.each(r, ctx, (row, line) -> {
                checkWidth(row, h);
                rows[0]++;
                String u = Fields.required(row, user.index(), user.name());
                String i = Fields.required(row, item.index(), item.name());
                double v = value == null ? 1.0 : Fields.number(Fields.required(row, value.index(), value.name()), value.name());
                String t = ts == null ? "" : Fields.optional(row, ts.index());
                long time = t.isEmpty() ? DatasetWriter.NO_TIMESTAMP : (long) Fields.number(t, ts.name());
                out.interaction(out.user(u), out.item(i), v, time, -1);
            });
        }
        if (rows[0] == 0 && ctx.skipped() == 0) {
            throw ctx.fatal(file.getFileName().toString(), 0, "", "the file has a header but no interactions");
        }
    }

    private static Field requireId(RecBoleHeader h, String preferred, String defaultName, String part, CsvReader r,
                                   ImportContext ctx) {
        Field id = h.idField(preferred, defaultName, part);
        if (id == null) {
            throw ctx.fatal(r.file(), r.line(), "", "no " + part + " id field: expected " + preferred + ":token (as in"
                    + " the .inter file) or " + defaultName + ":token; the header has " + h.describe());
        }
        return id;
    }

    /** Rows may leave trailing fields out (they read as empty) but never carry more than the header names. */
    private static void checkWidth(String[] row, RecBoleHeader h) {
        if (row.length > h.fields().size()) {
            throw new BadFieldException("", "the row has " + row.length + " tab-separated fields, the header declares "
                    + h.fields().size());
        }
    }

    private static String text(String[] row, Field f) {
        String s = f == null ? "" : Fields.optional(row, f.index());
        return s.isEmpty() ? null : s;
    }

    /** Every field except the given ones: floats as numbers, float sequences as arrays, tokens as text. */
    private static ObjectNode attributes(String[] row, RecBoleHeader h, Field... taken) {
        ObjectNode a = Json.object();
        for (Field f : h.fields()) {
            if (Arrays.asList(taken).contains(f)) { // roles may be absent (null)
                continue;
            }
            String v = Fields.optional(row, f.index());
            if (v.isEmpty()) {
                continue;
            }
            switch (f.type()) {
                case FLOAT -> a.put(f.name(), Fields.number(v, f.name()));
                case FLOAT_SEQ -> {
                    ArrayNode arr = a.putArray(f.name());
                    for (String x : v.split("\\s+")) {
                        arr.add(Fields.number(x, f.name()));
                    }
                }
                default -> a.put(f.name(), v);
            }
        }
        return a;
    }

    /**
     * Categories of a token_seq field are space-separated tokens; converted Amazon files instead list multi-word
     * categories separated by commas, so a comma switches the separator.
     */
    static List<String> categories(String value, Type type) {
        if (value.isEmpty()) {
            return List.of();
        }
        if (type != Type.TOKEN_SEQ) {
            return List.of(value);
        }
        List<String> out = new ArrayList<>();
        for (String part : value.split(value.indexOf(',') >= 0 ? "," : "\\s+")) {
            String c = part.strip().replaceAll("^[\\[\\]'\"]+|[\\[\\]'\"]+$", "").strip();
            if (!c.isEmpty() && !out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }
}
