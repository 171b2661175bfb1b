package dev.augur.core.rank.ctr;

import dev.augur.core.rank.Slices;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A variant's test metrics broken out by the evaluation slices ({@link Slices}): items by how often they occur in
 * the training samples (cold, head, tail) and users by how many training samples they have. This is where
 * LLM-derived features are expected to matter most: items and users with little or no collaborative signal.
 */
final class CtrSlices {
    private CtrSlices() {
    }

    /** The slices with at least one test sample, in {@link Slices#ALL}'s order. */
    static Map<String, CtrReport.Slice> of(float[] p, CtrSamples test, CtrSamples train, int numUsers, int numItems) {
        int[] itemCounts = new int[numItems];
        int[] userCounts = new int[numUsers];
        for (int s = 0; s < train.size(); s++) {
            itemCounts[train.item()[s]]++;
            userCounts[train.user()[s]]++;
        }
        byte[] itemSlice = Slices.itemSlices(itemCounts);
        int n = test.size();
        int[] slice = new int[n * 2]; // per sample: its item slice, then its user slice (offset past the item ones)
        int[] sizes = new int[Slices.ALL.size()];
        for (int s = 0; s < n; s++) {
            slice[2 * s] = itemSlice[test.item()[s]];
            slice[2 * s + 1] = Slices.ITEM.size() + Slices.userSlice(userCounts[test.user()[s]]);
            sizes[slice[2 * s]]++;
            sizes[slice[2 * s + 1]]++;
        }
        Map<String, CtrReport.Slice> out = new LinkedHashMap<>();
        for (int g = 0; g < sizes.length; g++) {
            if (sizes[g] == 0) {
                continue;
            }
            float[] ps = new float[sizes[g]];
            float[] ls = new float[sizes[g]];
            int[] us = new int[sizes[g]];
            int k = 0;
            for (int s = 0; s < n; s++) {
                if (slice[2 * s] == g || slice[2 * s + 1] == g) {
                    ps[k] = p[s];
                    ls[k] = test.label()[s];
                    us[k++] = test.user()[s];
                }
            }
            out.put(Slices.ALL.get(g), new CtrReport.Slice(k, CtrMetrics.auc(ps, ls), CtrMetrics.gauc(ps, ls, us),
                    CtrMetrics.logLoss(ps, ls)));
        }
        return out;
    }
}
