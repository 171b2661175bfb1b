package dev.augur.core.review;

import dev.augur.core.rank.EvalRequest;
import dev.augur.core.rank.EvalResult;
import dev.augur.core.rank.EvalRun;
import dev.augur.core.rank.Filters;
import dev.augur.core.rank.Protocol;
import dev.augur.core.rank.RankingService;
import dev.augur.core.rank.Recommenders;
import dev.augur.core.store.SyntheticFilter;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the accepted synthetic interactions do to the models: the same protocol evaluated twice, without and with
 * them in training (never in the test), overall and on the cold-start slice (items with no observed training
 * interaction). Both runs are stored like any other.
 */
public final class SyntheticEffect {
    private static final String[] METRICS = {"ndcg", "recall", "hr"};

    private final Workspace workspace;
    private final Recommenders recommenders;

    public SyntheticEffect(Workspace workspace, Recommenders recommenders) {
        this.workspace = workspace;
        this.recommenders = recommenders;
    }

    /** One model's numbers without and with the synthetic interactions. */
    public record ModelEffect(String model, Map<String, Double> without, Map<String, Double> with,
                              Map<String, Double> coldWithout, Map<String, Double> coldWith) {
    }

    /** One display row: a metric of a model on a slice, without, with, and the change. */
    public record Row(String model, String slice, String metric, double without, double with, double delta,
                      double deltaPct) {
    }

    public record Report(Protocol protocol, long accepted, long withoutRunId, long withRunId, int k,
                         List<ModelEffect> models) {
        public List<Row> toRows() {
            List<Row> rows = new ArrayList<>();
            for (ModelEffect m : models) {
                for (String slice : new String[] {"all", "cold-items"}) {
                    Map<String, Double> a = slice.equals("all") ? m.without() : m.coldWithout();
                    Map<String, Double> b = slice.equals("all") ? m.with() : m.coldWith();
                    for (String metric : METRICS) {
                        String key = metric + "@" + k;
                        double x = a.getOrDefault(key, Double.NaN);
                        double y = b.getOrDefault(key, Double.NaN);
                        rows.add(new Row(m.model(), slice, key, x, y, y - x, x == 0 ? Double.NaN : (y - x) / x * 100));
                    }
                    rows.add(new Row(m.model(), slice, "users", a.getOrDefault("users", Double.NaN),
                            b.getOrDefault("users", Double.NaN), Double.NaN, Double.NaN));
                }
            }
            return rows;
        }
    }

    public Report run(long datasetId, Protocol protocol, List<String> models, int threads, TaskMonitor monitor) {
        long accepted = workspace.synthetic().count(SyntheticFilter.all(datasetId).withStatus("accepted"));
        if (accepted == 0) {
            throw new IllegalStateException("no accepted synthetic interactions in this dataset yet; accept some in"
                    + " the review queue first");
        }
        Filters f = protocol.filters();
        Protocol without = protocol.withFilters(new Filters(f.minRating(), f.minUserInteractions(),
                f.minItemInteractions(), false));
        Protocol with = protocol.withFilters(new Filters(f.minRating(), f.minUserInteractions(),
                f.minItemInteractions(), true));
        RankingService service = new RankingService(workspace, recommenders);
        monitor.message("Evaluating without synthetic interactions");
        EvalRun a = service.evaluate(new EvalRequest(datasetId, without, models, Map.of(), "", threads,
                "without synthetic"), half(monitor, 0));
        monitor.message("Evaluating with " + accepted + " accepted synthetic interactions");
        EvalRun b = service.evaluate(new EvalRequest(datasetId, with, models, Map.of(), "", threads,
                "with accepted synthetic"), half(monitor, 1));
        List<ModelEffect> effects = new ArrayList<>();
        Map<String, EvalResult> bs = b.byModel();
        for (EvalResult r : a.results()) {
            EvalResult s = bs.get(r.model());
            effects.add(new ModelEffect(r.model(), r.metrics(), s.metrics(), r.slices().get("cold-items"),
                    s.slices().get("cold-items")));
        }
        return new Report(protocol, accepted, a.runId(), b.runId(), protocol.ks().get(0), effects);
    }

    private static TaskMonitor half(TaskMonitor whole, int part) {
        return new TaskMonitor() {
            @Override public void progress(long done, long total) {
                if (total > 0) {
                    whole.progress(part * 1000L + done * 1000 / total, 2000);
                }
            }

            @Override public void message(String message) {
                whole.message(message);
            }

            @Override public boolean isCancelled() {
                return whole.isCancelled();
            }
        };
    }
}
