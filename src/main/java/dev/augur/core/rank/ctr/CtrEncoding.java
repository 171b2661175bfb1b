package dev.augur.core.rank.ctr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One feature layout over a {@link CtrDataset}: user id and item id one-hot, categories and hashed generated
 * attributes multi-hot, text and profile vectors as real-valued features. Every field enters with norm about 1
 * (multi-hot values 1/√n, dense vectors centred and scaled), so no field dominates the first updates.
 * Per item the sparse part is precomputed; dense vectors are read from their tables at gather time.
 */
public final class CtrEncoding implements SampleFeatures {
    private final CtrFeatures features;
    private final int numFeatures;
    private final int maxFeatures;
    private final int[] itemPtr;
    private final int[] itemIdx;
    private final float[] itemVal;
    private final DenseTable[] itemDense;
    private final int[] itemDenseAt;
    private final DenseTable[] userDense;
    private final int[] userDenseAt;
    private final Map<String, Integer> fieldSizes = new LinkedHashMap<>();

    CtrEncoding(CtrDataset data, CtrFeatures features) {
        this.features = features;
        int items = data.numItems();
        int at = 0;
        fieldSizes.put("user", data.numUsers());
        at += data.numUsers();
        int itemBase = at;
        fieldSizes.put("item", items);
        at += items;
        int catBase = at;
        if (features.categories()) {
            fieldSizes.put("categories", data.numCategories());
            at += data.numCategories();
        }
        int attrBase = at;
        if (features.attributes()) {
            fieldSizes.put("attributes", data.attributeBuckets());
            at += data.attributeBuckets();
        }
        int[] ptr = new int[items + 1];
        for (int i = 0; i < items; i++) {
            int n = 1 + (features.categories() ? data.categories()[i].length : 0)
                    + (features.attributes() ? data.attributes()[i].length : 0);
            ptr[i + 1] = ptr[i] + n;
        }
        int[] idx = new int[ptr[items]];
        float[] val = new float[ptr[items]];
        int maxSparse = 0;
        for (int i = 0; i < items; i++) {
            int w = ptr[i];
            idx[w] = itemBase + i;
            val[w++] = 1f;
            if (features.categories()) {
                w = multiHot(data.categories()[i], catBase, idx, val, w);
            }
            if (features.attributes()) {
                w = multiHot(data.attributes()[i], attrBase, idx, val, w);
            }
            maxSparse = Math.max(maxSparse, w - ptr[i]);
        }
        itemPtr = ptr;
        itemIdx = idx;
        itemVal = val;
        List<DenseTable> iDense = new ArrayList<>();
        List<Integer> iAt = new ArrayList<>();
        List<DenseTable> uDense = new ArrayList<>();
        List<Integer> uAt = new ArrayList<>();
        if (features.itemText()) {
            at = addDense("text", data.itemText(), at, iDense, iAt);
        }
        if (features.itemProfile()) {
            at = addDense("item profile", data.itemProfile(), at, iDense, iAt);
        }
        if (features.userProfile()) {
            at = addDense("user profile", data.userProfile(), at, uDense, uAt);
        }
        itemDense = iDense.toArray(DenseTable[]::new);
        itemDenseAt = iAt.stream().mapToInt(Integer::intValue).toArray();
        userDense = uDense.toArray(DenseTable[]::new);
        userDenseAt = uAt.stream().mapToInt(Integer::intValue).toArray();
        int dense = 0;
        for (DenseTable t : itemDense) {
            dense += t.dims();
        }
        for (DenseTable t : userDense) {
            dense += t.dims();
        }
        numFeatures = at;
        maxFeatures = 1 + maxSparse + dense;
    }

    private int addDense(String name, DenseTable t, int at, List<DenseTable> tables, List<Integer> offsets) {
        fieldSizes.put(name, t.dims());
        tables.add(t);
        offsets.add(at);
        return at + t.dims();
    }

    private static int multiHot(int[] ids, int base, int[] idx, float[] val, int w) {
        float v = ids.length == 0 ? 0f : (float) (1 / Math.sqrt(ids.length));
        for (int id : ids) {
            idx[w] = base + id;
            val[w++] = v;
        }
        return w;
    }

    public CtrFeatures features() {
        return features;
    }

    /** Field name → number of features, in layout order. */
    public Map<String, Integer> fieldSizes() {
        return new LinkedHashMap<>(fieldSizes);
    }

    @Override public int numFeatures() {
        return numFeatures;
    }

    @Override public int maxFeatures() {
        return maxFeatures;
    }

    @Override public int gather(int user, int item, int[] index, float[] value) {
        int n = 0;
        index[n] = user;
        value[n++] = 1f;
        for (int k = itemPtr[item]; k < itemPtr[item + 1]; k++) {
            index[n] = itemIdx[k];
            value[n++] = itemVal[k];
        }
        n = dense(itemDense, itemDenseAt, item, index, value, n);
        return dense(userDense, userDenseAt, user, index, value, n);
    }

    private static int dense(DenseTable[] tables, int[] offsets, int row, int[] index, float[] value, int n) {
        for (int t = 0; t < tables.length; t++) {
            DenseTable table = tables[t];
            if (!table.present()[row]) {
                continue;
            }
            int dims = table.dims();
            float[] v = table.values();
            int from = row * dims;
            int base = offsets[t];
            for (int d = 0; d < dims; d++) {
                index[n] = base + d;
                value[n++] = v[from + d];
            }
        }
        return n;
    }
}
