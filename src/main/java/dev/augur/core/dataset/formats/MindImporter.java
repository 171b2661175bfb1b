package dev.augur.core.dataset.formats;

import dev.augur.core.dataset.Detection;
import dev.augur.core.dataset.ImportContext;
import dev.augur.core.dataset.Importer;
import dev.augur.core.dataset.read.BadFieldException;
import dev.augur.core.dataset.read.CsvReader;
import dev.augur.core.dataset.read.Fields;
import dev.augur.core.dataset.read.Json;
import dev.augur.core.dataset.read.LineReader;
import dev.augur.core.dataset.read.Rows;
import dev.augur.core.dataset.read.TextEncoding;
import dev.augur.core.store.DatasetWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Microsoft News (MIND): {@code news.tsv} (NewsID, Category, SubCategory, Title, Abstract, URL, TitleEntities,
 * AbstractEntities) and {@code behaviors.tsv} (ImpressionID, UserID, Time, History, Impressions). Tab-separated,
 * no header, quotes are ordinary characters. Each impression candidate becomes an interaction labelled 1 (clicked)
 * or 0, or unlabelled in the test split; a user's click history repeats on every line, so it is written once.
 */
public final class MindImporter implements Importer {
    static final String NEWS = "news.tsv";
    static final String BEHAVIORS = "behaviors.tsv";
    private static final String[] NEWS_FIELDS = {"NewsID", "Category", "SubCategory", "Title", "Abstract", "URL",
            "TitleEntities", "AbstractEntities"};
    /** "11/15/2019 8:55:22 AM": US month/day order, 12-hour clock; MIND's times carry no zone, taken as UTC. */
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("M/d/yyyy h:mm:ss a").toFormatter(Locale.US);

    @Override
    public String id() {
        return "mind";
    }

    @Override
    public String family() {
        return "mind";
    }

    @Override
    public Optional<Detection> detect(Path source) {
        String name = source.getFileName() == null ? "" : source.getFileName().toString();
        Path dir = Files.isDirectory(source) ? source
                : name.equals(NEWS) || name.equals(BEHAVIORS) ? source.toAbsolutePath().getParent() : null;
        if (dir == null || !Files.isRegularFile(dir.resolve(NEWS)) && !Files.isRegularFile(dir.resolve(BEHAVIORS))) {
            return Optional.empty();
        }
        List<Path> files = new ArrayList<>();
        for (String f : List.of(NEWS, BEHAVIORS)) {
            if (Files.isRegularFile(dir.resolve(f))) {
                files.add(dir.resolve(f));
            }
        }
        String suggested = dir.getFileName() == null ? "mind" : dir.getFileName().toString();
        return Optional.of(new Detection(this, dir, 90, files, suggested, "MIND (news.tsv + behaviors.tsv)"));
    }

    @Override
    public void read(Detection d, DatasetWriter out, ImportContext ctx) {
        Path dir = d.source();
        for (String f : List.of(NEWS, BEHAVIORS)) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw ctx.fatal(f, 0, "", "missing in " + dir + ": MIND needs both news.tsv (the articles) and"
                        + " behaviors.tsv (the impressions), as in the MINDsmall_train folder");
            }
        }
        readNews(dir.resolve(NEWS), out, ctx);
        readBehaviors(dir.resolve(BEHAVIORS), out, ctx);
    }

    private static void readNews(Path file, DatasetWriter out, ImportContext ctx) {
        ctx.message("Reading " + NEWS);
        try (LineReader lines = LineReader.open(file, TextEncoding.UTF8, ctx)) {
            CsvReader r = new CsvReader(lines, ctx, '\t', false);
            Rows.each(r, ctx, (row, line) -> {
                // Older copies drop empty trailing fields; more than 8 means a stray tab shifted the columns.
                if (row.length < 4 || row.length > NEWS_FIELDS.length) {
                    throw new BadFieldException("", "expected 8 tab-separated fields (" + String.join(", ", NEWS_FIELDS)
                            + "), found " + row.length);
                }
                String id = Fields.required(row, 0, "NewsID");
                if (out.isItemDeclared(id)) {
                    throw new BadFieldException("NewsID", "news " + id + " is listed twice");
                }
                List<String> categories = new ArrayList<>(2);
                for (int i = 1; i <= 2; i++) {
                    String c = Fields.optional(row, i);
                    if (!c.isEmpty()) {
                        categories.add(c);
                    }
                }
                String title = Fields.optional(row, 3);
                String abstractText = Fields.optional(row, 4);
                ObjectNode a = Json.putIfPresent(Json.object(), "url", Fields.optional(row, 5));
                putEntities(a, "title_entities", Fields.optional(row, 6));
                putEntities(a, "abstract_entities", Fields.optional(row, 7));
                out.putItem(id, title.isEmpty() ? null : title, abstractText.isEmpty() ? null : abstractText,
                        Json.array(categories), a.toString());
            });
        }
    }

    /** Entities are JSON arrays of Wikidata links; kept as JSON when they parse, as text when they do not. */
    private static void putEntities(ObjectNode attributes, String key, String text) {
        if (text.isEmpty() || text.equals("[]")) {
            return;
        }
        try {
            JsonNode n = Json.MAPPER.readTree(text);
            if (n != null && n.isArray()) {
                if (!n.isEmpty()) {
                    attributes.set(key, n);
                }
                return;
            }
        } catch (JsonProcessingException e) {
            // not JSON: keep the text, which still says what the source held
        }
        attributes.put(key, text);
    }

    private static void readBehaviors(Path file, DatasetWriter out, ImportContext ctx) {
        ctx.message("Reading " + BEHAVIORS);
        long[] rows = {0};
        try (LineReader lines = LineReader.open(file, TextEncoding.UTF8, ctx)) {
            CsvReader r = new CsvReader(lines, ctx, '\t', false);
            Rows.each(r, ctx, (row, line) -> {
                Rows.expectFields(row, 5, "ImpressionID, UserID, Time, History, Impressions");
                rows[0]++;
                long impression = Fields.integer(Fields.required(row, 0, "ImpressionID"), "ImpressionID");
                if (impression < 0) {
                    throw new BadFieldException("ImpressionID", "'" + impression + "' is negative");
                }
                String user = Fields.required(row, 1, "UserID");
                long ts = time(Fields.required(row, 2, "Time"));
                // The history is the same on every line of a user: read it only where it will be written.
                boolean firstLine = !out.hasUser(user);
                int[] history = firstLine ? history(row[3], out) : new int[0];
                Impressions imp = impressions(row[4], out);
                int u = out.user(user);
                for (int item : history) {
                    out.interaction(u, item, 1.0, DatasetWriter.NO_TIMESTAMP, -1);
                }
                for (int i = 0; i < imp.items().length; i++) {
                    out.interaction(u, imp.items()[i], imp.labels()[i], ts, impression);
                }
            });
        }
        if (rows[0] == 0 && ctx.skipped() == 0) {
            throw ctx.fatal(BEHAVIORS, 0, "", "the file is empty: expected lines of ImpressionID, UserID, Time,"
                    + " History, Impressions");
        }
    }

    static long time(String value) {
        try {
            return LocalDateTime.parse(value, TIME).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BadFieldException("Time", "'" + Fields.abbreviate(value) + "' is not a time like 11/15/2019 8:55:22 AM");
        }
    }

    private static int[] history(String field, DatasetWriter out) {
        String[] ids = tokens(field);
        int[] items = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            items[i] = known(ids[i], "History", out);
        }
        return items;
    }

    /** Candidates shown in one impression, with their click labels (NaN where the test split has none). */
    private record Impressions(int[] items, double[] labels) {
    }

    private static Impressions impressions(String field, DatasetWriter out) {
        String[] entries = tokens(field);
        int[] items = new int[entries.length];
        double[] labels = new double[entries.length];
        for (int i = 0; i < entries.length; i++) {
            String e = entries[i];
            int dash = e.lastIndexOf('-');
            String id = dash < 0 ? e : e.substring(0, dash);
            if (dash < 0) {
                labels[i] = Double.NaN;
            } else {
                labels[i] = switch (e.substring(dash + 1)) {
                    case "1" -> 1.0;
                    case "0" -> 0.0;
                    default -> throw new BadFieldException("Impressions", "'" + Fields.abbreviate(e) + "' has label '"
                            + Fields.abbreviate(e.substring(dash + 1)) + "'; expected -1 (clicked) or -0 (not clicked)");
                };
            }
            items[i] = known(id, "Impressions", out);
        }
        return new Impressions(items, labels);
    }

    private static int known(String newsId, String field, DatasetWriter out) {
        int item = out.findItem(newsId);
        if (item < 0) {
            throw new BadFieldException(field, "news " + Fields.abbreviate(newsId) + " is not in news.tsv");
        }
        return item;
    }

    /** Space-separated ids; a hand-written split, as a regex costs noticeably on MINDlarge's 2 million lines. */
    private static String[] tokens(String field) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= field.length(); i++) {
            boolean space = i == field.length() || Character.isWhitespace(field.charAt(i));
            if (space && start >= 0) {
                out.add(field.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return out.toArray(new String[0]);
    }
}
