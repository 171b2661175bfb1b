package dev.augur.core.dataset.sample;

import dev.augur.core.dataset.sample.SampleDataGenerator.Model;
import dev.augur.core.dataset.sample.TopicVocabulary.Topic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import static dev.augur.core.dataset.sample.SampleRandom.permutation;
import static dev.augur.core.dataset.sample.SampleRandom.pick;
import static dev.augur.core.dataset.sample.SampleRandom.shuffle;
import static dev.augur.core.dataset.sample.SampleRandom.weighted;

/**
 * The sample catalogue: which hidden topic each item has, which items are cold, how popular the rest are, and
 * each item's title, categories, description and year, made from its topic's vocabulary.
 */
final class CatalogueGenerator {

    /** Exponent of the within-topic popularity: weight of rank r (from 0) is 1/(r+1)^s. */
    private static final double ITEM_ZIPF = 1.1;
    /** Exponent on the within-topic weight when choosing across the whole catalogue: the heads stand out more. */
    private static final double GLOBAL_SHARPEN = 2.0;
    /** Exponent of how much more some topics are liked than others. */
    private static final double TOPIC_ZIPF = 0.8;
    /** Odds of each extra description sentence: what it does, what it includes, filler, colours. */
    private static final double[] SENTENCE_KINDS = {0.4, 0.3, 0.15, 0.15};

    private CatalogueGenerator() {
    }

    /**
     * Fills in the topics' popularity, the items' topics, the cold items and the warm items' popularity
     * ({@code topicPop}, {@code itemTopic}, {@code cold}, {@code topicItems}, {@code itemWeight},
     * {@code warmItems}, {@code globalWeight}).
     */
    static void layout(Model m, SplittableRandom r) {
        SampleSpec spec = m.spec;
        int nTopics = spec.topics();
        int nItems = spec.items();

        // How much each topic is liked: a Zipf-like share over a random order of the topics.
        double[] topicPop = new double[nTopics];
        int[] topicOrder = permutation(nTopics, r);
        for (int rank = 0; rank < nTopics; rank++) {
            topicPop[topicOrder[rank]] = 1.0 / StrictMath.pow(rank + 1, TOPIC_ZIPF);
        }
        m.topicPop = topicPop;

        // Items: balanced topics in random order.
        m.itemTopic = new int[nItems];
        for (int i = 0; i < nItems; i++) {
            m.itemTopic[i] = i % nTopics;
        }
        shuffle(m.itemTopic, r);
        int[] topicSize = new int[nTopics];
        for (int t : m.itemTopic) {
            topicSize[t]++;
        }

        // Cold items, chosen before any sampling; at most half of any topic.
        m.cold = new boolean[nItems];
        int[] coldInTopic = new int[nTopics];
        int coldLeft = spec.coldItems();
        for (int i : permutation(nItems, r)) {
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
        for (int i : permutation(nItems, r)) {
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
        m.topicItems = topicItems;
        m.itemWeight = itemWeight;
        m.warmItems = warmItems;
        m.globalWeight = globalWeight;
    }

    /** Fills in each item's {@code title}, {@code categories}, {@code description} and {@code year}. */
    static void makeText(Model m, SplittableRandom r) {
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
}
