package dev.augur.core.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a MovieLens-shaped ratings CSV ({@code userId,movieId,rating,timestamp}) of any size, seeded: about
 * 166 ratings per user and a long-tail item popularity, like MovieLens 1M.
 */
public final class RatingsFile {
    private RatingsFile() {
    }

    public static Path write(Path file, long rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int users = (int) Math.max(10, rows / 166);
        int items = (int) Math.max(10, Math.min(200_000, Math.round(Math.sqrt(rows) * 3.7)));
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("userId,movieId,rating,timestamp\n");
            StringBuilder sb = new StringBuilder(64);
            long ts = 956_703_932L;
            for (long r = 0; r < rows; r++) {
                int user = (int) (r * users / rows) + 1;
                // squaring a uniform draw skews towards low ids: a long tail of popularity
                double u = rnd.nextDouble();
                int item = 1 + (int) (u * u * items);
                int halfStars = 1 + rnd.nextInt(10);
                ts += rnd.nextInt(60);
                sb.setLength(0);
                sb.append(user).append(',').append(item).append(',').append(halfStars / 2).append('.')
                        .append(halfStars % 2 == 0 ? '0' : '5').append(',').append(ts).append('\n');
                w.append(sb);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
