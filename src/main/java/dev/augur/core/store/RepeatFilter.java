package dev.augur.core.store;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds interaction rows identical to an earlier one (same user, item, value and time) while rows stream in.
 * Exact as long as each user's rows come as one block, as in MovieLens, RecBole and most exports sorted by user;
 * memory is one user's rows. When a user comes back after others, it gives up and says so
 * ({@link #isExact()} false), and the writer finds the rest with one SQL pass over the index at commit.
 */
final class RepeatFilter {
    private final int firstUserId;
    private final BitSet finishedUsers = new BitSet();
    private final Set<RowKey> block = new HashSet<>();
    private int blockUser = -1;
    private boolean exact = true;
    private long repeats;

    private record RowKey(int item, double value, long ts) {
    }

    RepeatFilter(int firstUserId) {
        this.firstUserId = firstUserId;
    }

    /** True when this row repeats an earlier one of its user's block (and should be dropped). */
    boolean isRepeat(int user, int item, double value, long ts) {
        if (!exact) {
            return false;
        }
        if (user != blockUser) {
            if (blockUser >= 0) {
                finishedUsers.set(blockUser - firstUserId);
            }
            block.clear();
            if (finishedUsers.get(user - firstUserId)) {
                exact = false; // this user came back after others
                return false;
            }
            blockUser = user;
        }
        if (!block.add(new RowKey(item, value, ts))) {
            repeats++;
            return true;
        }
        return false;
    }

    boolean isExact() {
        return exact;
    }

    long repeats() {
        return repeats;
    }
}
