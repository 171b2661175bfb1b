package dev.augur.core.store;

/**
 * One row of the review audit log: who did what to which synthetic interaction, the status and value before and
 * after, and when. {@code undoes} is the id of the decision an undo reverted (0 otherwise). Absent values are NaN
 * and absent statuses "".
 */
public record ReviewDecision(long id, long interactionId, String annotator, String action, String beforeStatus,
                             double beforeValue, String afterStatus, double afterValue, long undoes, String batch,
                             String at) {
    public static final String ACCEPT = "accept";
    public static final String REJECT = "reject";
    public static final String EDIT = "edit";
    public static final String SKIP = "skip";
    public static final String UNDO = "undo";
    public static final String ADJUDICATE = "adjudicate";
}
