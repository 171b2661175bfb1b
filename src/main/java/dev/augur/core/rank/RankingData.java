package dev.augur.core.rank;

/**
 * A dataset loaded for ranking: the renumbered interactions, side information for the text-aware models, and the
 * external ids of users and items (as in the source files) for display and the command line.
 */
public record RankingData(long datasetId, String dataset, Interactions interactions, SideInformation side,
                          String[] userExternalIds, String[] itemExternalIds) {

    /** Dense index of the user with external id {@code externalId}, or -1. */
    public int userByExternalId(String externalId) {
        for (int u = 0; u < userExternalIds.length; u++) {
            if (externalId.equals(userExternalIds[u])) {
                return u;
            }
        }
        return -1;
    }

    public String title(int item) {
        return side.titles()[item];
    }
}
