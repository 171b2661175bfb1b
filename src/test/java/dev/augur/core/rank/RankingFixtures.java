package dev.augur.core.rank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** A MovieLens-format folder with planted taste clusters: movies of 5 genres, users who mostly watch one genre. */
public final class RankingFixtures {
    public static final String[] GENRES = {"Action", "Comedy", "Drama", "Horror", "Animation"};

    private RankingFixtures() {
    }

    /** Writes movies.csv and ratings.csv into {@code dir}; movies of genre g are those with (id - 1) % 5 == g. */
    public static Path movieLens(Path dir, int users, int movies, int perUser, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder m = new StringBuilder("movieId,title,genres\n");
        for (int i = 1; i <= movies; i++) {
            String genre = GENRES[(i - 1) % GENRES.length];
            m.append(i).append(",").append(genre).append(" story number ").append(i).append(" (2001),").append(genre)
                    .append('\n');
        }
        StringBuilder r = new StringBuilder("userId,movieId,rating,timestamp\n");
        int perGenre = movies / GENRES.length;
        for (int u = 1; u <= users; u++) {
            int g = u % GENRES.length;
            boolean[] seen = new boolean[movies + 1];
            for (int j = 0; j < perUser; j++) {
                int movie;
                do {
                    int genre = rnd.nextDouble() < 0.85 ? g : rnd.nextInt(GENRES.length);
                    int inGenre = Math.min(perGenre - 1, (int) (Math.pow(rnd.nextDouble(), 2) * perGenre));
                    movie = 1 + genre + GENRES.length * inGenre;
                } while (seen[movie]);
                seen[movie] = true;
                r.append(u).append(',').append(movie).append(',').append(1 + rnd.nextInt(5)).append(".0,")
                        .append(1_000_000_000L + u * 10_000L + j * 60L).append('\n');
            }
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("movies.csv"), m);
            Files.writeString(dir.resolve("ratings.csv"), r);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
