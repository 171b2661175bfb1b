package dev.augur.core.dataset.formats;

import dev.augur.core.dataset.Detection;
import dev.augur.core.dataset.ImportContext;
import dev.augur.core.dataset.Importer;
import dev.augur.core.dataset.read.BadFieldException;
import dev.augur.core.dataset.read.CsvReader;
import dev.augur.core.dataset.read.Fields;
import dev.augur.core.dataset.read.LineReader;
import dev.augur.core.dataset.read.Rows;
import dev.augur.core.dataset.read.TextEncoding;
import dev.augur.core.store.DatasetWriter;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MovieLens 100K: {@code u.data} (user, item, rating, timestamp; tab-separated), {@code u.item} (pipe-separated,
 * Latin-1: id, title, release date, video release date, IMDb URL, 19 genre flags) and, optionally,
 * {@code u.user} (id, age, gender, occupation, zip code).
 */
public final class MovieLens100kImporter implements Importer {

    @Override
    public String id() {
        return "movielens-100k";
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
                : source.getFileName().toString().equals("u.data") ? source.toAbsolutePath().getParent() : null;
        if (dir == null || !Files.isRegularFile(dir.resolve("u.data"))) {
            return Optional.empty();
        }
        List<Path> files = new ArrayList<>();
        for (String f : List.of("u.item", "u.user", "u.data")) {
            if (Files.isRegularFile(dir.resolve(f))) {
                files.add(dir.resolve(f));
            }
        }
        return Optional.of(new Detection(this, dir, 90, files, dir.getFileName().toString(),
                "MovieLens 100K (u.data, u.item, u.user)"));
    }

    @Override
    public void read(Detection d, DatasetWriter out, ImportContext ctx) {
        Path dir = d.source();
        Path items = dir.resolve("u.item");
        if (!Files.isRegularFile(items)) {
            throw ctx.fatal("u.item", 0, "", "missing next to u.data in " + dir + ": MovieLens 100K needs u.item for"
                    + " titles and genres. Add it, or import u.data alone with --format csv"
                    + " --columns user=0,item=1,value=2,timestamp=3,delimiter=tab");
        }
        readItems(items, out, ctx);
        Path users = dir.resolve("u.user");
        boolean haveUsers = Files.isRegularFile(users);
        if (haveUsers) {
            readUsers(users, out, ctx);
        } else {
            ctx.warn("u.user not found: users will have no age, gender or occupation");
        }
        readRatings(dir.resolve("u.data"), out, ctx, haveUsers);
    }

    private static void readItems(Path file, DatasetWriter out, ImportContext ctx) {
        ctx.message("Reading u.item");
        try (LineReader lines = LineReader.open(file, TextEncoding.LATIN1_OR_UTF8, ctx)) {
            CsvReader r = new CsvReader(lines, ctx, '|', false);
            Rows.each(r, ctx, (row, line) -> {
                if (row.length != 5 + MovieLensCommon.GENRES_100K.size()) {
                    throw new BadFieldException("", "expected 24 '|'-separated fields (id, title, release date,"
                            + " video release date, IMDb URL, 19 genre flags), found " + row.length);
                }
                String id = String.valueOf(Fields.integer(Fields.required(row, 0, "movie id"), "movie id"));
                String title = row[1].strip();
                String released = Fields.isoDateFromDayMonthYear(row[2], "release date");
                List<String> genres = new ArrayList<>();
                for (int g = 0; g < MovieLensCommon.GENRES_100K.size(); g++) {
                    String flag = row[5 + g].strip();
                    if (flag.equals("1")) {
                        genres.add(MovieLensCommon.GENRES_100K.get(g));
                    } else if (!flag.equals("0")) {
                        throw new BadFieldException(MovieLensCommon.GENRES_100K.get(g), "genre flag '" + flag + "' is not 0 or 1");
                    }
                }
                if (out.isItemDeclared(id)) {
                    throw new BadFieldException("movie id", "movie " + id + " is listed twice");
                }
                ObjectNode a = MovieLensCommon.withYear(MovieLensCommon.attributes(), title);
                if (!released.isEmpty()) {
                    a.put("release_date", released);
                }
                if (!row[3].isBlank()) {
                    a.put("video_release_date", row[3].strip());
                }
                if (!row[4].isBlank()) {
                    a.put("imdb_url", row[4].strip());
                }
                out.putItem(id, title, null, dev.augur.core.dataset.read.Json.array(genres), a.toString());
            });
        }
    }

    private static void readUsers(Path file, DatasetWriter out, ImportContext ctx) {
        ctx.message("Reading u.user");
        try (LineReader lines = LineReader.open(file, TextEncoding.LATIN1_OR_UTF8, ctx)) {
            CsvReader r = new CsvReader(lines, ctx, '|', false);
            Rows.each(r, ctx, (row, line) -> {
                Rows.expectFields(row, 5, "user id | age | gender | occupation | zip code");
                String id = String.valueOf(Fields.integer(Fields.required(row, 0, "user id"), "user id"));
                long age = Fields.integer(Fields.required(row, 1, "age"), "age");
                if (out.hasUser(id)) {
                    throw new BadFieldException("user id", "user " + id + " is listed twice");
                }
                ObjectNode a = MovieLensCommon.attributes();
                a.put("age", age);
                a.put("gender", row[2].strip());
                a.put("occupation", row[3].strip());
                a.put("zip", row[4].strip());
                out.putUser(id, a.toString());
            });
        }
    }

    private static void readRatings(Path file, DatasetWriter out, ImportContext ctx, boolean usersDeclared) {
        ctx.message("Reading u.data");
        try (LineReader lines = LineReader.open(file, TextEncoding.LATIN1_OR_UTF8, ctx)) {
            CsvReader r = new CsvReader(lines, ctx, '\t', false);
            long[] rows = {0};
            Rows.each(r, ctx, (row, line) -> {
                Rows.expectFields(row, 4, "user id, item id, rating, timestamp separated by tabs");
                rows[0]++;
                String u = String.valueOf(Fields.integer(row[0], "user id"));
                String i = String.valueOf(Fields.integer(row[1], "item id"));
                double rating = Fields.number(row[2], "rating");
                long ts = Fields.integer(row[3], "timestamp");
                int item = out.findItem(i);
                if (item < 0) {
                    throw new BadFieldException("item id", "item " + i + " is not in u.item");
                }
                if (usersDeclared && !out.hasUser(u)) {
                    throw new BadFieldException("user id", "user " + u + " is not in u.user");
                }
                out.interaction(out.user(u), item, rating, ts, -1);
            });
            if (rows[0] == 0 && ctx.skipped() == 0) {
                throw ctx.fatal("u.data", 0, "", "the file has no ratings");
            }
        }
    }
}
