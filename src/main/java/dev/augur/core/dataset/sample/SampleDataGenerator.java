package dev.augur.core.dataset.sample;

import dev.augur.core.dataset.sample.TopicVocabulary.Topic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 *
 * <p>The stages live in {@link CatalogueGenerator} (items and their text), {@link UserGenerator} (users, their
 * topics and activity), {@link InteractionSampler} (picks, times, ratings) and {@link RecBoleWriter} (files),
 * all drawing through {@link SampleRandom}.
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

    private SampleDataGenerator() {
    }

    /** Generates the sample for {@code spec} and writes its four files into {@code outDir} (made if missing). */
    public static SampleSummary write(Path outDir, SampleSpec spec) throws IOException {
        Model m = generate(spec);
        Files.createDirectories(outDir);
        List<Path> files = List.of(outDir.resolve(ITEM_FILE), outDir.resolve(USER_FILE),
                outDir.resolve(INTER_FILE), outDir.resolve(TOPICS_FILE));
        RecBoleWriter.writeItems(files.get(0), m);
        RecBoleWriter.writeUsers(files.get(1), m);
        RecBoleWriter.writeInteractions(files.get(2), m);
        RecBoleWriter.writeTopics(files.get(3), m);
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

    /** Everything generated, before it is written; arrays indexed by item or user number (from 0). */
    static final class Model {
        SampleSpec spec;
        List<Topic> topics;
        /** How much each topic is liked. */
        double[] topicPop;
        int[] itemTopic;
        boolean[] cold;
        /** Each topic's warm items, ascending. */
        int[][] topicItems;
        /** Within-topic popularity of each warm item (0 for cold ones). */
        double[] itemWeight;
        /** All warm items, ascending. */
        int[] warmItems;
        /** Popularity of each warm item across the whole catalogue (0 for cold ones). */
        double[] globalWeight;
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

        CatalogueGenerator.layout(m, rItems);
        CatalogueGenerator.makeText(m, rText);
        UserGenerator.makeUsers(m, rUsers);
        int[] counts = UserGenerator.activity(spec, m.warmItems.length, rUsers);
        InteractionSampler.pickItems(m, counts, rPick);
        InteractionSampler.makeTimes(m, rTime);
        InteractionSampler.makeRatings(m, rRating);
        return m;
    }
}
