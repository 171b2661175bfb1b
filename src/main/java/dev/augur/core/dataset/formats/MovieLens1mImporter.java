package dev.augur.core.dataset.formats;

import dev.augur.core.dataset.Detection;
import dev.augur.core.dataset.ImportContext;
import dev.augur.core.dataset.Importer;
import dev.augur.core.dataset.read.BadFieldException;
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
import java.util.List;
import java.util.Optional;

/**
 * MovieLens 1M (and 10M, which shares the layout): {@code ratings.dat} (UserID::MovieID::Rating::Timestamp),
 * {@code movies.dat} (MovieID::Title::Genres), optional {@code users.dat} (UserID::Gender::Age::Occupation::Zip)
 * and, for 10M, {@code tags.dat}. Latin-1 text.
 */
public final class MovieLens1mImporter implements Importer {
    private static final String SEP = "::";

    @Override
    public String id() {
        return "movielens-1m";
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
                : source.getFileName().toString().equals("ratings.dat") ? source.toAbsolutePath().getParent() : null;
        if (dir == null || !Files.isRegularFile(dir.resolve("ratings.dat"))) {
            return Optional.empty();
        }
        List<Path> files = new ArrayList<>();
        for (String f : List.of("movies.dat", "users.dat", "ratings.dat", "tags.dat")) {
            if (Files.isRegularFile(dir.resolve(f))) {
                files.add(dir.resolve(f));
            }
        }
        return Optional.of(new Detection(this, dir, 90, files, dir.getFileName().toString(),
                "MovieLens 1M/10M (ratings.dat, movies.dat, users.dat)"));
    }

    @Override
    public void read(Detection d, DatasetWriter out, ImportContext ctx) {
        Path dir = d.source();
        Path movies = dir.resolve("movies.dat");
        if (!Files.isRegularFile(movies)) {
            throw ctx.fatal("movies.dat", 0, "", "missing next to ratings.dat in " + dir
                    + ": MovieLens 1M needs movies.dat for titles and genres. Add it, or import ratings.dat alone with"
                    + " --format csv");
        }
        try (LineReader lines = LineReader.open(movies, TextEncoding.LATIN1_OR_UTF8, ctx)) {
            ctx.message("Reading movies.dat");
            Rows.eachLine(lines, ctx, (s, line) -> {
                String[] row = Rows.split(s, SEP);
                Rows.expectFields(row, 3, "MovieID::Title::Genres");
                String id = String.valueOf(Fields.integer(row[0], "MovieID"));
                if (out.isItemDeclared(id)) {
                    throw new BadFieldException("MovieID", "movie " + id + " is listed twice");
                }
                String title = row[1].strip();
                ObjectNode a = MovieLensCommon.withYear(MovieLensCommon.attributes(), title);
                out.putItem(id, title, null, Json.array(MovieLensCommon.genres(row[2].strip())), a.toString());
            });
        }
        Path users = dir.resolve("users.dat");
        boolean haveUsers = Files.isRegularFile(users);
        if (haveUsers) {
            try (LineReader lines = LineReader.open(users, TextEncoding.LATIN1_OR_UTF8, ctx)) {
                ctx.message("Reading users.dat");
                Rows.eachLine(lines, ctx, (s, line) -> {
                    String[] row = Rows.split(s, SEP);
                    Rows.expectFields(row, 5, "UserID::Gender::Age::Occupation::Zip-code");
                    String id = String.valueOf(Fields.integer(row[0], "UserID"));
                    if (out.hasUser(id)) {
                        throw new BadFieldException("UserID", "user " + id + " is listed twice");
                    }
                    ObjectNode a = Json.object();
                    a.put("gender", row[1].strip());
                    a.put("age", MovieLensCommon.age1m(row[2].strip()));
                    a.put("occupation", MovieLensCommon.occupation1m(row[3]));
                    a.put("zip", row[4].strip());
                    out.putUser(id, a.toString());
                });
            }
        }
        long[] rows = {0};
        try (LineReader lines = LineReader.open(dir.resolve("ratings.dat"), TextEncoding.LATIN1_OR_UTF8, ctx)) {
            ctx.message("Reading ratings.dat");
            Rows.eachLine(lines, ctx, (s, line) -> {
                String[] row = Rows.split(s, SEP);
                Rows.expectFields(row, 4, "UserID::MovieID::Rating::Timestamp");
                rows[0]++;
                String u = String.valueOf(Fields.integer(row[0], "UserID"));
                String i = String.valueOf(Fields.integer(row[1], "MovieID"));
                double rating = Fields.number(row[2], "Rating");
                long ts = Fields.integer(row[3], "Timestamp");
                int item = out.findItem(i);
                if (item < 0) {
                    throw new BadFieldException("MovieID", "movie " + i + " is not in movies.dat");
                }
                if (haveUsers && !out.hasUser(u)) {
                    throw new BadFieldException("UserID", "user " + u + " is not in users.dat");
                }
                out.interaction(out.user(u), item, rating, ts, -1);
            });
        }
        if (rows[0] == 0 && ctx.skipped() == 0) {
            throw ctx.fatal("ratings.dat", 0, "", "the file has no ratings");
        }
        Path tags = dir.resolve("tags.dat");
        if (Files.isRegularFile(tags)) {
            try (LineReader lines = LineReader.open(tags, TextEncoding.LATIN1_OR_UTF8, ctx)) {
                ctx.message("Reading tags.dat");
                Rows.eachLine(lines, ctx, (s, line) -> {
                    String[] row = Rows.split(s, SEP);
                    Rows.expectFields(row, 4, "UserID::MovieID::Tag::Timestamp");
                    String u = String.valueOf(Fields.integer(row[0], "UserID"));
                    String i = String.valueOf(Fields.integer(row[1], "MovieID"));
                    long ts = Fields.integer(row[3], "Timestamp");
                    int item = out.findItem(i);
                    if (item < 0) {
                        throw new BadFieldException("MovieID", "movie " + i + " is not in movies.dat");
                    }
                    out.tag(out.user(u), item, row[2].strip(), ts);
                });
            }
        }
    }
}
