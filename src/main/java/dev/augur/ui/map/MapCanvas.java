package dev.augur.ui.map;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.Callback;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

/**
 * The embedding map: up to a million points drawn on one {@link Canvas} (never a node per point), with pan (drag),
 * zoom around the cursor (scroll), fit-to-view (F), hover tooltip, click, rectangle (shift-drag) and lasso
 * (alt/ctrl-drag, or {@link #lassoModeProperty()}) selection. JavaFX thread only.
 *
 * <p>A redraw rasterises the points itself, into an ARGB frame buffer the size of the canvas (reallocated only on
 * resize) that backs a {@link WritableImage} through a {@link PixelBuffer}, and hands the canvas one
 * {@code drawImage}: the software pipeline has only that one image to blit, however many points there are. It culls
 * to the viewport (screen positions computed on the fly in float arithmetic) and writes each visible point as a
 * small square in its colour: search non-matches pale grey underneath, the selected points last with a dark outline.
 * When more than {@link #densityThreshold()} points are on screen it draws a density image into the same buffer
 * instead (per-pixel counts tinted by the mean colour of the pixel's points). Hit tests (hover, click, rectangle,
 * lasso) go through the map's {@link SpatialGrid}, so a hover costs the points of a few cells, not a scan. Nothing
 * is allocated per point; everything works on reused primitive arrays.
 */
public final class MapCanvas extends Region {
    /** Above this many points on screen the map draws a density image instead of points. */
    public static final int DEFAULT_DENSITY_THRESHOLD = 200_000;
    private static final double PICK_RADIUS = 6;
    private static final double PAD = 12;
    private static final Color OUTLINE = Color.rgb(20, 20, 20);
    private static final int DIM_ARGB = 0xFFD6D6D6;
    private static final int OUTLINE_ARGB = 0xFF141414;
    private static final Callback<PixelBuffer<IntBuffer>, Rectangle2D> FULL_FRAME = b -> null;
    private static final int[] NO_PALETTE = {0xFF7F7F7F};
    // density accumulator, one long a pixel: bits 0-47 colour sums (16 bits a channel), 48-61 count, 62-63 flags
    private static final int MAX_SUMMED = 257; // 257 × 255 = 65,535: the mean of the first ones will do
    private static final int COUNT_SHIFT = 48;
    private static final int MAX_COUNT = (1 << 14) - 1;
    private static final long DIMMED_BIT = 1L << 62;
    private static final long SELECTED_BIT = 1L << 63;

    /** How a gesture changes the selection. */
    public enum SelectMode { REPLACE, ADD, TOGGLE }

    private enum Gesture { NONE, PAN, RECT, LASSO }

    private final Canvas base = new Canvas();
    private final Canvas overlay = new Canvas();
    private final Label tooltip = new Label();
    private final BooleanProperty lassoMode = new SimpleBooleanProperty(false);
    private final ReadOnlyDoubleWrapper lastRedrawMillis = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyIntegerWrapper visibleCount = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper densityMode = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyLongWrapper hoveredId = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyStringWrapper tooltipText = new ReadOnlyStringWrapper("");
    private Color background = Color.WHITE;
    private int densityThreshold = DEFAULT_DENSITY_THRESHOLD;

    // data
    private LoadedMap map;
    private int n;
    private float[] xy = new float[0];
    private short[] group;
    private short[] colour;
    private int[] palette = NO_PALETTE;
    private int[] argbPalette = NO_PALETTE;
    private boolean[] hiddenGroup = new boolean[0];
    private boolean[] matches;
    private boolean[] selected = new boolean[0];
    private int selectedCount;
    private Collection<Long> selectionSource = List.of();
    private byte[] popSize;
    private boolean sizeByPopularity;
    private long linkedHoverId = -1;
    private int hover = -1;

    // view: screen x = x * scale + tx, screen y = ty - y * scale
    private double scale = 1;
    private double tx;
    private double ty;
    private boolean fitted;
    private boolean autoFit = true;
    private boolean redrawScheduled;
    // the view in float arithmetic, relative to the world point (fx, fy) at the middle of the canvas so that deep
    // zooms lose no precision: screen x = (x - fx) * fs + ox, screen y = oy - (y - fy) * fs
    private float fx;
    private float fy;
    private float fs;
    private float ox;
    private float oy;

    // reused draw buffers
    private int[] visible = new int[0];
    private int[] dimList = new int[0];
    private int[] selList = new int[0];
    private int visibleN;
    private int dimN;
    private int selN;
    private long[] pixAcc = new long[0];
    private int densityMax;
    private long[] packedPalette = new long[0];
    private float[] alphaLut = new float[0];
    // the frame: ARGB (premultiplied; every pixel opaque) pixels shared with the image drawn on the canvas
    private int[] frame = new int[0];
    private PixelBuffer<IntBuffer> frameBuffer;
    private WritableImage frameImage;

    // gestures
    private Gesture gesture = Gesture.NONE;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean moved;
    private double[] lassoX = new double[64];
    private double[] lassoY = new double[64];
    private int lassoN;

    private BiConsumer<long[], SelectMode> onSelect = (ids, mode) -> { };
    private LongConsumer onOpen = id -> { };
    private LongConsumer onHover = id -> { };

    public MapCanvas() {
        getStyleClass().add("map-canvas");
        setId("map-canvas");
        overlay.setMouseTransparent(true);
        tooltip.setId("map-tooltip");
        tooltip.setManaged(false);
        tooltip.setVisible(false);
        tooltip.setMouseTransparent(true);
        tooltip.setStyle("-fx-background-color: rgba(32,32,32,0.92); -fx-text-fill: white; -fx-padding: 4 8 4 8;"
                + " -fx-background-radius: 4; -fx-font-size: 12px;");
        tooltip.textProperty().bind(tooltipText);
        getChildren().addAll(base, overlay, tooltip);
        base.getGraphicsContext2D().setImageSmoothing(false); // the frame is 1:1; on a HiDPI screen keep it crisp
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);
        setMinSize(60, 60);
        lassoMode.addListener((o, was, is) -> setCursor(is ? javafx.scene.Cursor.CROSSHAIR : javafx.scene.Cursor.DEFAULT));

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverAt(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoverAt(Double.NaN, Double.NaN));
        setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                zoomAt(e.getX(), e.getY(), Math.exp(e.getDeltaY() * 0.004));
            }
            e.consume();
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F || e.getCode() == KeyCode.DIGIT0) {
                fit();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                onSelect.accept(new long[0], SelectMode.REPLACE);
            } else if (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.EQUALS || e.getCode() == KeyCode.ADD) {
                zoomAt(width() / 2.0, height() / 2.0, 1.25);
            } else if (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT) {
                zoomAt(width() / 2.0, height() / 2.0, 0.8);
            } else {
                return;
            }
            e.consume();
        });
    }

    // ------------------------------------------------------------------------------------------------ inputs

    /** Shows {@code m} (null: nothing), fitted to the view; the selection given earlier is applied to it. */
    public void setMap(LoadedMap m) {
        map = m;
        n = m == null ? 0 : m.size();
        xy = m == null ? new float[0] : m.points().xy();
        selected = new boolean[n];
        visible = new int[n];
        dimList = new int[0];
        selList = new int[0];
        popSize = null;
        matches = null;
        hover = -1;
        hoveredId.set(-1);
        tooltipText.set("");
        tooltip.setVisible(false);
        applyColouring(null);
        resolveSelection();
        fitted = false;
        fit();
        requestRedraw();
    }

    public LoadedMap map() {
        return map;
    }

    /** The colours of the points; ignored (grey) while it does not match the map's size. */
    public void setColouring(Colouring c) {
        applyColouring(c);
        requestRedraw();
    }

    private void applyColouring(Colouring c) {
        if (c != null && c.group().length == n) {
            group = c.group();
            colour = c.colour();
            palette = c.palette();
        } else {
            group = null;
            colour = null;
            palette = NO_PALETTE;
        }
        argbPalette = new int[palette.length];
        for (int k = 0; k < palette.length; k++) {
            argbPalette[k] = opaque(palette[k]);
        }
    }

    /** Legend groups whose points are neither drawn nor selectable (index: group). */
    public void setHiddenGroups(boolean[] hidden) {
        hiddenGroup = hidden == null ? new boolean[0] : hidden;
        if (hover >= 0 && isHidden(hover)) {
            hoverAt(Double.NaN, Double.NaN);
        }
        requestRedraw();
    }

    /** Search matches (one flag per point) drawn in colour while the rest is dimmed; null: no search. */
    public void setMatches(boolean[] m) {
        matches = m != null && m.length == n ? m : null;
        requestRedraw();
    }

    /** The selected item ids; kept and re-applied when the map changes. */
    public void setSelection(Collection<Long> ids) {
        selectionSource = ids == null ? List.of() : ids;
        resolveSelection();
        requestRedraw();
    }

    private void resolveSelection() {
        Arrays.fill(selected, false);
        selectedCount = 0;
        if (map == null) {
            return;
        }
        for (Long id : selectionSource) {
            int k = map.indexOf(id);
            if (k >= 0 && !selected[k]) {
                selected[k] = true;
                selectedCount++;
            }
        }
    }

    /** Rings the point of item {@code id} (hovered in the other map); -1: none. */
    public void setLinkedHover(long id) {
        if (id != linkedHoverId) {
            linkedHoverId = id;
            drawOverlay();
        }
    }

    public void setSizeByPopularity(boolean on) {
        if (on != sizeByPopularity) {
            sizeByPopularity = on;
            requestRedraw();
        }
    }

    public void setBackgroundColour(Color c) {
        background = c;
        requestRedraw();
    }

    public int densityThreshold() {
        return densityThreshold;
    }

    public void setDensityThreshold(int points) {
        densityThreshold = points;
        requestRedraw();
    }

    /** While on, a plain drag draws a lasso instead of panning. */
    public BooleanProperty lassoModeProperty() {
        return lassoMode;
    }

    public void setOnSelect(BiConsumer<long[], SelectMode> onSelect) {
        this.onSelect = onSelect;
    }

    public void setOnOpen(LongConsumer onOpen) {
        this.onOpen = onOpen;
    }

    public void setOnHover(LongConsumer onHover) {
        this.onHover = onHover;
    }

    // ------------------------------------------------------------------------------------------------ outputs

    /**
     * How long the last redraw took on the JavaFX thread: culling and rasterising the points (or binning the density
     * image) into the frame buffer; the canvas then only blits that one image.
     */
    public ReadOnlyDoubleProperty lastRedrawMillisProperty() {
        return lastRedrawMillis.getReadOnlyProperty();
    }

    public double lastRedrawMillis() {
        return lastRedrawMillis.get();
    }

    public ReadOnlyIntegerProperty visibleCountProperty() {
        return visibleCount.getReadOnlyProperty();
    }

    /** Whether the last redraw drew the density image rather than points. */
    public ReadOnlyBooleanProperty densityModeProperty() {
        return densityMode.getReadOnlyProperty();
    }

    /** The item under the mouse, -1 when none. */
    public ReadOnlyLongProperty hoveredIdProperty() {
        return hoveredId.getReadOnlyProperty();
    }

    /** The hover tooltip's text, "" when none shows. */
    public ReadOnlyStringProperty tooltipTextProperty() {
        return tooltipText.getReadOnlyProperty();
    }

    public int selectedCount() {
        return selectedCount;
    }

    public double scale() {
        return scale;
    }

    /** Where item {@code id} is on the canvas (local coordinates), or null when not on this map. */
    public Point2D toScreen(long id) {
        int i = map == null ? -1 : map.indexOf(id);
        return i < 0 ? null : new Point2D(xy[2 * i] * scale + tx, ty - xy[2 * i + 1] * scale);
    }

    /** The world coordinates under a canvas position. */
    public Point2D toWorld(double x, double y) {
        return new Point2D((x - tx) / scale, (ty - y) / scale);
    }

    // ------------------------------------------------------------------------------------------------ view

    private int width() {
        return (int) base.getWidth();
    }

    private int height() {
        return (int) base.getHeight();
    }

    /** Fits all points into the view with a small margin. */
    public void fit() {
        int w = width();
        int h = height();
        if (map == null || w <= 0 || h <= 0) {
            return;
        }
        double bw = Math.max(map.maxX() - map.minX(), 1e-6);
        double bh = Math.max(map.maxY() - map.minY(), 1e-6);
        scale = Math.min((w - 2 * PAD) / bw, (h - 2 * PAD) / bh);
        if (!(scale > 0) || Double.isInfinite(scale)) {
            scale = 1;
        }
        double cx = (map.minX() + map.maxX()) / 2.0;
        double cy = (map.minY() + map.maxY()) / 2.0;
        tx = w / 2.0 - cx * scale;
        ty = h / 2.0 + cy * scale;
        fitted = true;
        autoFit = true;
        viewChanged();
    }

    private double fitScale() {
        if (map == null) {
            return 1;
        }
        double bw = Math.max(map.maxX() - map.minX(), 1e-6);
        double bh = Math.max(map.maxY() - map.minY(), 1e-6);
        return Math.max(1e-9, Math.min(Math.max(1, width() - 2 * PAD) / bw, Math.max(1, height() - 2 * PAD) / bh));
    }

    /** Zooms by {@code factor} keeping the world point under (x, y) where it is. */
    public void zoomAt(double x, double y, double factor) {
        double fs = fitScale();
        double next = Math.max(fs / 20, Math.min(fs * 1e5, scale * factor));
        double wx = (x - tx) / scale;
        double wy = (ty - y) / scale;
        scale = next;
        tx = x - wx * scale;
        ty = y + wy * scale;
        autoFit = false;
        viewChanged();
    }

    /** Moves the view by (dx, dy) pixels. */
    public void pan(double dx, double dy) {
        tx += dx;
        ty += dy;
        autoFit = false;
        viewChanged();
    }

    /** Puts item {@code id} in the middle of the view (zoom unchanged). */
    public void centreOn(long id) {
        int i = map == null ? -1 : map.indexOf(id);
        if (i >= 0) {
            tx = width() / 2.0 - xy[2 * i] * scale;
            ty = height() / 2.0 + xy[2 * i + 1] * scale;
            autoFit = false;
            viewChanged();
        }
    }

    private void viewChanged() {
        if (hover >= 0) {
            hoverAt(Double.NaN, Double.NaN);
        }
        requestRedraw();
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (w != base.getWidth() || h != base.getHeight()) {
            double oldW = base.getWidth();
            double oldH = base.getHeight();
            base.setWidth(w);
            base.setHeight(h);
            overlay.setWidth(w);
            overlay.setHeight(h);
            if (!fitted || autoFit) {
                fit(); // until the analyst pans or zooms, the map follows the size of its pane
            } else {
                tx += (w - oldW) / 2;
                ty += (h - oldH) / 2;
            }
            requestRedraw();
        }
        if (tooltip.isVisible()) {
            tooltip.autosize();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 400;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 300;
    }

    // ------------------------------------------------------------------------------------------------ drawing

    /** Redraws once, soon (coalesces bursts of changes into one redraw). */
    public void requestRedraw() {
        if (!redrawScheduled) {
            redrawScheduled = true;
            Platform.runLater(() -> {
                if (redrawScheduled) { // skipped when a direct redrawNow() came first
                    redrawNow();
                }
            });
        }
    }

    /** Redraws now and records how long it took. */
    public void redrawNow() {
        redrawScheduled = false;
        long t0 = System.nanoTime();
        int w = width();
        int h = height();
        GraphicsContext g = base.getGraphicsContext2D();
        g.setFill(background);
        g.fillRect(0, 0, w, h);
        int count = 0;
        boolean density = false;
        if (n > 0 && w > 0 && h > 0) {
            floatView(w, h);
            ensureFrame(w, h);
            if (n <= densityThreshold) { // cannot be above it: no need to count first
                count = cull(w, h);
            } else if (densityMode.get()) { // probably still above it: bin and count in one pass
                count = binDensity(w, h);
                density = count > densityThreshold;
                if (!density) {
                    count = cull(w, h);
                }
            } else {
                count = countVisible(w, h);
                density = count > densityThreshold;
                if (density) {
                    binDensity(w, h);
                } else {
                    cull(w, h);
                }
            }
            if (density) {
                resolveDensity(w, h);
            } else {
                drawPoints(w, h, count);
            }
            frameBuffer.updateBuffer(FULL_FRAME);
            g.drawImage(frameImage, 0, 0);
        }
        visibleCount.set(count);
        densityMode.set(density);
        drawOverlay();
        lastRedrawMillis.set((System.nanoTime() - t0) / 1e6);
    }

    /** The frame buffer and its image, the size of the canvas; reallocated only when that changes. */
    private void ensureFrame(int w, int h) {
        if (frameImage == null || frameBuffer.getWidth() != w || frameBuffer.getHeight() != h) {
            frame = new int[w * h];
            frameBuffer = new PixelBuffer<>(w, h, IntBuffer.wrap(frame), PixelFormat.getIntArgbPreInstance());
            frameImage = new WritableImage(frameBuffer);
        }
    }

    /**
     * The view in float arithmetic (several times faster than double here; the passes over the points compute screen
     * positions on the fly, which costs no more than reading stored ones), relative to the world point at the middle
     * of the canvas, so that deep zooms lose no precision.
     */
    private void floatView(int w, int h) {
        double rx = (w / 2.0 - tx) / scale;
        double ry = (ty - h / 2.0) / scale;
        fx = (float) rx;
        fy = (float) ry;
        fs = (float) scale;
        ox = (float) (fx * scale + tx);
        oy = (float) (ty - fy * scale);
    }

    /** How many points are on screen (give or take a margin) and not hidden by the legend. */
    private int countVisible(int w, int h) {
        final float minX = (float) -PAD;
        final float minY = (float) -PAD;
        final float maxX = (float) (w + PAD);
        final float maxY = (float) (h + PAD);
        final float[] p = xy;
        final float cx = fx;
        final float cy = fy;
        final float s = fs;
        final float x0 = ox;
        final float y0 = oy;
        final short[] grp = group;
        final boolean[] hid = hiddenGroup;
        final boolean anyHidden = grp != null && anyTrue(hid);
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

    private static boolean anyTrue(boolean[] a) {
        for (boolean b : a) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    /**
     * Collects the points on screen (give or take a margin) and not hidden, in index order, into three lists:
     * {@link #visible} (drawn in their colour), {@link #dimList} (search non-matches) and {@link #selList} (selected).
     * Returns how many in all.
     */
    private int cull(int w, int h) {
        final float minX = (float) -PAD;
        final float minY = (float) -PAD;
        final float maxX = (float) (w + PAD);
        final float maxY = (float) (h + PAD);
        final float[] p = xy;
        final float cx = fx;
        final float cy = fy;
        final float s = fs;
        final float x0 = ox;
        final float y0 = oy;
        final short[] grp = group;
        final boolean[] hid = hiddenGroup;
        final boolean anyHidden = grp != null && anyTrue(hid);
        final boolean[] sel = selectedCount > 0 ? selected : null;
        final boolean[] match = matches;
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
    private void drawPoints(int w, int h, int count) {
        final int[] dst = frame;
        Arrays.fill(dst, 0, w * h, toArgb(background) | 0xFF000000);
        final int base = count <= 5_000 ? 5 : count <= 50_000 ? 3 : 2;
        final byte[] sizes = sizeByPopularity ? popularitySizes() : null;
        final int[] pal = argbPalette;
        final short[] col = colour;
        final float[] p = xy;
        final float cx = fx;
        final float cy = fy;
        final float s = fs;
        final float x0 = ox;
        final float y0 = oy;
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

    private byte[] popularitySizes() {
        if (popSize == null) {
            int[] pop = map.points().popularity();
            int max = 1;
            for (int p : pop) {
                max = Math.max(max, p);
            }
            double norm = Math.log1p(max);
            popSize = new byte[n];
            for (int i = 0; i < n; i++) {
                popSize[i] = (byte) (2 + Math.round(8 * Math.log1p(Math.max(0, pop[i])) / norm));
            }
        }
        return popSize;
    }

    /**
     * One pass over the points: per pixel, how many points fall on it (14 bits, saturating), the sum of the colours
     * of its first {@link #MAX_SUMMED} points (16 bits a channel) and flags for selected and dimmed points, all in one
     * long, so that a point costs one random memory access. A pixel shows the mean colour of its points over the
     * background, more opaque the more points it holds (log scale); a selected point marks its pixel dark, and a
     * pixel holding only dimmed points is pale grey ({@link #resolveDensity}). Returns how many points are on screen
     * (give or take the margin the points mode culls with) and not hidden.
     */
    private int binDensity(int w, int h) {
        int size = w * h;
        if (pixAcc.length != size) {
            pixAcc = new long[size];
        } else {
            Arrays.fill(pixAcc, 0L);
        }
        final int colours = palette.length;
        if (packedPalette.length != colours) {
            packedPalette = new long[colours];
        }
        final long[] packed = packedPalette;
        for (int c = 0; c < colours; c++) {
            int v = palette[c];
            packed[c] = (long) ((v >> 16) & 0xFF) | ((long) ((v >> 8) & 0xFF) << 16) | ((long) (v & 0xFF) << 32);
        }
        final float[] pts = xy;
        final float cx = fx;
        final float cy = fy;
        final float s = fs;
        final float x0 = ox;
        final float y0 = oy;
        final float minX = (float) -PAD;
        final float minY = (float) -PAD;
        final float maxX = (float) (w + PAD);
        final float maxY = (float) (h + PAD);
        final short[] grp = group;
        final short[] col = colour;
        final boolean[] hid = hiddenGroup;
        final boolean anyHidden = grp != null && anyTrue(hid);
        final boolean[] sel = selected;
        final boolean anySelected = selectedCount > 0;
        final boolean[] match = matches;
        final long[] acc = pixAcc;
        final float fw = w;
        final float fh = h;
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

    /** Turns the per-pixel sums of {@link #binDensity} into the frame. */
    private void resolveDensity(int w, int h) {
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
        final int bg = toArgb(background) | 0xFF000000;
        final int dim = mix(bg, DIM_ARGB, 0.8f);
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
                dst[p] = OUTLINE_ARGB;
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

    /** {@code argb} over white if translucent, as the frame holds opaque pixels only. */
    private static int opaque(int argb) {
        int a = argb >>> 24;
        return a == 0xFF ? argb : mix(0xFFFFFFFF, argb, a / 255f);
    }

    private static int mix(int under, int over, float a) {
        int r = (int) (((under >> 16) & 0xFF) * (1 - a) + ((over >> 16) & 0xFF) * a);
        int g = (int) (((under >> 8) & 0xFF) * (1 - a) + ((over >> 8) & 0xFF) * a);
        int b = (int) ((under & 0xFF) * (1 - a) + (over & 0xFF) * a);
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }

    /** Hover rings, the rubber band and the lasso: a second canvas, so none of them redraws the points. */
    private void drawOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        g.setLineWidth(2);
        g.setStroke(OUTLINE);
        ring(g, hover);
        int linked = map == null || linkedHoverId < 0 ? -1 : map.indexOf(linkedHoverId);
        if (linked >= 0 && linked != hover && !isHidden(linked)) {
            g.setStroke(Color.rgb(230, 85, 13));
            ring(g, linked);
        }
        if (gesture == Gesture.RECT && moved) {
            double x0 = Math.min(pressX, lastX);
            double y0 = Math.min(pressY, lastY);
            g.setFill(Color.rgb(66, 133, 244, 0.15));
            g.fillRect(x0, y0, Math.abs(lastX - pressX), Math.abs(lastY - pressY));
            g.setStroke(Color.rgb(66, 133, 244));
            g.setLineWidth(1);
            g.strokeRect(x0 + 0.5, y0 + 0.5, Math.abs(lastX - pressX), Math.abs(lastY - pressY));
        } else if (gesture == Gesture.LASSO && lassoN > 1) {
            g.setStroke(Color.rgb(66, 133, 244));
            g.setLineWidth(1.5);
            g.setFill(Color.rgb(66, 133, 244, 0.12));
            g.fillPolygon(lassoX, lassoY, lassoN);
            g.strokePolyline(lassoX, lassoY, lassoN);
        }
    }

    private void ring(GraphicsContext g, int i) {
        if (i < 0) {
            return;
        }
        double x = xy[2 * i] * scale + tx;
        double y = ty - xy[2 * i + 1] * scale;
        double r = 7;
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
    }

    // ------------------------------------------------------------------------------------------------ hit tests

    private boolean isHidden(int i) {
        if (group == null) {
            return false;
        }
        int gi = group[i];
        return gi < hiddenGroup.length && hiddenGroup[gi];
    }

    /** The visible point nearest to a canvas position within a few pixels, or -1. */
    public int pick(double x, double y) {
        if (map == null || Double.isNaN(x)) {
            return -1;
        }
        double radius = PICK_RADIUS;
        double r = radius / scale;
        double wx = (x - tx) / scale;
        double wy = (ty - y) / scale;
        double[] best = {radius * radius, -1};
        map.grid().candidates(wx - r, wy - r, wx + r, wy + r, i -> {
            if (isHidden(i)) {
                return;
            }
            double dx = xy[2 * i] * scale + tx - x;
            double dy = ty - xy[2 * i + 1] * scale - y;
            double d = dx * dx + dy * dy;
            if (d <= best[0] && (best[1] < 0 || d < best[0] || i < best[1])) {
                best[0] = d;
                best[1] = i;
            }
        });
        return (int) best[1];
    }

    /** Updates the hover ring and tooltip for the mouse at (x, y); NaN: the mouse left. */
    public void hoverAt(double x, double y) {
        int i = pick(x, y);
        if (i == hover) {
            if (i >= 0) {
                placeTooltip(x, y);
            }
            return;
        }
        hover = i;
        long id = i < 0 ? -1 : map.points().ids()[i];
        hoveredId.set(id);
        if (i < 0) {
            tooltipText.set("");
            tooltip.setVisible(false);
        } else {
            tooltipText.set(describe(map.points(), i));
            tooltip.setVisible(true);
            placeTooltip(x, y);
        }
        onHover.accept(id);
        drawOverlay();
    }

    /** "Title\nid 42 · item-42\nDrama · popularity 17 · warm". */
    public static String describe(MapPoints p, int i) {
        String title = p.titles()[i] == null || p.titles()[i].isBlank() ? "(no title)" : p.titles()[i];
        String category = p.category()[i] == null || p.category()[i].isBlank() ? "(no category)" : p.category()[i];
        return String.format(Locale.ROOT, "%s%nid %d · %s%n%s · popularity %,d · %s", title, p.ids()[i],
                p.externalIds()[i], category, p.popularity()[i], p.cold()[i] ? "cold" : "warm");
    }

    private void placeTooltip(double x, double y) {
        tooltip.autosize();
        double w = tooltip.getWidth();
        double h = tooltip.getHeight();
        double left = x + 14 + w > getWidth() ? x - 14 - w : x + 14;
        double top = y + 14 + h > getHeight() ? y - 14 - h : y + 14;
        tooltip.relocate(Math.max(0, left), Math.max(0, top));
    }

    /** Selects the visible points inside a canvas rectangle; returns their ids (also given to the select callback). */
    public long[] selectInRect(double x0, double y0, double x1, double y1, SelectMode mode) {
        long[] ids = idsInRect(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
        onSelect.accept(ids, mode);
        return ids;
    }

    private long[] idsInRect(double x0, double y0, double x1, double y1) {
        if (map == null) {
            return new long[0];
        }
        IdCollector out = new IdCollector(map.points().ids());
        map.grid().candidates((x0 - tx) / scale, (ty - y1) / scale, (x1 - tx) / scale, (ty - y0) / scale, i -> {
            if (isHidden(i)) {
                return;
            }
            double x = xy[2 * i] * scale + tx;
            double y = ty - xy[2 * i + 1] * scale;
            if (x >= x0 && x <= x1 && y >= y0 && y <= y1) {
                out.add(i);
            }
        });
        return out.ids();
    }

    /** Selects the visible points inside a polygon of canvas positions (even-odd rule); returns their ids. */
    public long[] selectInPolygon(double[] xs, double[] ys, int count, SelectMode mode) {
        long[] ids = idsInPolygon(xs, ys, count);
        onSelect.accept(ids, mode);
        return ids;
    }

    private long[] idsInPolygon(double[] xs, double[] ys, int count) {
        if (map == null || count < 3) {
            return new long[0];
        }
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            x0 = Math.min(x0, xs[k]);
            x1 = Math.max(x1, xs[k]);
            y0 = Math.min(y0, ys[k]);
            y1 = Math.max(y1, ys[k]);
        }
        IdCollector out = new IdCollector(map.points().ids());
        map.grid().candidates((x0 - tx) / scale, (ty - y1) / scale, (x1 - tx) / scale, (ty - y0) / scale, i -> {
            if (isHidden(i)) {
                return;
            }
            double x = xy[2 * i] * scale + tx;
            double y = ty - xy[2 * i + 1] * scale;
            if (insidePolygon(x, y, xs, ys, count)) {
                out.add(i);
            }
        });
        return out.ids();
    }

    static boolean insidePolygon(double x, double y, double[] xs, double[] ys, int count) {
        boolean inside = false;
        for (int a = 0, b = count - 1; a < count; b = a++) {
            if ((ys[a] > y) != (ys[b] > y) && x < (xs[b] - xs[a]) * (y - ys[a]) / (ys[b] - ys[a]) + xs[a]) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** Collects point indices and hands back their ids, in index order. */
    private static final class IdCollector {
        private final long[] all;
        private int[] indices = new int[64];
        private int size;

        IdCollector(long[] all) {
            this.all = all;
        }

        void add(int i) {
            if (size == indices.length) {
                indices = Arrays.copyOf(indices, size * 2);
            }
            indices[size++] = i;
        }

        long[] ids() {
            Arrays.sort(indices, 0, size);
            long[] out = new long[size];
            for (int k = 0; k < size; k++) {
                out[k] = all[indices[k]];
            }
            return out;
        }
    }

    // ------------------------------------------------------------------------------------------------ gestures

    private void pressed(MouseEvent e) {
        requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        moved = false;
        if (e.getButton() != MouseButton.PRIMARY) {
            gesture = Gesture.NONE;
            return;
        }
        if (e.isShiftDown()) {
            gesture = Gesture.RECT;
        } else if (e.isAltDown() || e.isControlDown() || e.isShortcutDown() || lassoMode.get()) {
            gesture = Gesture.LASSO;
            lassoN = 0;
            addLassoVertex(e.getX(), e.getY());
        } else {
            gesture = Gesture.PAN;
        }
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (gesture == Gesture.NONE) {
            return;
        }
        double x = e.getX();
        double y = e.getY();
        if (!moved && Math.abs(x - pressX) + Math.abs(y - pressY) > 3) {
            moved = true;
        }
        switch (gesture) {
            case PAN -> {
                if (moved) {
                    pan(x - lastX, y - lastY);
                }
            }
            case RECT -> drawOverlay();
            case LASSO -> {
                if (Math.abs(x - lastLassoX()) + Math.abs(y - lastLassoY()) >= 2) {
                    addLassoVertex(x, y);
                }
                drawOverlay();
            }
            default -> { }
        }
        if (gesture != Gesture.PAN || moved) {
            lastX = x;
            lastY = y;
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        Gesture was = gesture;
        gesture = Gesture.NONE;
        if (was == Gesture.NONE) {
            return;
        }
        lastX = e.getX();
        lastY = e.getY();
        if (!moved) {
            click(e);
        } else if (was == Gesture.RECT) {
            selectInRect(pressX, pressY, lastX, lastY, e.isShortcutDown() ? SelectMode.ADD : SelectMode.REPLACE);
        } else if (was == Gesture.LASSO) {
            addLassoVertex(lastX, lastY);
            selectInPolygon(lassoX, lassoY, lassoN, SelectMode.REPLACE);
        }
        lassoN = 0;
        drawOverlay();
        e.consume();
    }

    private void click(MouseEvent e) {
        int i = pick(e.getX(), e.getY());
        boolean toggle = e.isShortcutDown() || e.isControlDown();
        if (i < 0) {
            if (!toggle && !e.isShiftDown()) {
                onSelect.accept(new long[0], SelectMode.REPLACE);
            }
            return;
        }
        long id = map.points().ids()[i];
        if (toggle) {
            onSelect.accept(new long[] {id}, SelectMode.TOGGLE);
        } else if (e.isShiftDown()) {
            onSelect.accept(new long[] {id}, SelectMode.ADD);
        } else {
            onSelect.accept(new long[] {id}, SelectMode.REPLACE);
            onOpen.accept(id);
        }
    }

    private double lastLassoX() {
        return lassoN == 0 ? Double.NaN : lassoX[lassoN - 1];
    }

    private double lastLassoY() {
        return lassoN == 0 ? Double.NaN : lassoY[lassoN - 1];
    }

    private void addLassoVertex(double x, double y) {
        if (lassoN == lassoX.length) {
            lassoX = Arrays.copyOf(lassoX, lassoN * 2);
            lassoY = Arrays.copyOf(lassoY, lassoN * 2);
        }
        lassoX[lassoN] = x;
        lassoY[lassoN] = y;
        lassoN++;
    }

    // ------------------------------------------------------------------------------------------------ colours

    static Color argbColor(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, ((argb >>> 24) & 0xFF) / 255.0);
    }

    static int toArgb(Color c) {
        return ((int) Math.round(c.getOpacity() * 255) << 24) | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }

}
