package dev.augur.core.rank;

import java.util.Arrays;
import java.util.List;

/**
 * The slices every evaluation breaks its metrics out by, shared by the ranking {@link Evaluator} and the CTR task:
 * items by their training popularity (cold: none; head: the most popular 20 % of the items that have any; tail: the
 * rest) and users by their training history length.
 */
public final class Slices {
    public static final List<String> ITEM = List.of("cold-items", "head-items", "tail-items");
    public static final List<String> USER = List.of("users:1-5", "users:6-20", "users:21-50", "users:51+");
    /** {@link #ITEM} then {@link #USER}, the order reports list them in. */
    public static final List<String> ALL = List.of("cold-items", "head-items", "tail-items", "users:1-5",
            "users:6-20", "users:21-50", "users:51+");

    private Slices() {
    }

    /** Per item its index in {@link #ITEM} (0 cold, 1 head, 2 tail) from its training interaction count. */
    public static byte[] itemSlices(int[] trainCounts) {
        byte[] slice = new byte[trainCounts.length];
        int[] sorted = Arrays.stream(trainCounts).filter(c -> c > 0).sorted().toArray();
        int headCount = (int) Math.ceil(sorted.length * 0.2);
        int threshold = headCount == 0 ? Integer.MAX_VALUE : sorted[sorted.length - headCount];
        for (int i = 0; i < trainCounts.length; i++) {
            slice[i] = (byte) (trainCounts[i] == 0 ? 0 : trainCounts[i] >= threshold ? 1 : 2);
        }
        return slice;
    }

    /** The index in {@link #USER} of a user with {@code history} training interactions (0 counts as 1-5). */
    public static int userSlice(int history) {
        return history <= 5 ? 0 : history <= 20 ? 1 : history <= 50 ? 2 : 3;
    }
}
