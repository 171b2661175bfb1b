package dev.augur.core.rank.models;

import dev.augur.core.rank.SideInformation;

/**
 * Item text vectors scaled to unit length, so a dot product is a cosine. {@code has[i]} is false for an item without
 * text (or with an all-zero vector); its row is zero.
 */
record TextVectors(int dims, float[] unit, boolean[] has) {

    static TextVectors of(SideInformation side, String model) {
        if (!side.hasVectors()) {
            throw new IllegalStateException("the " + model + " model needs item text vectors and this dataset has none:"
                    + " encode item texts first: augur encode --target items -w <workspace>");
        }
        int d = side.dims();
        int n = side.numItems();
        float[] src = side.itemText();
        if (src.length != (long) n * d) {
            throw new IllegalArgumentException("side information holds " + src.length + " text values, not "
                    + n + " items × " + d + " dims");
        }
        float[] unit = new float[n * d];
        boolean[] has = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (!side.hasText()[i]) {
                continue;
            }
            int o = i * d;
            double norm = 0;
            for (int f = 0; f < d; f++) {
                norm += (double) src[o + f] * src[o + f];
            }
            if (norm > 0 && Double.isFinite(norm)) {
                float inv = (float) (1 / Math.sqrt(norm));
                for (int f = 0; f < d; f++) {
                    unit[o + f] = src[o + f] * inv;
                }
                has[i] = true;
            }
        }
        return new TextVectors(d, unit, has);
    }

    int count() {
        int c = 0;
        for (boolean h : has) {
            if (h) {
                c++;
            }
        }
        return c;
    }

    float dot(int a, int b) {
        int oa = a * dims;
        int ob = b * dims;
        float s = 0;
        for (int f = 0; f < dims; f++) {
            s += unit[oa + f] * unit[ob + f];
        }
        return s;
    }
}
