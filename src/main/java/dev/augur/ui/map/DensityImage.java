package dev.augur.ui.map;

import javafx.scene.paint.Color;

import java.util.Arrays;

/**
 * The map as a density image, for when too many points are on screen to draw one by one: per pixel, how many points
 * fall on it, tinted by the mean colour of those points. {@link #bin} makes one pass over the points into a per-pixel
 * accumulator; {@link #resolve} turns that into frame pixels. The buffers are reused from redraw to redraw.
 */
final class DensityImage {
    // the accumulator, one long a pixel: bits 0-47 colour sums (16 bits a channel), 48-61 count, 62-63 flags
    private static final int MAX_SUMMED = 257; // 257 × 255 = 65,535: the mean of the first ones will do
    private static final int COUNT_SHIFT = 48;
    private static final int MAX_COUNT = (1 << 14) - 1;
    private static final long DIMMED_BIT = 1L << 62;
    private static final long SELECTED_BIT = 1L << 63;
    private static final double PAD = MapViewport.PAD;

    private long[] pixAcc = new long[0];
    private int densityMax;
    private long[] packedPalette = new long[0];
    private float[] alphaLut = new float[0];

    /**
     * One pass over the points: per pixel, how many points fall on it (14 bits, saturating), the sum of the colours
     * of its first {@link #MAX_SUMMED} points (16 bits a channel) and flags for selected and dimmed points, all in one
     * long, so that a point costs one random memory access. A pixel shows the mean colour of its points over the
     * background, more opaque the more points it holds (log scale); a selected point marks its pixel dark, and a
     * pixel holding only dimmed points is pale grey ({@link #resolve}). Returns how many points are on screen
     * (give or take the margin the points mode culls with) and not hidden.
     */
    int bin(CanvasPoints points, MapViewport.FloatView fv, int w, int h) {
        int size = w * h;
        if (pixAcc.length != size) {
            pixAcc = new long[size];
        } else {
            Arrays.fill(pixAcc, 0L);
        }
        final int[] palette = points.palette();
        final int colours = palette.length;
        if (packedPalette.length != colours) {
            packedPalette = new long[colours];
        }
        final long[] packed = packedPalette;
        for (int c = 0; c < colours; c++) {
            int v = palette[c];
            packed[c] = (long) ((v >> 16) & 0xFF) | ((long) ((v >> 8) & 0xFF) << 16) | ((long) (v & 0xFF) << 32);
        }
        final float[] pts = points.xy();
        final float cx = fv.fx();
        final float cy = fv.fy();
        final float s = fv.fs();
        final float x0 = fv.ox();
        final float y0 = fv.oy();
        final float minX = (float) -PAD;
        final float minY = (float) -PAD;
        final float maxX = (float) (w + PAD);
        final float maxY = (float) (h + PAD);
        final short[] grp = points.group();
        final short[] col = points.colour();
        final boolean[] hid = points.hiddenGroups();
        final boolean anyHidden = points.anyGroupHidden();
        final boolean[] sel = points.selected();
        final boolean anySelected = points.selectedCount() > 0;
        final boolean[] match = points.matches();
        final long[] acc = pixAcc;
        final float fw = w;
        final float fh = h;
        final int n = points.size();
        int max = 0;
        int count = 0;
        for (int i = 0, k = 0; i < n; i++, k += 2) {
            float x = (pts[k] - cx) * s + x0;
            float y = y0 - (pts[k + 1] - cy) * s;
            if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) {
                continue;
            }
            if (anyHidden) {
                int gi = grp[i];
                if (gi < hid.length && hid[gi]) {
                    continue;
                }
            }
            count++;
            if (!(x >= 0 && x < fw && y >= 0 && y < fh)) {
                continue;
            }
            int p = (int) y * w + (int) x;
            long v = acc[p];
            if (anySelected && sel[i]) {
                acc[p] = v | SELECTED_BIT;
            } else if (match != null && !match[i]) {
                acc[p] = v | DIMMED_BIT;
            } else {
                int m = (int) (v >>> COUNT_SHIFT) & MAX_COUNT;
                if (m < MAX_COUNT) {
                    v += 1L << COUNT_SHIFT;
                    if (m < MAX_SUMMED) {
                        v += packed[col == null ? 0 : col[i]];
                    }
                    acc[p] = v;
                    if (m >= max) {
                        max = m + 1;
                    }
                }
            }
        }
        densityMax = max;
        return count;
    }

    /** Turns the per-pixel sums of {@link #bin} into the {@code w} × {@code h} frame over {@code background}. */
    void resolve(int[] frame, int w, int h, Color background) {
        final int size = w * h;
        final int max = densityMax;
        final long[] acc = pixAcc;
        int lutSize = Math.min(max, 4096) + 1;
        if (alphaLut.length < lutSize) {
            alphaLut = new float[Math.max(lutSize, 256)];
        }
        double norm = Math.log1p(Math.max(1, max));
        for (int k = 1; k < lutSize; k++) {
            alphaLut[k] = (float) (0.45 + 0.55 * Math.log1p(k) / norm);
        }
        final int bg = Argb.of(background) | 0xFF000000;
        final int dim = Argb.mix(bg, MapRenderer.DIM_ARGB, 0.8f);
        final int bgR = (bg >> 16) & 0xFF;
        final int bgG = (bg >> 8) & 0xFF;
        final int bgB = bg & 0xFF;
        final int[] dst = frame;
        final float[] lut = alphaLut;
        final int last = lutSize - 1;
        for (int p = 0; p < size; p++) {
            long v = acc[p];
            if (v == 0) {
                dst[p] = bg;
            } else if (v < 0) { // SELECTED_BIT is the sign bit
                dst[p] = MapRenderer.OUTLINE_ARGB;
            } else {
                int m = (int) (v >>> COUNT_SHIFT) & MAX_COUNT;
                if (m == 0) {
                    dst[p] = dim;
                } else {
                    float inv = 1f / Math.min(m, MAX_SUMMED);
                    float a = lut[Math.min(m, last)];
                    float ia = 1 - a;
                    float ma = inv * a;
                    int r = (int) (bgR * ia + (v & 0xFFFF) * ma);
                    int gr = (int) (bgG * ia + ((v >>> 16) & 0xFFFF) * ma);
                    int bl = (int) (bgB * ia + ((v >>> 32) & 0xFFFF) * ma);
                    dst[p] = 0xFF000000 | (r << 16) | (gr << 8) | bl;
                }
            }
        }
    }
}
