package dev.augur.core.bench;

import dev.augur.core.rank.Interactions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a MovieLens ratings file straight into {@link Interactions}, without a workspace: {@code ratings.csv}
 * ({@code userId,movieId,rating,timestamp} with a header, as MovieLens "latest" and {@link RatingsFile} write it)
 * or {@code ratings.dat} ({@code UserID::MovieID::Rating::Timestamp}, MovieLens 1M). Every rating becomes an
 * implicit positive of value 1; the items are those rated at least once; rows are put in (user, time) order.
 */
public final class RatingsLog {
    private RatingsLog() {
    }

    public static Interactions read(Path file) {
        long[] uid = new long[1 << 16];
        long[] iid = new long[1 << 16];
        long[] ts = new long[1 << 16];
        int n = 0;
        int lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || lineNo == 1 && !Character.isDigit(line.charAt(0))) {
                    continue; // header
                }
                String sep = line.contains("::") ? "::" : ",";
                String[] f = line.split(sep, -1);
                if (f.length < 4) {
                    throw new IllegalArgumentException(file + " line " + lineNo + ": expected userId" + sep + "movieId"
                            + sep + "rating" + sep + "timestamp, got '" + line + "'");
                }
                if (n == uid.length) {
                    uid = Arrays.copyOf(uid, n * 2);
                    iid = Arrays.copyOf(iid, n * 2);
                    ts = Arrays.copyOf(ts, n * 2);
                }
                try {
                    uid[n] = Long.parseLong(f[0].trim());
                    iid[n] = Long.parseLong(f[1].trim());
                    ts[n] = Long.parseLong(f[3].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + lineNo
                            + ": user, item and timestamp must be whole numbers, got '" + line + "'");
                }
                n++;
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no ratings file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (n == 0) {
            throw new IllegalArgumentException(file + " holds no ratings");
        }
        long[] users = Arrays.stream(uid, 0, n).distinct().sorted().toArray();
        long[] items = Arrays.stream(iid, 0, n).distinct().sorted().toArray();
        // order rows by (user, time, file order): the leave-last-out split reads each user's rows in time order
        Integer[] order = new Integer[n];
        Arrays.setAll(order, k -> k);
        long[] fu = uid;
        long[] ft = ts;
        Arrays.sort(order, (a, b) -> {
            int c = Long.compare(fu[a], fu[b]);
            if (c == 0) {
                c = Long.compare(ft[a], ft[b]);
            }
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] u = new int[n];
        int[] it = new int[n];
        long[] t = new long[n];
        for (int k = 0; k < n; k++) {
            int row = order[k];
            u[k] = Arrays.binarySearch(users, uid[row]);
            it[k] = Arrays.binarySearch(items, iid[row]);
            t[k] = ts[row];
        }
        float[] value = new float[n];
        Arrays.fill(value, 1f);
        return new Interactions(0, users, items, u, it, value, t, new boolean[n]);
    }
}
