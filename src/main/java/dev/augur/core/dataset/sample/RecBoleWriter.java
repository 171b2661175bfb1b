package dev.augur.core.dataset.sample;

import dev.augur.core.dataset.sample.SampleDataGenerator.Model;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.augur.core.dataset.sample.SampleDataGenerator.INTER_HEADER;
import static dev.augur.core.dataset.sample.SampleDataGenerator.ITEM_HEADER;
import static dev.augur.core.dataset.sample.SampleDataGenerator.TOPICS_HEADER;
import static dev.augur.core.dataset.sample.SampleDataGenerator.USER_HEADER;

/**
 * Writes a generated {@link Model} as RecBole atomic files (tab-separated, {@code name:type} headers) plus the
 * {@code item_id,topic} answer key. UTF-8, lines end with {@code \n}.
 */
final class RecBoleWriter {

    private RecBoleWriter() {
    }

    static void writeItems(Path file, Model m) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(ITEM_HEADER);
            out.write('\n');
            for (int i = 0; i < m.itemTopic.length; i++) {
                row(out, itemId(m, i), m.title[i], m.categories[i], m.description[i], Integer.toString(m.year[i]));
            }
        }
    }

    static void writeUsers(Path file, Model m) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(USER_HEADER);
            out.write('\n');
            for (int u = 0; u < m.ageBand.length; u++) {
                row(out, userId(m, u), m.ageBand[u], m.country[u]);
            }
        }
    }

    static void writeInteractions(Path file, Model m) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(INTER_HEADER);
            out.write('\n');
            for (int u = 0; u < m.userItems.length; u++) {
                String user = userId(m, u);
                for (int j = 0; j < m.userItems[u].length; j++) {
                    row(out, user, itemId(m, m.userItems[u][j]), Integer.toString(m.userRatings[u][j]),
                            Long.toString(m.userTimes[u][j]));
                }
            }
        }
    }

    static void writeTopics(Path file, Model m) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(TOPICS_HEADER);
            out.write('\n');
            for (int i = 0; i < m.itemTopic.length; i++) {
                out.write(itemId(m, i) + "," + m.topics.get(m.itemTopic[i]).key());
                out.write('\n');
            }
        }
    }

    private static void row(BufferedWriter out, String... fields) {
        try {
            for (int f = 0; f < fields.length; f++) {
                String s = fields[f];
                if (s.indexOf('\t') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                    throw new IllegalStateException("field with a tab or line break: " + s);
                }
                if (f > 0) {
                    out.write('\t');
                }
                out.write(s);
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Item ids i0001, i0002, ... (at least four digits). */
    private static String itemId(Model m, int i) {
        return "i" + pad(i + 1, m.itemTopic.length);
    }

    /** User ids u0001, u0002, ... (at least four digits). */
    private static String userId(Model m, int u) {
        return "u" + pad(u + 1, m.spec.users());
    }

    private static String pad(int n, int max) {
        int width = Math.max(4, Integer.toString(max).length());
        StringBuilder s = new StringBuilder(Integer.toString(n));
        while (s.length() < width) {
            s.insert(0, '0');
        }
        return s.toString();
    }
}
