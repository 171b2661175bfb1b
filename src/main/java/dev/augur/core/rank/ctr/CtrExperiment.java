package dev.augur.core.rank.ctr;

import dev.augur.core.task.TaskMonitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The with/without comparison of the LLM-feature papers: one backbone (FM or LR) fitted on the base features,
 * then on the base plus each requested group, then on the base plus all of them, every variant with the same
 * samples, settings and seed, each measured on the test part.
 */
public final class CtrExperiment {
    private final FactorizationMachine.Config config;

    public CtrExperiment(FactorizationMachine.Config config) {
        this.config = config;
    }

    /**
     * Runs the variants: {@code base}, {@code +g} for each of {@code added}, and {@code +all} when more than one
     * group is added. A group missing from {@code data} or already in {@code base} is an error before anything is
     * fitted.
     */
    public CtrReport run(CtrDataset data, CtrFeatures base, List<CtrFeatures.Group> added, TaskMonitor monitor) {
        List<String> names = new ArrayList<>();
        List<CtrEncoding> encodings = new ArrayList<>();
        names.add("base");
        encodings.add(data.encode(base));
        CtrFeatures all = base;
        for (CtrFeatures.Group g : added) {
            if (all.has(g)) {
                throw new IllegalArgumentException("feature group '" + g.text() + "' is already in the base variant"
                        + " or listed twice");
            }
            all = all.with(g);
            names.add("+" + g.text());
            encodings.add(data.encode(base.with(g)));
        }
        if (added.size() > 1) {
            names.add("+all");
            encodings.add(data.encode(all));
        }
        List<CtrReport.Variant> variants = new ArrayList<>();
        for (int i = 0; i < encodings.size(); i++) {
            monitor.checkCancelled();
            monitor.message("fitting " + names.get(i) + " (" + encodings.get(i).features().label() + ")");
            variants.add(fitOne(names.get(i), encodings.get(i), data, scaled(monitor, i, encodings.size())));
        }
        monitor.progress(encodings.size(), encodings.size());
        Map<String, Object> model = new LinkedHashMap<>(config.toMap());
        return new CtrReport(model, data.labels().describe(), data.protocol(), CtrReport.Part.of(data.train()),
                CtrReport.Part.of(data.valid()), CtrReport.Part.of(data.test()), variants);
    }

    private CtrReport.Variant fitOne(String name, CtrEncoding enc, CtrDataset data, TaskMonitor monitor) {
        FactorizationMachine fm = new FactorizationMachine(config);
        FactorizationMachine.Fit fit = fm.fit(enc, data.train(), data.valid(), monitor);
        CtrSamples test = data.test();
        float[] p = fm.predict(test);
        return new CtrReport.Variant(name, enc.features(), enc.fieldSizes(), CtrMetrics.auc(p, test.label()),
                CtrMetrics.gauc(p, test.label(), test.user()), CtrMetrics.logLoss(p, test.label()), fit.seconds(),
                fit.bestEpoch(), CtrSlices.of(p, test, data.train(), data.numUsers(), data.numItems()));
    }

    /** Variant {@code i} of {@code n}'s progress as a share of the whole run. */
    private static TaskMonitor scaled(TaskMonitor outer, int i, int n) {
        return new TaskMonitor() {
            @Override public void progress(long done, long total) {
                if (total > 0) {
                    outer.progress(i * 1000L + done * 1000 / total, n * 1000L);
                }
            }

            @Override public void message(String message) {
                outer.message(message);
            }

            @Override public boolean isCancelled() {
                return outer.isCancelled();
            }
        };
    }
}
