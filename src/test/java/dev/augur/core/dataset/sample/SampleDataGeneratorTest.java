package dev.augur.core.dataset.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleDataGeneratorTest {

    private static final List<String> FILES = List.of(SampleDataGenerator.ITEM_FILE, SampleDataGenerator.USER_FILE,
            SampleDataGenerator.INTER_FILE, SampleDataGenerator.TOPICS_FILE);

    private static final SampleSpec SMALL = new SampleSpec(42, 300, 80, 4000, 12, 0.10);

    private static Path committedSample() {
        return Path.of(System.getProperty("basedir", ".")).resolve("sample-data");
    }

    @Test
    void sameSeedGivesIdenticalBytes(@TempDir Path tmp) throws IOException {
        SampleSummary first = SampleDataGenerator.write(tmp.resolve("a"), SMALL);
        SampleDataGenerator.write(tmp.resolve("b"), SMALL);
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)),
                    Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
        }
        assertEquals(4, first.files().size());
        assertEquals(30, first.coldItems());
        long bytes = 0;
        for (String f : FILES) {
            bytes += Files.size(tmp.resolve("a").resolve(f));
        }
        assertEquals(bytes, first.totalBytes());

        SampleDataGenerator.write(tmp.resolve("c"), SMALL.withSeed(43));
        assertFalse(Arrays.equals(Files.readAllBytes(tmp.resolve("a").resolve(SampleDataGenerator.INTER_FILE)),
                Files.readAllBytes(tmp.resolve("c").resolve(SampleDataGenerator.INTER_FILE))));
    }

    @Test
    void committedSampleIsExactlyWhatTheGeneratorWrites(@TempDir Path tmp) throws IOException {
        Path committed = committedSample();
        SampleSummary summary = SampleDataGenerator.write(tmp, SampleSpec.defaults());
        for (String f : FILES) {
            Path c = committed.resolve(f);
            assertTrue(Files.isRegularFile(c), "missing " + c + "; regenerate with GenerateSampleMain");
            assertTrue(Arrays.equals(Files.readAllBytes(c), Files.readAllBytes(tmp.resolve(f))),
                    f + " differs from a fresh generation: do not edit sample-data by hand, regenerate it");
        }
        assertTrue(summary.totalBytes() < 5_000_000, "sample must stay under 5 MB: " + summary.totalBytes());
        assertTrue(Files.isRegularFile(committed.resolve("README.md")));
    }

    @Test
    void committedSampleHasTheDesignedShape() throws IOException {
        checkShape(Sample.read(committedSample()), SampleSpec.defaults());
    }

    @Test
    void anotherSeedHasTheDesignedShapeToo(@TempDir Path tmp) throws IOException {
        SampleSpec spec = SampleSpec.defaults().withSeed(7);
        SampleDataGenerator.write(tmp, spec);
        checkShape(Sample.read(tmp), spec);
    }

    @Test
    void smallSpecKeepsTheHardRules(@TempDir Path tmp) throws IOException {
        SampleDataGenerator.write(tmp, SMALL);
        Sample s = Sample.read(tmp);
        checkRows(s, SMALL);
    }

    @Test
    void descriptionsCarryTheirTopic() throws IOException {
        Sample s = Sample.read(committedSample());
        // Learn word -> topic counts from even items, classify odd items by their words' votes.
        Map<String, Map<String, Integer>> wordTopics = new HashMap<>();
        for (int i = 0; i < s.itemIds.size(); i += 2) {
            String topic = s.topicOf.get(s.itemIds.get(i));
            for (String w : words(s.descriptions.get(i))) {
                wordTopics.computeIfAbsent(w, k -> new TreeMap<>()).merge(topic, 1, Integer::sum);
            }
        }
        int right = 0;
        int total = 0;
        for (int i = 1; i < s.itemIds.size(); i += 2) {
            Map<String, Double> votes = new TreeMap<>();
            for (String w : words(s.descriptions.get(i))) {
                Map<String, Integer> counts = wordTopics.get(w);
                if (counts != null) {
                    int sum = counts.values().stream().mapToInt(Integer::intValue).sum();
                    counts.forEach((t, c) -> votes.merge(t, (double) c / sum, Double::sum));
                }
            }
            String best = votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse("");
            right += best.equals(s.topicOf.get(s.itemIds.get(i))) ? 1 : 0;
            total++;
        }
        assertTrue(right > 0.9 * total, "bag-of-words topic accuracy " + right + "/" + total);
    }

    @Test
    void rejectsImpossibleSpecs() {
        assertThrows(IllegalArgumentException.class, () -> new SampleSpec(1, 100, 10, 40, 12, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new SampleSpec(1, 100, 10, 1000, 99, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new SampleSpec(1, 100, 10, 1000, 12, 0.9));
        assertThrows(IllegalArgumentException.class, () -> new SampleSpec(1, 10, 10, 1000, 12, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new SampleSpec(1, 100, 2, 1000, 12, 0.1));
    }

    // -------------------------------------------------------------------------------------------- checks

    /** Rules every generated sample keeps, whatever its size. */
    private static void checkRows(Sample s, SampleSpec spec) {
        assertEquals(spec.items(), s.itemIds.size());
        assertEquals(spec.users(), s.userIds.size());
        assertEquals(spec.interactions(), s.inters.size());
        assertEquals(new HashSet<>(s.itemIds), s.topicOf.keySet(), "answer key covers exactly the items");
        assertEquals(spec.topics(), new HashSet<>(s.topicOf.values()).size());
        for (String c : s.categories) {
            int n = c.split(" ").length;
            assertTrue(n >= 1 && n <= 3, "1-3 categories: " + c);
        }
        for (int y : s.years) {
            assertTrue(y >= 1995 && y <= 2023, "year " + y);
        }

        Set<String> pairs = new HashSet<>();
        Set<String> users = new HashSet<>(s.userIds);
        Set<String> items = new HashSet<>(s.itemIds);
        Map<String, Integer> perUser = new HashMap<>();
        Map<String, Long> lastTime = new HashMap<>();
        long first = 1_640_995_200L; // 2022-01-01T00:00:00Z
        long end = 1_704_067_200L; // 2024-01-01T00:00:00Z
        for (Inter x : s.inters) {
            assertTrue(pairs.add(x.user + "\t" + x.item), "duplicate pair " + x.user + " " + x.item);
            assertTrue(users.contains(x.user) && items.contains(x.item), "unknown id in " + x);
            assertTrue(x.rating >= 1 && x.rating <= 5, "rating " + x.rating);
            assertTrue(x.time >= first && x.time < end, "timestamp outside 2022-2023: " + x.time);
            Long before = lastTime.put(x.user, x.time);
            assertTrue(before == null || before < x.time, "timestamps must increase per user: " + x);
            perUser.merge(x.user, 1, Integer::sum);
        }
        assertEquals(users, perUser.keySet(), "every user interacts");
        perUser.forEach((u, n) -> assertTrue(n >= 5, u + " has only " + n));

        Set<String> seen = new HashSet<>();
        s.inters.forEach(x -> seen.add(x.item));
        assertEquals(spec.coldItems(), spec.items() - seen.size(), "exactly the chosen items are cold");
    }

    /** The statistical design, checked on a default-size sample. */
    private static void checkShape(Sample s, SampleSpec spec) {
        checkRows(s, spec);

        // About 10% cold.
        Map<String, Integer> perItem = new HashMap<>();
        s.inters.forEach(x -> perItem.merge(x.item, 1, Integer::sum));
        double coldShare = 1.0 - (double) perItem.size() / s.itemIds.size();
        assertTrue(coldShare > 0.08 && coldShare < 0.12, "cold share " + coldShare);

        // Long tail: the top 10% of items hold more than 35% of interactions.
        int[] counts = perItem.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        long head = 0;
        for (int k = 0; k < s.itemIds.size() / 10; k++) {
            head += counts[counts.length - 1 - k];
        }
        double headShare = (double) head / s.inters.size();
        assertTrue(headShare > 0.35, "top 10% of items hold " + headShare);

        // Users are long-tailed too: the busiest 10% make well over 10% of the interactions.
        Map<String, Integer> perUser = new HashMap<>();
        s.inters.forEach(x -> perUser.merge(x.user, 1, Integer::sum));
        int[] userCounts = perUser.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        long busy = 0;
        for (int k = 0; k < userCounts.length / 10; k++) {
            busy += userCounts[userCounts.length - 1 - k];
        }
        assertTrue(busy > 0.3 * s.inters.size(), "busiest 10% of users make " + busy);

        // Topic signal: a user's favourite topic, taken from the first half of their history, holds far more
        // of the second half than its share of the catalogue would give by chance.
        Map<String, Integer> topicSize = new HashMap<>();
        s.topicOf.values().forEach(t -> topicSize.merge(t, 1, Integer::sum));
        Map<String, List<Inter>> byUser = new TreeMap<>();
        s.inters.forEach(x -> byUser.computeIfAbsent(x.user, k -> new ArrayList<>()).add(x));
        double observed = 0;
        double chance = 0;
        for (List<Inter> history : byUser.values()) {
            int half = history.size() / 2;
            Map<String, Integer> early = new TreeMap<>();
            history.subList(0, half).forEach(x -> early.merge(s.topicOf.get(x.item), 1, Integer::sum));
            String top = early.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            List<Inter> late = history.subList(half, history.size());
            observed += (double) late.stream().filter(x -> s.topicOf.get(x.item).equals(top)).count() / late.size();
            chance += (double) topicSize.get(top) / s.itemIds.size();
        }
        observed /= byUser.size();
        chance /= byUser.size();
        assertTrue(observed > 4 * chance && observed > 0.4,
                String.format(Locale.ROOT, "favourite-topic share %.3f vs chance %.3f", observed, chance));

        // Ratings are higher for items in the user's favourite topic than elsewhere.
        double[] sum = new double[2];
        int[] n = new int[2];
        for (List<Inter> history : byUser.values()) {
            Map<String, Integer> all = new TreeMap<>();
            history.forEach(x -> all.merge(s.topicOf.get(x.item), 1, Integer::sum));
            String top = all.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            for (Inter x : history) {
                int k = s.topicOf.get(x.item).equals(top) ? 0 : 1;
                sum[k] += x.rating;
                n[k]++;
            }
        }
        assertTrue(sum[0] / n[0] > sum[1] / n[1] + 0.3,
                "mean rating in favourite topic " + sum[0] / n[0] + " vs elsewhere " + sum[1] / n[1]);
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z-]+")) {
            if (w.length() > 3) {
                out.add(w);
            }
        }
        return out;
    }

    // -------------------------------------------------------------------------------------------- parsing

    private record Inter(String user, String item, int rating, long time) {
    }

    /** The four files, parsed strictly. */
    private static final class Sample {
        final List<String> itemIds = new ArrayList<>();
        final List<String> categories = new ArrayList<>();
        final List<String> descriptions = new ArrayList<>();
        final List<Integer> years = new ArrayList<>();
        final List<String> userIds = new ArrayList<>();
        final List<Inter> inters = new ArrayList<>();
        final Map<String, String> topicOf = new HashMap<>();

        static Sample read(Path dir) throws IOException {
            Sample s = new Sample();
            for (String[] f : rows(dir.resolve(SampleDataGenerator.ITEM_FILE), SampleDataGenerator.ITEM_HEADER, 5)) {
                s.itemIds.add(f[0]);
                s.categories.add(f[2]);
                s.descriptions.add(f[3]);
                s.years.add(Integer.parseInt(f[4]));
                assertFalse(f[1].isBlank() || f[3].isBlank(), "blank title or description for " + f[0]);
            }
            for (String[] f : rows(dir.resolve(SampleDataGenerator.USER_FILE), SampleDataGenerator.USER_HEADER, 3)) {
                s.userIds.add(f[0]);
            }
            for (String[] f : rows(dir.resolve(SampleDataGenerator.INTER_FILE), SampleDataGenerator.INTER_HEADER,
                    4)) {
                s.inters.add(new Inter(f[0], f[1], Integer.parseInt(f[2]), Long.parseLong(f[3])));
            }
            List<String> key = Files.readAllLines(dir.resolve(SampleDataGenerator.TOPICS_FILE),
                    StandardCharsets.UTF_8);
            assertEquals(SampleDataGenerator.TOPICS_HEADER, key.get(0));
            for (String line : key.subList(1, key.size())) {
                String[] f = line.split(",", -1);
                assertEquals(2, f.length, line);
                assertEquals(null, s.topicOf.put(f[0], f[1]), "item twice in the answer key: " + f[0]);
            }
            return s;
        }

        private static List<String[]> rows(Path file, String header, int fields) throws IOException {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertFalse(text.contains("\r"), file + " has a carriage return");
            assertTrue(text.endsWith("\n"), file + " must end with a line break");
            List<String> lines = List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
            assertEquals(header, lines.get(0), "header of " + file);
            List<String[]> out = new ArrayList<>();
            Set<String> firstColumn = new HashSet<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                assertEquals(fields, f.length, "fields in: " + line);
                for (String v : f) {
                    assertFalse(v.isEmpty(), "empty field in: " + line);
                }
                if (fields != 4) {
                    assertTrue(firstColumn.add(f[0]), "repeated id " + f[0]);
                }
                out.add(f);
            }
            return out;
        }
    }
}
