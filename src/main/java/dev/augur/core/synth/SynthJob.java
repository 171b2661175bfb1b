package dev.augur.core.synth;

import java.util.List;

/**
 * One question to the model: a pair (one pick: would this user interact with this item?) or a user with candidate
 * items (several picks: which do they like, which not?).
 */
record SynthJob(long userId, String userExternalId, int historySize, List<CandidatePicker.Pick> picks, boolean pair) {
}
