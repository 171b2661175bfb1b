package dev.augur.ui.map;

import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.util.Callback;

import java.nio.IntBuffer;
import java.util.Arrays;

/**
 * Draws the points of a {@link MapCanvas}. It rasterises them itself, into an ARGB frame buffer the size of the
 * canvas (reallocated only on resize) that backs a {@link WritableImage} through a {@link PixelBuffer}, and hands the
 * canvas one {@code drawImage}: the software pipeline has only that one image to blit, however many points there
 * are. It culls to the viewport (screen positions computed on the fly in float arithmetic) and writes each visible
 * point as a small square in its colour: search non-matches pale grey underneath, the selected points last with a
 * dark outline. When more than the density threshold of points are on screen it draws a {@link DensityImage} into
 * the same buffer instead. Nothing is allocated per point; everything works on reused primitive arrays.
 */
final class MapRenderer {
    static final int DIM_ARGB = 0xFFD6D6D6;
    static final int OUTLINE_ARGB = 0xFF141414;
    private static final Callback<PixelBuffer<IntBuffer>, Rectangle2D> FULL_FRAME = b -> null;
    private static final double PAD = MapViewport.PAD;

    private final CanvasPoints points;
    private final DensityImage densityImage = new DensityImage();
    private Color background = Color.WHITE;
    private int densityThreshold = MapCanvas.DEFAULT_DENSITY_THRESHOLD;
    private boolean sizeByPopularity;

    // reused draw buffers
    private int[] visible = new int[0];
    private int[] dimList = new int[0];
    private int[] selList = new int[0];
    private int visibleN;
    private int dimN;
    private int selN;
    // the frame: ARGB (premultiplied; every pixel opaque) pixels shared with the image drawn on the canvas
    private int[] frame = new int[0];
    private PixelBuffer<IntBuffer> frameBuffer;
    private WritableImage frameImage;

    /** What a redraw drew: how many points are on screen, and whether as the density image. */
    record Drawn(int count, boolean density) {
    }

    MapRenderer(CanvasPoints points) {
        this.points = points;
    }

    /** Sizes the cull lists for a map of {@code n} points (a new map). */
    void reset(int n) {
        visible = new int[n];
        dimList = new int[0];
        selList = new int[0];
    }

    /**
     * Fills {@code g} with the background and draws the points of the {@code w} × {@code h} view into it;
     * {@code wasDensity}: the last redraw drew the density image (it probably will again).
     */
    Drawn draw(GraphicsContext g, MapViewport view, int w, int h, boolean wasDensity) {
        g.setFill(background);
        g.fillRect(0, 0, w, h);
        int count = 0;
        boolean density = false;
        int n = points.size();
        if (n > 0 && w > 0 && h > 0) {
            MapViewport.FloatView v = view.floatView(w, h);
            ensureFrame(w, h);
            if (n <= densityThreshold) { // cannot be above it: no need to count first
                count = cull(v, w, h);
            } else if (wasDensity) { // probably still above it: bin and count in one pass
                count = densityImage.bin(points, v, w, h);
                density = count > densityThreshold;
                if (!density) {
                    count = cull(v, w, h);
                }
            } else {
                count = countVisible(v, w, h);
                density = count > densityThreshold;
                if (density) {
                    densityImage.bin(points, v, w, h);
                } else {
                    cull(v, w, h);
                }
            }
            if (density) {
                densityImage.resolve(frame, w, h, background);
            } else {
                drawPoints(v, w, h, count);
            }
            frameBuffer.updateBuffer(FULL_FRAME);
            g.drawImage(frameImage, 0, 0);
        }
        return new Drawn(count, density);
    }

    /** The frame buffer and its image, the size of the canvas; reallocated only when that changes. */
    private void ensureFrame(int w, int h) {
        if (frameImage == null || frameBuffer.getWidth() != w || frameBuffer.getHeight() != h) {
            frame = new int[w * h];
            frameBuffer = new PixelBuffer<>(w, h, IntBuffer.wrap(frame), PixelFormat.getIntArgbPreInstance());
            frameImage = new WritableImage(frameBuffer);
        }
    }

    /** How many points are on screen (give or take a margin) and not hidden by the legend. */
    private int countVisible(MapViewport.FloatView fv, int w, int h) {
        final float minX = (float) -PAD;
        final float minY = (float) -PAD;
        final float maxX = (float) (w + PAD);
        final float maxY = (float) (h + PAD);
        final float[] p = points.xy();
        final float cx = fv.fx();
        final float cy = fv.fy();
        final float s = fv.fs();
        final float x0 = fv.ox();
        final float y0 = fv.oy();
        final short[] grp = points.group();
        final boolean[] hid = points.hiddenGroups();
        final boolean anyHidden = points.anyGroupHidden();
        final int n = points.size();
        int v = 0;
        for (int i = 0, k = 0; i < n; i++, k += 2) {
            float x = (p[k] - cx) * s + x0;
            float y = y0 - (p[k + 1] - cy) * s;
            if (x >= minX && x <= maxX && y >= minY && y <= maxY) {
                if (anyHidden) {
                    int gi = grp[i];
                    if (gi < hid.length && hid[gi]) {
                        continue;
                    }
                }
                v++;
            }
        }
        return v;
    }

    /**
     * Collects the points on screen (give or take a margin) and not hidden, in index order, into three lists:
     * {@link #visible} (drawn in their colour), {@link #dimList} (search non-matches) and {@link #selList} (selected).
     * Returns how many in all.
     */
    private int cull(MapViewport.FloatView fv, int w, int h) {
        final float minX = (float) -PAD;
        final float minY = (float) -PAD;
        final float maxX = (float) (w + PAD);
        final float maxY = (float) (h + PAD);
        final float[] p = points.xy();
        final float cx = fv.fx();
        final float cy = fv.fy();
        final float s = fv.fs();
        final float x0 = fv.ox();
        final float y0 = fv.oy();
        final short[] grp = points.group();
        final boolean[] hid = points.hiddenGroups();
        final boolean anyHidden = points.anyGroupHidden();
        final int n = points.size();
        final int selectedCount = points.selectedCount();
        final boolean[] sel = selectedCount > 0 ? points.selected() : null;
        final boolean[] match = points.matches();
        if (match != null && dimList.length < n) {
            dimList = new int[n];
        }
        if (sel != null && selList.length < selectedCount) {
            selList = new int[n];
        }
        final int[] vis = visible;
        final int[] dim = dimList;
        final int[] chosen = selList;
        int v = 0;
        int d = 0;
        int c = 0;
        for (int i = 0, k = 0; i < n; i++, k += 2) {
            float x = (p[k] - cx) * s + x0;
            float y = y0 - (p[k + 1] - cy) * s;
            if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) {
                continue;
            }
            if (anyHidden) {
                int gi = grp[i];
                if (gi < hid.length && hid[gi]) {
                    continue;
                }
            }
            if (sel != null && sel[i]) {
                chosen[c++] = i;
            } else if (match != null && !match[i]) {
                dim[d++] = i;
            } else {
                vis[v++] = i;
            }
        }
        visibleN = v;
        dimN = d;
        selN = c;
        return v + d + c;
    }

    /**
     * Draws the culled points into the frame buffer as squares (5, 3 or 2 px wide by how many are on screen, or 2–10
     * px by popularity): the search's non-matches pale grey first, then the others in their colour (in index order,
     * so that no colour always wins where points overlap), then the selected ones over a dark square 4 px wider.
     */
    private void drawPoints(MapViewport.FloatView fv, int w, int h, int count) {
        final int[] dst = frame;
        Arrays.fill(dst, 0, w * h, Argb.of(background) | 0xFF000000);
        final int base = count <= 5_000 ? 5 : count <= 50_000 ? 3 : 2;
        final byte[] sizes = sizeByPopularity ? points.popularitySizes() : null;
        final int[] pal = points.argbPalette();
        final short[] col = points.colour();
        final float[] p = points.xy();
        final float cx = fv.fx();
        final float cy = fv.fy();
        final float s = fv.fs();
        final float x0 = fv.ox();
        final float y0 = fv.oy();
        final int[] dim = dimList;
        for (int k = 0, to = dimN; k < to; k++) {
            int i = dim[k];
            square(dst, w, h, (p[2 * i] - cx) * s + x0, y0 - (p[2 * i + 1] - cy) * s,
                    sizes == null ? base : sizes[i], DIM_ARGB);
        }
        final int[] vis = visible;
        for (int k = 0, to = visibleN; k < to; k++) {
            int i = vis[k];
            square(dst, w, h, (p[2 * i] - cx) * s + x0, y0 - (p[2 * i + 1] - cy) * s,
                    sizes == null ? base : sizes[i], pal[col == null ? 0 : col[i]]);
        }
        final int[] chosen = selList;
        for (int k = 0, to = selN; k < to; k++) {
            int i = chosen[k];
            square(dst, w, h, (p[2 * i] - cx) * s + x0, y0 - (p[2 * i + 1] - cy) * s,
                    (sizes == null ? base : sizes[i]) + 4, OUTLINE_ARGB);
        }
        for (int k = 0, to = selN; k < to; k++) {
            int i = chosen[k];
            square(dst, w, h, (p[2 * i] - cx) * s + x0, y0 - (p[2 * i + 1] - cy) * s,
                    sizes == null ? base : sizes[i], pal[col == null ? 0 : col[i]]);
        }
    }

    /** Fills the pixels whose centres lie in the {@code s}-wide square centred on (x, y), clipped to the frame. */
    private static void square(int[] dst, int w, int h, float x, float y, int s, int argb) {
        float half = s * 0.5f - 0.5f;
        int x0 = (int) Math.floor(x - half);
        int y0 = (int) Math.floor(y - half);
        int x1 = Math.min(w, x0 + s);
        int y1 = Math.min(h, y0 + s);
        if (x0 < 0) {
            x0 = 0;
        }
        if (y0 < 0) {
            y0 = 0;
        }
        for (int yy = y0, row = y0 * w; yy < y1; yy++, row += w) {
            for (int q = row + x0, end = row + x1; q < end; q++) {
                dst[q] = argb;
            }
        }
    }

    void setBackground(Color c) {
        background = c;
    }

    int densityThreshold() {
        return densityThreshold;
    }

    void setDensityThreshold(int points) {
        densityThreshold = points;
    }

    /** False (no change) when it already was {@code on}. */
    boolean setSizeByPopularity(boolean on) {
        if (on == sizeByPopularity) {
            return false;
        }
        sizeByPopularity = on;
        return true;
    }
}
