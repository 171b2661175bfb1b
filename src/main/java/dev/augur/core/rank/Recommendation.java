package dev.augur.core.rank;

import java.util.List;

/**
 * One recommended item for one user: its dense index and ids, title, score, rank (1-based), whether it is one of
 * the user's held-out (target) items, and why.
 */
public record Recommendation(int item, long itemId, String externalId, String title, double score, int rank,
                             boolean heldOut, List<Reason> reasons) {
}
