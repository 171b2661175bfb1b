package dev.augur.core.projection;

/**
 * The parameters of a {@link Umap} layout.
 *
 * @param neighbours the size of each point's neighbourhood, the point included (as in umap-learn's
 *                   {@code n_neighbors}); 2..200
 * @param minDist    how tightly points may pack in the layout, 0..1 (spread is 1)
 * @param epochs     layout epochs; 0 for the default: 500 up to 10,000 points, 200 above
 * @param seed       seeds the initial jitter and the negative sampling
 * @param pcaDims    the input is reduced to this many principal components (at most its own dimension) before
 *                   the neighbours are searched; 2..{@value Pca#MAX_DIMS}
 */
public record UmapParams(int neighbours, double minDist, int epochs, long seed, int pcaDims) {
    /** neighbours 15, minDist 0.1, epochs by size, seed 42, pcaDims 50. */
    public static final UmapParams DEFAULTS = new UmapParams(15, 0.1, 0, 42, 50);

    public UmapParams {
        if (neighbours < 2 || neighbours > 200) {
            throw new IllegalArgumentException("neighbours must be 2..200, not " + neighbours);
        }
        if (!(minDist >= 0 && minDist <= 1)) {
            throw new IllegalArgumentException("minDist must be 0..1, not " + minDist);
        }
        if (epochs < 0 || epochs > 10_000) {
            throw new IllegalArgumentException("epochs must be 0 (automatic) .. 10000, not " + epochs);
        }
        if (pcaDims < 2 || pcaDims > Pca.MAX_DIMS) {
            throw new IllegalArgumentException("pcaDims must be 2.." + Pca.MAX_DIMS + ", not " + pcaDims);
        }
    }

    /** The defaults. */
    public UmapParams() {
        this(DEFAULTS.neighbours, DEFAULTS.minDist, DEFAULTS.epochs, DEFAULTS.seed, DEFAULTS.pcaDims);
    }

    public UmapParams withSeed(long seed) {
        return new UmapParams(neighbours, minDist, epochs, seed, pcaDims);
    }

    public UmapParams withEpochs(int epochs) {
        return new UmapParams(neighbours, minDist, epochs, seed, pcaDims);
    }

    /** The epochs a layout of {@code n} points runs. */
    public int epochsFor(int n) {
        return epochs > 0 ? epochs : n > 10_000 ? 200 : 500;
    }

    /**
     * One string per distinct layout, e.g. {@code neighbours=15 minDist=0.1 epochs=auto seed=42 pcaDims=50}: the
     * projection cache's key.
     */
    public String canonical() {
        return "neighbours=" + neighbours + " minDist=" + minDist + " epochs=" + (epochs == 0 ? "auto" : epochs)
                + " seed=" + seed + " pcaDims=" + pcaDims;
    }
}
