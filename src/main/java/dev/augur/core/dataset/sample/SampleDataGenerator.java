package dev.augur.core.dataset.sample;

import dev.augur.core.dataset.sample.TopicVocabulary.Topic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes a small, obviously synthetic recommender data set as RecBole atomic files, seeded so the same
 * {@link SampleSpec} always gives byte-identical files.
 *
 * <p>Hidden topics drive everything: each item belongs to one topic, whose vocabulary makes its title,
 * categories and description; each user likes a mixture of one to three topics and picks items mostly from
 * them, popular ones (a Zipf-like tail within each topic) more often; ratings are higher for liked topics.
 * The topics are not in the item file; {@value #TOPICS_FILE} holds them as an answer key.
 *
 * <p>Files: {@value #ITEM_FILE}, {@value #USER_FILE}, {@value #INTER_FILE} (tab-separated, with RecBole
 * {@code name:type} headers) and {@value #TOPICS_FILE} ({@code item_id,topic}). Lines end with {@code \n}.
 */
public final class SampleDataGenerator {

    public static final String ITEM_FILE = "augur-sample.item";
    public static final String USER_FILE = "augur-sample.user";
    public static final String INTER_FILE = "augur-sample.inter";
    public static final String TOPICS_FILE = "augur-sample.topics.csv";

    public static final String ITEM_HEADER =
            "item_id:token\ttitle:token_seq\tcategories:token_seq\tdescription:token_seq\tyear:float";
    public static final String USER_HEADER = "user_id:token\tage_band:token\tcountry:token";
    public static final String INTER_HEADER = "user_id:token\titem_id:token\trating:float\ttimestamp:float";
    public static final String TOPICS_HEADER = "item_id,topic";

    /** 2022-01-01T00:00:00Z. */
    static final long FIRST_SECOND = 1_640_995_200L;
    /** 2023-12-31T23:59:59Z. */
    static final long LAST_SECOND = 1_704_067_199L;

    /** Share of a user's choices made outside their topics, from the whole catalogue's popularity. */
    private static final double EXPLORE = 0.2;
    /** Exponent of the within-topic popularity: weight of rank r (from 0) is 1/(r+1)^s. */
    private static final double ITEM_ZIPF = 1.1;
    /** Exponent on the within-topic weight when choosing across the whole catalogue: the heads stand out more. */
    private static final double GLOBAL_SHARPEN = 2.0;
    /** Exponent of how much more some topics are liked than others. */
    private static final double TOPIC_ZIPF = 0.8;
    /** Spread (log scale) of users' activity. */
    private static final double ACTIVITY_SIGMA = 1.1;
    /** Odds of each extra description sentence: what it does, what it includes, filler, colours. */
    private static final double[] SENTENCE_KINDS = {0.4, 0.3, 0.15, 0.15};

    private SampleDataGenerator() {
    }

    /** Generates the sample for {@code spec} and writes its four files into {@code outDir} (made if missing). */
    public static SampleSummary write(Path outDir, SampleSpec spec) throws IOException {
        Model m = generate(spec);
        Files.createDirectories(outDir);
        List<Path> files = List.of(outDir.resolve(ITEM_FILE), outDir.resolve(USER_FILE),
                outDir.resolve(INTER_FILE), outDir.resolve(TOPICS_FILE));
        writeItems(files.get(0), m);
        writeUsers(files.get(1), m);
        writeInteractions(files.get(2), m);
        writeTopics(files.get(3), m);
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int[] seq : m.userItems) {
            min = Math.min(min, seq.length);
            max = Math.max(max, seq.length);
        }
        return new SampleSummary(outDir, spec, spec.coldItems(), min, max, files, bytes);
    }

    // ------------------------------------------------------------------------------------------------ model

    /** Everything generated, before it is written; arrays indexed by item or user number (from 0). */
    private static final class Model {
        SampleSpec spec;
        List<Topic> topics;
        int[] itemTopic;
        boolean[] cold;
        String[] title;
        String[] categories;
        String[] description;
        int[] year;
        String[] ageBand;
        String[] country;
        int[][] userTopics;
        int[][] userItems;
        int[][] userRatings;
        long[][] userTimes;
    }

    private static Model generate(SampleSpec spec) {
        SplittableRandom root = new SplittableRandom(spec.seed());
        // One stream per stage, split in a fixed order, so each stage's draws do not shift the others'.
        SplittableRandom rItems = root.split();
        SplittableRandom rText = root.split();
        SplittableRandom rUsers = root.split();
        SplittableRandom rPick = root.split();
        SplittableRandom rTime = root.split();
        SplittableRandom rRating = root.split();

        Model m = new Model();
        m.spec = spec;
        m.topics = TopicVocabulary.TOPICS.subList(0, spec.topics());
        int nTopics = spec.topics();
        int nItems = spec.items();
        int nUsers = spec.users();

        // How much each topic is liked: a Zipf-like share over a random order of the topics.
        double[] topicPop = new double[nTopics];
        int[] topicOrder = permutation(nTopics, rItems);
        for (int rank = 0; rank < nTopics; rank++) {
            topicPop[topicOrder[rank]] = 1.0 / StrictMath.pow(rank + 1, TOPIC_ZIPF);
        }

        // Items: balanced topics in random order.
        m.itemTopic = new int[nItems];
        for (int i = 0; i < nItems; i++) {
            m.itemTopic[i] = i % nTopics;
        }
        shuffle(m.itemTopic, rItems);
        int[] topicSize = new int[nTopics];
        for (int t : m.itemTopic) {
            topicSize[t]++;
        }

        // Cold items, chosen before any sampling; at most half of any topic.
        m.cold = new boolean[nItems];
        int[] coldInTopic = new int[nTopics];
        int coldLeft = spec.coldItems();
        for (int i : permutation(nItems, rItems)) {
            if (coldLeft == 0) {
                break;
            }
            int t = m.itemTopic[i];
            if (coldInTopic[t] < topicSize[t] / 2) {
                m.cold[i] = true;
                coldInTopic[t]++;
                coldLeft--;
            }
        }
        if (coldLeft > 0) {
            throw new IllegalArgumentException("cannot make that many items cold");
        }

        // Popularity: Zipf-like over a random order of each topic's warm items.
        double[] itemWeight = new double[nItems];
        int[][] topicItems = new int[nTopics][];
        int[] topicFill = new int[nTopics];
        for (int t = 0; t < nTopics; t++) {
            topicItems[t] = new int[topicSize[t] - coldInTopic[t]];
        }
        for (int i : permutation(nItems, rItems)) {
            if (!m.cold[i]) {
                int t = m.itemTopic[i];
                int rank = topicFill[t]++;
                topicItems[t][rank] = i;
                itemWeight[i] = 1.0 / StrictMath.pow(rank + 1, ITEM_ZIPF);
            }
        }
        for (int[] list : topicItems) {
            Arrays.sort(list);
        }
        int[] warmItems = new int[nItems - spec.coldItems()];
        double[] globalWeight = new double[nItems];
        int w = 0;
        for (int i = 0; i < nItems; i++) {
            if (!m.cold[i]) {
                warmItems[w++] = i;
                globalWeight[i] = StrictMath.pow(itemWeight[i], GLOBAL_SHARPEN) * topicPop[m.itemTopic[i]];
            }
        }

        makeText(m, rText);
        makeUsers(m, topicPop, rUsers);
        int[] counts = activity(spec, warmItems.length, rUsers);
        pickItems(m, counts, topicItems, itemWeight, warmItems, globalWeight, rPick);
        makeTimes(m, rTime);
        makeRatings(m, rRating);
        return m;
    }

    // ------------------------------------------------------------------------------------------------- text

    private static void makeText(Model m, SplittableRandom r) {
        int nItems = m.itemTopic.length;
        int nTopics = m.topics.size();
        // Each topic gets its own six brands, no brand shared.
        int nStarts = TopicVocabulary.BRAND_STARTS.size();
        int[] brandCodes = permutation(nStarts * TopicVocabulary.BRAND_ENDS.size(), r);
        String[][] brands = new String[nTopics][6];
        for (int t = 0; t < nTopics; t++) {
            for (int b = 0; b < 6; b++) {
                int code = brandCodes[t * 6 + b];
                brands[t][b] = TopicVocabulary.BRAND_STARTS.get(code % nStarts)
                        + TopicVocabulary.BRAND_ENDS.get(code / nStarts);
            }
        }
        m.title = new String[nItems];
        m.categories = new String[nItems];
        m.description = new String[nItems];
        m.year = new int[nItems];
        Set<String> usedTitles = new HashSet<>(); // membership only; never iterated
        for (int i = 0; i < nItems; i++) {
            Topic topic = m.topics.get(m.itemTopic[i]);
            String brand = r.nextDouble() < 0.9 ? pick(brands[m.itemTopic[i]], r) : pick(brands[r.nextInt(nTopics)], r);

            StringBuilder title = new StringBuilder(brand).append(' ').append(pick(topic.titleWords(), r));
            if (r.nextDouble() < 0.6) {
                String second = pick(topic.titleWords(), r);
                if (title.indexOf(' ' + second) < 0) {
                    title.append(' ').append(second);
                }
            }
            title.append(' ').append(pick(topic.nouns(), r));
            if (r.nextDouble() < 0.2) {
                title.append(' ').append(pick(TopicVocabulary.TITLE_SUFFIXES, r));
            }
            String t = title.toString();
            for (int n = 2; !usedTitles.add(t); n++) {
                t = title + " No. " + n;
            }
            m.title[i] = t;

            // 1-3 categories: the topic's own, sometimes one shared by all topics.
            int nCats = 1 + r.nextInt(3);
            List<String> cats = new ArrayList<>(3);
            int[] order = permutation(topic.categories().size(), r);
            for (int c = 0; c < nCats; c++) {
                cats.add(topic.categories().get(order[c]));
            }
            if (nCats < 3 && r.nextDouble() < 0.15) {
                cats.add(pick(TopicVocabulary.SHARED_CATEGORIES, r));
            }
            m.categories[i] = String.join(" ", cats);

            m.description[i] = describe(topic, brand, r);
            // Release year 1995-2023, more recent ones more likely.
            m.year[i] = 2023 - (int) Math.floor(29 * r.nextDouble() * r.nextDouble());
        }
    }

    /** Two to four sentences: the first and most others from the topic, some shared filler. */
    private static String describe(Topic topic, String brand, SplittableRandom r) {
        List<String> sentences = new ArrayList<>(4);
        String adjective = pick(topic.adjectives(), r);
        sentences.add(capitalize(article(adjective) + " " + adjective + " " + pick(topic.nouns(), r).toLowerCase()
                + " for " + pick(topic.audiences(), r) + "."));
        // Then one to three more, each of a different kind: what it does, what it includes, filler, colours.
        double[] kinds = SENTENCE_KINDS.clone();
        int more = 1 + r.nextInt(3);
        for (int s = 0; s < more; s++) {
            int kind = weighted(kinds, r);
            kinds[kind] = 0;
            switch (kind) {
                case 0 -> sentences.add(brand + " " + pick(topic.phrases(), r) + ".");
                case 1 -> {
                    int[] order = permutation(topic.components().size(), r);
                    sentences.add("Includes " + (2 + r.nextInt(11)) + " " + topic.components().get(order[0])
                            + " and " + topic.components().get(order[1]) + ".");
                }
                case 2 -> sentences.add(String.format(Locale.ROOT, pick(TopicVocabulary.FILLERS, r), brand));
                default -> {
                    int[] order = permutation(TopicVocabulary.COLOURS.size(), r);
                    sentences.add("Available in " + TopicVocabulary.COLOURS.get(order[0]) + " and "
                            + TopicVocabulary.COLOURS.get(order[1]) + ".");
                }
            }
        }
        return String.join(" ", sentences);
    }

    private static String article(String word) {
        return "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an" : "a";
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ------------------------------------------------------------------------------------------------ users

    private static void makeUsers(Model m, double[] topicPop, SplittableRandom r) {
        int nUsers = m.spec.users();
        int nTopics = m.topics.size();
        m.ageBand = new String[nUsers];
        m.country = new String[nUsers];
        m.userTopics = new int[nUsers][];
        for (int u = 0; u < nUsers; u++) {
            m.ageBand[u] = TopicVocabulary.AGE_BANDS.get(weighted(TopicVocabulary.AGE_WEIGHTS, r));
            m.country[u] = TopicVocabulary.COUNTRIES.get(weighted(TopicVocabulary.COUNTRY_WEIGHTS, r));
            double roll = r.nextDouble();
            int k = Math.min(nTopics, roll < 0.3 ? 1 : roll < 0.75 ? 2 : 3);
            // k distinct topics, more liked ones more likely; the first is the favourite.
            double[] left = topicPop.clone();
            int[] chosen = new int[k];
            for (int j = 0; j < k; j++) {
                chosen[j] = weighted(left, r);
                left[chosen[j]] = 0;
            }
            m.userTopics[u] = chosen;
        }
    }

    /** Each user's number of interactions: at least the minimum, log-normal above it, summing to the total. */
    private static int[] activity(SampleSpec spec, int warmItems, SplittableRandom r) {
        int nUsers = spec.users();
        int cap = SampleSpec.maxPerUser(warmItems);
        double[] weight = new double[nUsers];
        double sum = 0;
        for (int u = 0; u < nUsers; u++) {
            weight[u] = StrictMath.exp(ACTIVITY_SIGMA * gaussian(r));
            sum += weight[u];
        }
        int[] counts = new int[nUsers];
        Arrays.fill(counts, SampleSpec.MIN_PER_USER);
        long left = spec.interactions() - (long) SampleSpec.MIN_PER_USER * nUsers;
        long extra = left;
        for (int u = 0; u < nUsers; u++) {
            int add = (int) Math.min(cap - counts[u], Math.floor(extra * weight[u] / sum));
            counts[u] += add;
            left -= add;
        }
        // What rounding and the cap left over goes one by one to users in order of weight.
        Integer[] byWeight = new Integer[nUsers];
        for (int u = 0; u < nUsers; u++) {
            byWeight[u] = u;
        }
        Arrays.sort(byWeight, (a, b) -> a.equals(b) ? 0
                : weight[a] != weight[b] ? Double.compare(weight[b], weight[a]) : Integer.compare(a, b));
        while (left > 0) {
            boolean gave = false;
            for (int j = 0; j < nUsers && left > 0; j++) {
                int u = byWeight[j];
                if (counts[u] < cap) {
                    counts[u]++;
                    left--;
                    gave = true;
                }
            }
            if (!gave) {
                throw new IllegalStateException("no room for the interactions");
            }
        }
        return counts;
    }

    // ----------------------------------------------------------------------------------------- interactions

    private static void pickItems(Model m, int[] counts, int[][] topicItems, double[] itemWeight, int[] warmItems,
                                  double[] globalWeight, SplittableRandom r) {
        int nUsers = counts.length;
        int nItems = m.itemTopic.length;
        m.userItems = new int[nUsers][];
        BitSet[] taken = new BitSet[nUsers];
        int[] itemCount = new int[nItems];
        for (int u = 0; u < nUsers; u++) {
            int[] mine = m.userTopics[u];
            double[] mix = mixture(mine.length, r);
            BitSet has = new BitSet(nItems);
            int[] seq = new int[counts[u]];
            for (int j = 0; j < seq.length; j++) {
                int item = -1;
                if (r.nextDouble() >= EXPLORE) {
                    int first = weighted(mix, r);
                    for (int k = 0; k < mine.length && item < 0; k++) {
                        int t = mine[(first + k) % mine.length];
                        item = weightedUnused(topicItems[t], itemWeight, has, r);
                    }
                }
                if (item < 0) {
                    item = weightedUnused(warmItems, globalWeight, has, r);
                }
                has.set(item);
                itemCount[item]++;
                seq[j] = item;
            }
            m.userItems[u] = seq;
            taken[u] = has;
        }
        coverWarmItems(m, warmItems, itemCount, taken, r);
    }

    /**
     * Gives every warm item that nobody picked one interaction, taken from a user (a fan of its topic if one
     * can) in place of one of their interactions with an item others also have, so that exactly the chosen
     * items are cold and the counts stay as they were.
     */
    private static void coverWarmItems(Model m, int[] warmItems, int[] itemCount, BitSet[] taken,
                                       SplittableRandom r) {
        int nUsers = m.userItems.length;
        for (int item : warmItems) {
            if (itemCount[item] > 0) {
                continue;
            }
            int topic = m.itemTopic[item];
            int[] order = permutation(nUsers, r);
            boolean done = false;
            for (int pass = 0; pass < 2 && !done; pass++) {
                for (int u : order) {
                    if (taken[u].get(item) || (pass == 0 && !likes(m.userTopics[u], topic))) {
                        continue;
                    }
                    int[] seq = m.userItems[u];
                    int start = r.nextInt(seq.length);
                    for (int k = 0; k < seq.length; k++) {
                        int j = (start + k) % seq.length;
                        if (itemCount[seq[j]] >= 2) {
                            itemCount[seq[j]]--;
                            taken[u].clear(seq[j]);
                            seq[j] = item;
                            itemCount[item] = 1;
                            taken[u].set(item);
                            done = true;
                            break;
                        }
                    }
                    if (done) {
                        break;
                    }
                }
            }
            if (!done) {
                throw new IllegalStateException("cannot give item " + item + " an interaction");
            }
        }
    }

    private static boolean likes(int[] userTopics, int topic) {
        for (int t : userTopics) {
            if (t == topic) {
                return true;
            }
        }
        return false;
    }

    /** A user's weights over their k topics, largest first (the favourite). */
    private static double[] mixture(int k, SplittableRandom r) {
        double[] mix = new double[k];
        for (int j = 0; j < k; j++) {
            mix[j] = -StrictMath.log(1.0 - r.nextDouble());
        }
        Arrays.sort(mix);
        for (int a = 0, b = k - 1; a < b; a++, b--) {
            double tmp = mix[a];
            mix[a] = mix[b];
            mix[b] = tmp;
        }
        return mix;
    }

    /** Times: increasing per user, spread over an active span inside 2022-2023. */
    private static void makeTimes(Model m, SplittableRandom r) {
        int nUsers = m.userItems.length;
        m.userTimes = new long[nUsers][];
        long span = LAST_SECOND - FIRST_SECOND;
        for (int u = 0; u < nUsers; u++) {
            int n = m.userItems[u].length;
            long start = FIRST_SECOND + (long) (0.6 * span * r.nextDouble());
            long end = start + (long) ((LAST_SECOND - n - start) * (0.35 + 0.65 * r.nextDouble()));
            long[] times = new long[n];
            for (int j = 0; j < n; j++) {
                times[j] = start + (long) ((end - start) * r.nextDouble());
            }
            Arrays.sort(times);
            for (int j = 1; j < n; j++) {
                times[j] = Math.max(times[j], times[j - 1] + 1);
            }
            m.userTimes[u] = times;
        }
    }

    /** Ratings 1-5: a user bias, an item quality, the user's liking for the item's topic, and noise. */
    private static void makeRatings(Model m, SplittableRandom r) {
        int nItems = m.itemTopic.length;
        double[] quality = new double[nItems];
        for (int i = 0; i < nItems; i++) {
            quality[i] = 0.45 * gaussian(r);
        }
        m.userRatings = new int[m.userItems.length][];
        for (int u = 0; u < m.userItems.length; u++) {
            double bias = 0.35 * gaussian(r);
            int[] seq = m.userItems[u];
            int[] ratings = new int[seq.length];
            for (int j = 0; j < seq.length; j++) {
                int topic = m.itemTopic[seq[j]];
                double affinity = topic == m.userTopics[u][0] ? 0.9 : likes(m.userTopics[u], topic) ? 0.5 : -0.7;
                double value = 3.2 + bias + quality[seq[j]] + affinity + 0.75 * gaussian(r);
                ratings[j] = (int) Math.max(1, Math.min(5, Math.round(value)));
            }
            m.userRatings[u] = ratings;
        }
    }

    // -------------------------------------------------------------------------------------------- writing

    private static void writeItems(Path file, Model m) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(ITEM_HEADER);
            out.write('\n');
            for (int i = 0; i < m.itemTopic.length; i++) {
                row(out, itemId(m, i), m.title[i], m.categories[i], m.description[i], Integer.toString(m.year[i]));
            }
        }
    }

    private static void writeUsers(Path file, Model m) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(USER_HEADER);
            out.write('\n');
            for (int u = 0; u < m.ageBand.length; u++) {
                row(out, userId(m, u), m.ageBand[u], m.country[u]);
            }
        }
    }

    private static void writeInteractions(Path file, Model m) throws IOException {
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

    private static void writeTopics(Path file, Model m) throws IOException {
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

    // --------------------------------------------------------------------------------------------- random

    /** An index drawn with probability proportional to its weight. */
    private static int weighted(double[] weights, SplittableRandom r) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = r.nextDouble() * total;
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                last = i;
                x -= weights[i];
                if (x < 0) {
                    return i;
                }
            }
        }
        return last;
    }

    /** One of {@code pool} not yet in {@code has}, proportional to its weight; -1 when none is left. */
    private static int weightedUnused(int[] pool, double[] weight, BitSet has, SplittableRandom r) {
        double total = 0;
        for (int i : pool) {
            if (!has.get(i)) {
                total += weight[i];
            }
        }
        if (total <= 0) {
            return -1;
        }
        double x = r.nextDouble() * total;
        int last = -1;
        for (int i : pool) {
            if (!has.get(i)) {
                last = i;
                x -= weight[i];
                if (x < 0) {
                    return i;
                }
            }
        }
        return last;
    }

    /** A standard normal draw (Box-Muller with StrictMath, so it is the same on every JVM). */
    private static double gaussian(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    private static int[] permutation(int n, SplittableRandom r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, r);
        return p;
    }

    private static void shuffle(int[] a, SplittableRandom r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }

    private static <T> T pick(List<T> list, SplittableRandom r) {
        return list.get(r.nextInt(list.size()));
    }

    private static <T> T pick(T[] array, SplittableRandom r) {
        return array[r.nextInt(array.length)];
    }
}
