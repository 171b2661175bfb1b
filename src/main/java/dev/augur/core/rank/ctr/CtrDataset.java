package dev.augur.core.rank.ctr;

import dev.augur.core.rank.Csr;
import dev.augur.core.rank.SideInformation;
import dev.augur.core.rank.Split;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The click-through-rate view of a split: (user, item, label) samples from the split's training, validation and
 * test matrices, and every feature group a model may use — item categories, item text vectors, item and user
 * profile vectors and hashed generated attributes. Which groups a model sees is chosen per {@link #encode}.
 */
public final class CtrDataset {
    private final int numUsers;
    private final int numItems;
    private final CtrSamples train;
    private final CtrSamples valid;
    private final CtrSamples test;
    private final CtrLabels labels;
    private final String protocol;
    private final int[][] categories;
    private final int numCategories;
    private final DenseTable itemText;
    private final DenseTable itemProfile;
    private final DenseTable userProfile;
    private final int[][] attributes;
    private final int attributeBuckets;

    private CtrDataset(int numUsers, int numItems, CtrSamples train, CtrSamples valid, CtrSamples test,
                       CtrLabels labels, String protocol, int[][] categories, int numCategories, DenseTable itemText,
                       DenseTable itemProfile, DenseTable userProfile, int[][] attributes, int attributeBuckets) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.train = train;
        this.valid = valid;
        this.test = test;
        this.labels = labels;
        this.protocol = protocol;
        this.categories = categories;
        this.numCategories = numCategories;
        this.itemText = itemText;
        this.itemProfile = itemProfile;
        this.userProfile = userProfile;
        this.attributes = attributes;
        this.attributeBuckets = attributeBuckets;
    }

    /** Dense vectors wider than this are cut to it by PCA (see {@link DenseTable#reduced}). */
    public static final int DEFAULT_DENSE_WIDTH = 32;

    /** Share of the training samples held out for early stopping when the split has no validation part. */
    static final double CARVED_VALIDATION = 0.1;

    /** {@link #of(Split, SideInformation, LlmFeatures, CtrLabels, int)} with dense vectors cut to 32 dimensions. */
    public static CtrDataset of(Split split, SideInformation side, LlmFeatures llm, CtrLabels labels) {
        return of(split, side, llm, labels, DEFAULT_DENSE_WIDTH);
    }

    /**
     * Samples from {@code split} (train from its training matrix, validation and test likewise; values labelled by
     * {@code labels}), categories and text vectors from {@code side}, the rest from {@code llm}; dense vectors
     * wider than {@code denseWidth} are reduced to it (0: kept whole). When the split has no validation part
     * (cold-items, temporal), a seeded 10% of the training samples is held out for early stopping instead.
     * Sampled negatives, if asked for, are drawn with the split's seed.
     */
    public static CtrDataset of(Split split, SideInformation side, LlmFeatures llm, CtrLabels labels,
                                int denseWidth) {
        int users = split.train().rows();
        int items = split.train().cols();
        if (side.numItems() != items) {
            throw new IllegalArgumentException("side information covers " + side.numItems() + " items, the split "
                    + items);
        }
        long seed = split.protocol().seed();
        Csr[] all = {split.train(), split.valid(), split.test()};
        CtrSamples train = samples(split.train(), all, labels, new SplittableRandom(seed));
        CtrSamples valid = samples(split.valid(), all, labels, new SplittableRandom(seed ^ 0x5DEECE66DL));
        CtrSamples test = samples(split.test(), all, labels, new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L));
        String validation = "";
        if (valid.isEmpty()) {
            CtrSamples[] parts = carve(train, CARVED_VALIDATION, new SplittableRandom(seed ^ 0xC2B2AE3DL));
            train = parts[0];
            valid = parts[1];
            validation = "; early stopping on a random 10% of the training samples (the split has no validation)";
        }
        requireBothClasses("training", train, labels);
        requireBothClasses("test", test, labels);

        int[][] cats = side.categories();
        int numCats = side.categoryNames().length;
        for (int[] c : cats) {
            for (int id : c) {
                if (id < 0) {
                    throw new IllegalArgumentException("negative category id " + id + " in the side information");
                }
                numCats = Math.max(numCats, id + 1);
            }
        }
        DenseTable text = null;
        if (side.hasVectors() && anyTrue(side.hasText())) {
            text = new DenseTable(items, side.dims(), side.itemText(), side.hasText()).reduced(denseWidth, seed)
                    .normalized();
        }
        DenseTable itemProfile = checked("item profile", llm.itemProfile(), items, "items", denseWidth, seed);
        DenseTable userProfile = checked("user profile", llm.userProfile(), users, "users", denseWidth, seed);
        int[][] attrs = null;
        if (llm.itemAttributes() != null) {
            if (llm.itemAttributes().length != items) {
                throw new IllegalArgumentException("generated attributes are given for " + llm.itemAttributes().length
                        + " items, the split has " + items);
            }
            attrs = hashAttributes(llm.itemAttributes(), llm.attributeBuckets());
        }
        String protocol = split.protocol().split().describe() + "; " + split.protocol().filters().describe()
                + "; seed " + seed + validation;
        return new CtrDataset(users, items, train, valid, test, labels, protocol, cats, numCats,
                text, itemProfile, userProfile, attrs, llm.attributeBuckets());
    }

    private static DenseTable checked(String what, DenseTable t, int rows, String unit, int width, long seed) {
        if (t == null) {
            return null;
        }
        if (t.rows() != rows) {
            throw new IllegalArgumentException(what + " vectors have " + t.rows() + " rows, the split has " + rows
                    + " " + unit);
        }
        if (t.presentCount() == 0) {
            return null; // nothing to learn from: asking for the group is then an error that says so
        }
        return t.reduced(width, seed).normalized();
    }

    private static boolean anyTrue(boolean[] b) {
        for (boolean x : b) {
            if (x) {
                return true;
            }
        }
        return false;
    }

    /** {@code s} split at random into {rest, a {@code share} of it}, each keeping the original order. */
    private static CtrSamples[] carve(CtrSamples s, double share, SplittableRandom rnd) {
        int n = s.size();
        boolean[] out = new boolean[n];
        int want = (int) Math.round(n * share);
        int taken = 0;
        for (int k = 0; k < n && taken < want; k++) { // selection sampling: exactly `want` rows, uniformly
            if (rnd.nextInt(n - k) < want - taken) {
                out[k] = true;
                taken++;
            }
        }
        int[][] u = {new int[n - taken], new int[taken]};
        int[][] i = {new int[n - taken], new int[taken]};
        float[][] l = {new float[n - taken], new float[taken]};
        int[] w = new int[2];
        for (int k = 0; k < n; k++) {
            int p = out[k] ? 1 : 0;
            u[p][w[p]] = s.user()[k];
            i[p][w[p]] = s.item()[k];
            l[p][w[p]++] = s.label()[k];
        }
        return new CtrSamples[] {new CtrSamples(u[0], i[0], l[0]), new CtrSamples(u[1], i[1], l[1])};
    }

    private static void requireBothClasses(String part, CtrSamples s, CtrLabels labels) {
        int pos = s.positives();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("the split has no " + part + " interactions");
        }
        if (pos == 0 || pos == s.size()) {
            throw new IllegalArgumentException("all " + s.size() + " " + part + " samples have label " + (pos == 0
                    ? 0 : 1) + " under '" + labels.describe() + "': choose another threshold"
                    + (pos > 0 ? " or sample negatives for positive-only feedback" : ""));
        }
    }

    private static CtrSamples samples(Csr part, Csr[] all, CtrLabels labels, SplittableRandom rnd) {
        int n = part.nnz();
        int extra = labels.sampledNegatives();
        int cap = n;
        if (extra > 0) {
            for (float v : part.values()) {
                cap += labels.label(v) > 0 ? extra : 0;
            }
        }
        int[] user = new int[cap];
        int[] item = new int[cap];
        float[] label = new float[cap];
        int w = 0;
        int items = part.cols();
        for (int u = 0; u < part.rows(); u++) {
            for (int k = part.indptr()[u]; k < part.indptr()[u + 1]; k++) {
                float l = labels.label(part.values()[k]);
                user[w] = u;
                item[w] = part.indices()[k];
                label[w++] = l;
                if (l > 0) {
                    for (int j = 0; j < extra; j++) {
                        int neg = unseen(u, items, all, rnd);
                        if (neg >= 0) {
                            user[w] = u;
                            item[w] = neg;
                            label[w++] = 0f;
                        }
                    }
                }
            }
        }
        return new CtrSamples(Arrays.copyOf(user, w), Arrays.copyOf(item, w), Arrays.copyOf(label, w));
    }

    /** A random item {@code user} has no interaction with in any part, or -1 after many misses (a heavy user). */
    private static int unseen(int user, int items, Csr[] all, SplittableRandom rnd) {
        for (int tries = 0; tries < 100; tries++) {
            int i = rnd.nextInt(items);
            boolean seen = false;
            for (Csr m : all) {
                seen |= m.contains(user, i);
            }
            if (!seen) {
                return i;
            }
        }
        return -1;
    }

    /** Each item's tokens hashed to sorted unique buckets; a stable hash, so runs agree across machines. */
    static int[][] hashAttributes(String[][] tokens, int buckets) {
        int[][] out = new int[tokens.length][];
        for (int i = 0; i < tokens.length; i++) {
            String[] t = tokens[i] == null ? new String[0] : tokens[i];
            int[] b = new int[t.length];
            int n = 0;
            for (String s : t) {
                if (s != null && !s.isBlank()) {
                    b[n++] = Math.floorMod(mix(s.strip().toLowerCase(java.util.Locale.ROOT).hashCode()), buckets);
                }
            }
            out[i] = Arrays.stream(b, 0, n).sorted().distinct().toArray();
        }
        return out;
    }

    private static int mix(int h) { // murmur3's finalizer: String.hashCode alone clusters similar tokens
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** Whether this dataset has the data for feature group {@code g}. */
    public boolean has(CtrFeatures.Group g) {
        return switch (g) {
            case CATEGORIES -> numCategories > 0;
            case ITEM_TEXT -> itemText != null;
            case ITEM_PROFILE -> itemProfile != null;
            case USER_PROFILE -> userProfile != null;
            case ATTRIBUTES -> attributes != null;
        };
    }

    /** The feature layout of {@code features}; a group without data here is an error naming it. */
    public CtrEncoding encode(CtrFeatures features) {
        for (CtrFeatures.Group g : features.groups()) {
            if (!has(g)) {
                throw new IllegalArgumentException("feature group '" + g.text() + "' was asked for but the dataset "
                        + "has no " + switch (g) {
                            case CATEGORIES -> "item categories";
                            case ITEM_TEXT -> "item text vectors";
                            case ITEM_PROFILE -> "item profile vectors";
                            case USER_PROFILE -> "user profile vectors";
                            case ATTRIBUTES -> "generated item attributes";
                        });
            }
        }
        return new CtrEncoding(this, features);
    }

    public int numUsers() {
        return numUsers;
    }

    public int numItems() {
        return numItems;
    }

    public CtrSamples train() {
        return train;
    }

    public CtrSamples valid() {
        return valid;
    }

    public CtrSamples test() {
        return test;
    }

    public CtrLabels labels() {
        return labels;
    }

    /** The split, its filters and seed, in one line. */
    public String protocol() {
        return protocol;
    }

    int[][] categories() {
        return categories;
    }

    int numCategories() {
        return numCategories;
    }

    DenseTable itemText() {
        return itemText;
    }

    DenseTable itemProfile() {
        return itemProfile;
    }

    DenseTable userProfile() {
        return userProfile;
    }

    int[][] attributes() {
        return attributes;
    }

    int attributeBuckets() {
        return attributeBuckets;
    }
}
