package dev.augur.core.synth;

import dev.augur.core.augment.AugmentRequest;
import dev.augur.core.rank.Csr;
import dev.augur.core.rank.RankingData;
import dev.augur.core.rank.Recommender;
import dev.augur.core.rank.Recommenders;
import dev.augur.core.rank.TrainingData;
import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Candidate selection: the questions a run puts to the model. Fits the collaborative model where the target has
 * observed interactions, picks candidate users for cold or long-tail items (one job per pair) or candidate items for
 * users with short histories (one job per user), and notes why there are none.
 *
 * @param targets     the distinct items or users the jobs propose for
 * @param collabModel the name of the fitted collaborative model; empty when candidates come from content alone
 */
record SynthJobs(List<SynthJob> jobs, int targets, String collabModel) {

    /** @param matrix the observed interactions of {@code data}, users × items */
    static SynthJobs plan(Workspace ws, DatasetInfo dataset, SynthRequest request, RankingData data, Csr matrix,
                          ContentScores content, Recommenders recommenders, TaskMonitor monitor, SynthTally tally) {
        SynthTarget target = request.target();
        Recommender collab = null;
        if (target != SynthTarget.COLD_ITEMS && matrix.nnz() > 0) {
            monitor.message("Fitting " + request.collabModel() + " on " + matrix.nnz() + " observed interactions");
            collab = recommenders.create(request.collabModel(), Map.of());
            collab.fit(new TrainingData(matrix, matrix.transpose(), data.side(), AugmentRequest.DEFAULT_SEED,
                    Runtime.getRuntime().availableProcessors()), monitor);
        }
        CandidatePicker picker = new CandidatePicker(matrix, content, collab);
        if (target == SynthTarget.COLD_ITEMS && !content.available()) {
            throw new IllegalArgumentException("cold items have no interactions, so their candidates come from"
                    + " content alone, and dataset " + dataset.name() + " has neither item text vectors nor"
                    + " categories; encode the items first: augur encode --workspace " + ws.file()
                    + " --target items");
        }
        monitor.checkCancelled();
        monitor.message("Picking candidates for " + target.id());
        List<SynthJob> jobs = jobs(picker, request, data, matrix);
        int targets = (int) jobs.stream().map(j -> j.pair() ? j.picks().get(0).item() : j.picks().get(0).user())
                .distinct().count();
        if (target == SynthTarget.COLD_ITEMS && picker.coldWithoutContent() > 0) {
            tally.problem(picker.coldWithoutContent() + " cold items have no " + (content.source().startsWith("text")
                    ? "text vector" : "category") + " to compare, so no candidates");
        }
        if (target == SynthTarget.TAIL_ITEMS) {
            monitor.message("Long-tail items: 1 to " + picker.tailMax() + " observed interactions");
        }
        if (jobs.isEmpty()) {
            tally.problem(switch (target) {
                case COLD_ITEMS -> "dataset " + dataset.name() + " has no cold item with content to compare";
                case TAIL_ITEMS -> "dataset " + dataset.name() + " has no item with observed interactions";
                case SHORT_USERS -> "no user of dataset " + dataset.name() + " has at most "
                        + CandidatePicker.SHORT_USER_MAX + " observed interactions";
            });
        }
        return new SynthJobs(jobs, targets, collab == null ? "" : collab.name());
    }

    private static List<SynthJob> jobs(CandidatePicker picker, SynthRequest request, RankingData data, Csr matrix) {
        SynthTarget target = request.target();
        int n = request.candidatesPerTarget();
        List<SynthJob> jobs = new ArrayList<>();
        if (target.itemFocused()) {
            int[] items = target == SynthTarget.COLD_ITEMS ? picker.coldItems(request.limit())
                    : picker.tailItems(request.limit());
            for (List<CandidatePicker.Pick> picks : picker.usersFor(items, n)) {
                for (CandidatePicker.Pick p : picks) {
                    jobs.add(new SynthJob(data.interactions().userIds()[p.user()], data.userExternalIds()[p.user()],
                            matrix.rowLength(p.user()), List.of(p), true));
                }
            }
        } else {
            for (int u : picker.shortUsers(request.limit())) {
                List<CandidatePicker.Pick> picks = picker.itemsFor(u, n);
                if (!picks.isEmpty()) {
                    jobs.add(new SynthJob(data.interactions().userIds()[u], data.userExternalIds()[u],
                            matrix.rowLength(u), picks, false));
                }
            }
        }
        return jobs;
    }
}
