package dev.augur.core.dataset.sample;

import dev.augur.core.dataset.sample.SampleDataGenerator.Model;

import java.util.Arrays;
import java.util.SplittableRandom;

import static dev.augur.core.dataset.sample.SampleRandom.gaussian;
import static dev.augur.core.dataset.sample.SampleRandom.weighted;

/** The sample's users: their age band and country, the topics they like, and how active they are. */
final class UserGenerator {

    /** Spread (log scale) of users' activity. */
    private static final double ACTIVITY_SIGMA = 1.1;

    private UserGenerator() {
    }

    /** Fills in each user's {@code ageBand}, {@code country} and {@code userTopics} (favourite first). */
    static void makeUsers(Model m, SplittableRandom r) {
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
            double[] left = m.topicPop.clone();
            int[] chosen = new int[k];
            for (int j = 0; j < k; j++) {
                chosen[j] = weighted(left, r);
                left[chosen[j]] = 0;
            }
            m.userTopics[u] = chosen;
        }
    }

    /** Each user's number of interactions: at least the minimum, log-normal above it, summing to the total. */
    static int[] activity(SampleSpec spec, int warmItems, SplittableRandom r) {
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
}
