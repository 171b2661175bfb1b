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

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MovieLens latest, 25M and 32M: {@code ratings.csv} (userId,movieId,rating,timestamp), {@code movies.csv}
 * (movieId,title,genres; titles with commas are quoted), optional {@code tags.csv} (userId,movieId,tag,timestamp)
 * and {@code links.csv} (movieId,imdbId,tmdbId). UTF-8 with a header row.
 */
public final class MovieLensCsvImporter implements Importer {

    @Override
    public String id() {
        return "movielens-csv";
    }

    @Override
    public String family() {
        return "movielens";
    }

    @Override
    public boolean dropsDuplicateInteractions() {
        return true;
    }

    @Override
    public Optional<Detection> detect(Path source) {
        Path dir = Files.isDirectory(source) ? source
                : source.getFileName().toString().equals("ratings.csv") ? source.toAbsolutePath().getParent() : null;
        if (dir == null || !Files.isRegularFile(dir.resolve("ratings.csv"))
                || !Files.isRegularFile(dir.resolve("movies.csv")) && !looksLikeMovieLensRatings(dir.resolve("ratings.csv"))) {
            return Optional.empty();
        }
        List<Path> files = new ArrayList<>();
        for (String f : List.of("links.csv", "movies.csv", "ratings.csv", "tags.csv")) {
            if (Files.isRegularFile(dir.resolve(f))) {
                files.add(dir.resolve(f));
            }
        }
        return Optional.of(new Detection(this, dir, 90, files, dir.getFileName().toString(),
                "MovieLens latest/25M/32M CSV (ratings.csv, movies.csv, tags.csv, links.csv)"));
    }

    private static boolean looksLikeMovieLensRatings(Path ratings) {
        try (var r = Files.newBufferedReader(ratings)) {
            String header = r.readLine();
            return header != null && header.replace("\uFEFF", "").startsWith("userId,movieId");
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void read(Detection d, DatasetWriter out, ImportContext ctx) {
        Path dir = d.source();
        if (!Files.isRegularFile(dir.resolve("movies.csv"))) {
            throw ctx.fatal("movies.csv", 0, "", "missing next to ratings.csv in " + dir
                    + ": MovieLens needs movies.csv for titles and genres. Add it, or import ratings.csv alone with"
                    + " --format csv --columns user=userId,item=movieId,value=rating,timestamp=timestamp");
        }
        Map<String, String[]> links = readLinks(dir.resolve("links.csv"), ctx);
        readMovies(dir.resolve("movies.csv"), links, out, ctx);
        readRatings(dir.resolve("ratings.csv"), out, ctx);
        Path tags = dir.resolve("tags.csv");
        if (Files.isRegularFile(tags)) {
            readTags(tags, out, ctx);
        }
    }

    /** links.csv is small (one row per movie) and read first, so items are written once with their links. */
    private static Map<String, String[]> readLinks(Path file, ImportContext ctx) {
        Map<String, String[]> links = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return links;
        }
        try (LineReader lines = LineReader.open(file, TextEncoding.UTF8, ctx)) {
            CsvReader r = new CsvReader(lines, ctx, ',', true);
            header(r, ctx, "movieId", "imdbId", "tmdbId");
            Rows.each(r, ctx, (row, line) -> {
                String id = String.valueOf(Fields.integer(Fields.required(row, 0, "movieId"), "movieId"));
                links.put(id, new String[] {Fields.optional(row, 1), Fields.optional(row, 2)});
            });
        }
        return links;
    }

    private static void readMovies(Path file, Map<String, String[]> links, DatasetWriter out, ImportContext ctx) {
        ctx.message("Reading movies.csv");
        try (LineReader lines = LineReader.open(file, TextEncoding.UTF8, ctx)) {
            CsvReader r = new CsvReader(lines, ctx, ',', true);
            header(r, ctx, "movieId", "title", "genres");
            Rows.each(r, ctx, (row, line) -> {
                Rows.expectFields(row, 3, "movieId,title,genres; quote titles that contain commas");
                String id = String.valueOf(Fields.integer(Fields.required(row, 0, "movieId"), "movieId"));
                if (out.isItemDeclared(id)) {
                    throw new BadFieldException("movieId", "movie " + id + " is listed twice");
                }
                String title = row[1].strip();
                ObjectNode a = MovieLensCommon.withYear(Json.object(), title);
                String[] link = links.get(id);
                if (link != null) {
                    Json.putIfPresent(a, "imdb_id", link[0]);
                    Json.putIfPresent(a, "tmdb_id", link[1]);
                }
                out.putItem(id, title, null, Json.array(MovieLensCommon.genres(row[2].strip())), a.toString());
            });
        }
    }

    private static void readRatings(Path file, DatasetWriter out, ImportContext ctx) {
        ctx.message("Reading ratings.csv");
        long[] rows = {0};
        try (LineReader lines = LineReader.open(file, TextEncoding.UTF8, ctx)) {
            CsvReader r = new CsvReader(lines, ctx, ',', true);
            header(r, ctx, "userId", "movieId", "rating", "timestamp");
            Rows.each(r, ctx, (row, line) -> {
                Rows.expectFields(row, 4, "userId,movieId,rating,timestamp");
                rows[0]++;
                String u = String.valueOf(Fields.integer(row[0], "userId"));
                String i = String.valueOf(Fields.integer(row[1], "movieId"));
                double rating = Fields.number(row[2], "rating");
                long ts = Fields.integer(row[3], "timestamp");
                int item = out.findItem(i);
                if (item < 0) {
                    throw new BadFieldException("movieId", "movie " + i + " is not in movies.csv");
                }
                out.interaction(out.user(u), item, rating, ts, -1);
            });
        }
        if (rows[0] == 0 && ctx.skipped() == 0) {
            throw ctx.fatal("ratings.csv", 0, "", "the file has a header but no ratings");
        }
    }

    private static void readTags(Path file, DatasetWriter out, ImportContext ctx) {
        ctx.message("Reading tags.csv");
        try (LineReader lines = LineReader.open(file, TextEncoding.UTF8, ctx)) {
            CsvReader r = new CsvReader(lines, ctx, ',', true);
            if (!headerOrEmpty(r, ctx, "userId", "movieId", "tag", "timestamp")) {
                return;
            }
            Rows.each(r, ctx, (row, line) -> {
                Rows.expectFields(row, 4, "userId,movieId,tag,timestamp");
                String u = String.valueOf(Fields.integer(row[0], "userId"));
                String i = String.valueOf(Fields.integer(row[1], "movieId"));
                long ts = Fields.integer(row[3], "timestamp");
                int item = out.findItem(i);
                if (item < 0) {
                    throw new BadFieldException("movieId", "movie " + i + " is not in movies.csv");
                }
                out.tag(out.user(u), item, row[2].strip(), ts);
            });
        }
    }

    private static void header(CsvReader r, ImportContext ctx, String... expected) {
        if (!headerOrEmpty(r, ctx, expected)) {
            throw ctx.fatal(r.file(), 0, "", "the file is empty; expected a header " + String.join(",", expected));
        }
    }

    /** Checks the header row; false when the file is empty. */
    private static boolean headerOrEmpty(CsvReader r, ImportContext ctx, String... expected) {
        String[] h = r.next();
        if (h == null) {
            return false;
        }
        String[] got = Arrays.stream(h).map(String::strip).toArray(String[]::new);
        if (got.length < expected.length || !Arrays.equals(Arrays.copyOf(got, expected.length), expected)) {
            throw ctx.fatal(r.file(), r.line(), "", "header is '" + String.join(",", got) + "', expected '"
                    + String.join(",", expected) + "'");
        }
        return true;
    }
}
