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
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

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
 * <p>Screen positions of all points are recomputed only when the view changes (pan, zoom, resize, new data); a
 * redraw culls to the viewport, sorts the visible points by colour with a counting sort over reused primitive
 * arrays and draws each colour in one batch of {@code fillRect}s. When more than {@link #densityThreshold()}
 * points are on screen it draws a density image instead (per-pixel counts tinted by the mean colour of the pixel's
 * points) through one {@link WritableImage}. Hit tests (hover, click, rectangle, lasso) go through the map's
 * {@link SpatialGrid}, so a hover costs the points of a few cells, not a scan. Nothing is allocated per point.
 */
public final class MapCanvas extends Region {
    /** Above this many points on screen the map draws a density image instead of points. */
    public static final int DEFAULT_DENSITY_THRESHOLD = 200_000;
    private static final double PICK_RADIUS = 6;
    private static final double PAD = 12;
    private static final Color DIM = Color.rgb(214, 214, 214);
    private static final Color OUTLINE = Color.rgb(20, 20, 20);
    private static final int DIM_ARGB = 0xFFD6D6D6;
    private static final int SELECTED_ARGB = 0xFF141414;
    private static final int[] NO_PALETTE = {0xFF7F7F7F};
    private static final int MAX_SUMMED = 8_000;

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
    private Color[] fills = {Color.rgb(127, 127, 127)};
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
    private boolean transformDirty = true;
    private boolean redrawScheduled;
    private float[] sx = new float[0];
    private float[] sy = new float[0];

    // reused draw buffers
    private int[] visible = new int[0];
    private int[] visibleBucket = new int[0];
    private int[] bucketCount = new int[0];
    private int[] bucketStart = new int[0];
    private int[] ordered = new int[0];
    private int[] pixCount = new int[0];
    private long[] pixRgb = new long[0];
    private byte[] pixFlags = new byte[0];
    private int[] argb = new int[0];
    private float[] alphaLut = new float[0];
    private WritableImage densityImage;

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
        sx = new float[n];
        sy = new float[n];
        selected = new boolean[n];
        visible = new int[n];
        visibleBucket = new int[n];
        ordered = new int[n];
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
        transformDirty = true;
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
        fills = new Color[palette.length];
        for (int k = 0; k < palette.length; k++) {
            fills[k] = argbColor(palette[k]);
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

    /** How long the last redraw took on the JavaFX thread (recording the canvas commands, not rasterising). */
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
        transformDirty = true;
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
            transformDirty = true;
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
            if (transformDirty) {
                transform();
            }
            count = countVisible(w, h);
            density = count > densityThreshold;
            if (density) {
                drawDensity(g, w, h);
            } else {
                drawPoints(g, cull(w, h));
            }
        }
        visibleCount.set(count);
        densityMode.set(density);
        drawOverlay();
        lastRedrawMillis.set((System.nanoTime() - t0) / 1e6);
    }

    /**
     * Screen positions of all points, in float arithmetic (several times faster than double here) relative to the
     * world point at the middle of the view, so that deep zooms lose no precision.
     */
    private void transform() {
        double rx = (width() / 2.0 - tx) / scale;
        double ry = (ty - height() / 2.0) / scale;
        final float fx = (float) rx;
        final float fy = (float) ry;
        final float s = (float) scale;
        final float ox = (float) (fx * scale + tx);
        final float oy = (float) (ty - fy * scale);
        final float[] p = xy;
        final float[] outX = sx;
        final float[] outY = sy;
        for (int i = 0, k = 0; i < n; i++, k += 2) {
            outX[i] = (p[k] - fx) * s + ox;
            outY[i] = oy - (p[k + 1] - fy) * s;
        }
        transformDirty = false;
    }

    /** How many points are on screen and not hidden by the legend. */
    private int countVisible(int w, int h) {
        final float minX = (float) -PAD;
        final float minY = (float) -PAD;
        final float maxX = (float) (w + PAD);
        final float maxY = (float) (h + PAD);
        final float[] px = sx;
        final float[] py = sy;
        final short[] grp = group;
        final boolean[] hid = hiddenGroup;
        final boolean anyHidden = grp != null && anyTrue(hid);
        int v = 0;
        for (int i = 0; i < n; i++) {
            float x = px[i];
            float y = py[i];
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
     * Collects the points on screen and not hidden into {@link #ordered}, sorted by bucket: 0 = dimmed by the
     * search, 1 + c = colour c, 1 + C + c = selected with colour c. Returns how many.
     */
    private int cull(int w, int h) {
        final int colours = palette.length;
        final int buckets = 2 * colours + 1;
        if (bucketCount.length < buckets) {
            bucketCount = new int[buckets];
            bucketStart = new int[buckets + 1];
        }
        Arrays.fill(bucketCount, 0, buckets, 0);
        final float minX = (float) -PAD;
        final float minY = (float) -PAD;
        final float maxX = (float) (w + PAD);
        final float maxY = (float) (h + PAD);
        final float[] px = sx;
        final float[] py = sy;
        final short[] grp = group;
        final short[] col = colour;
        final boolean[] hid = hiddenGroup;
        final boolean[] sel = selected;
        final boolean[] match = matches;
        final int[] vis = visible;
        final int[] visB = visibleBucket;
        final int[] counts = bucketCount;
        int v = 0;
        for (int i = 0; i < n; i++) {
            float x = px[i];
            float y = py[i];
            if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) {
                continue;
            }
            if (grp != null) {
                int gi = grp[i];
                if (gi < hid.length && hid[gi]) {
                    continue;
                }
            }
            int c = col == null ? 0 : col[i];
            int b = sel[i] ? 1 + colours + c : match != null && !match[i] ? 0 : 1 + c;
            vis[v] = i;
            visB[v] = b;
            counts[b]++;
            v++;
        }
        int acc = 0;
        for (int b = 0; b < buckets; b++) {
            bucketStart[b] = acc;
            acc += counts[b];
        }
        bucketStart[buckets] = acc;
        int[] next = counts; // reuse as the write cursor
        for (int b = 0; b < buckets; b++) {
            next[b] = bucketStart[b];
        }
        final int[] out = ordered;
        for (int k = 0; k < v; k++) {
            out[next[visB[k]]++] = vis[k];
        }
        return v;
    }

    private void drawPoints(GraphicsContext g, int count) {
        final int colours = palette.length;
        final double base = count <= 5_000 ? 5 : count <= 50_000 ? 3 : 2;
        final byte[] sizes = sizeByPopularity ? popularitySizes() : null;
        final float[] px = sx;
        final float[] py = sy;
        final int[] out = ordered;
        // dimmed, then each colour, then selected points with a dark outline under their own colour
        for (int b = 0; b <= colours; b++) {
            int from = bucketStart[b];
            int to = bucketStart[b + 1];
            if (from == to) {
                continue;
            }
            g.setFill(b == 0 ? DIM : fills[b - 1]);
            for (int k = from; k < to; k++) {
                int i = out[k];
                double s = sizes == null ? base : sizes[i];
                g.fillRect(px[i] - s / 2, py[i] - s / 2, s, s);
            }
        }
        int selFrom = bucketStart[colours + 1];
        int selTo = bucketStart[2 * colours + 1];
        if (selFrom < selTo) {
            g.setFill(OUTLINE);
            for (int k = selFrom; k < selTo; k++) {
                int i = out[k];
                double s = (sizes == null ? base : sizes[i]) + 4;
                g.fillRect(px[i] - s / 2, py[i] - s / 2, s, s);
            }
            for (int b = colours + 1; b <= 2 * colours; b++) {
                int from = bucketStart[b];
                int to = bucketStart[b + 1];
                if (from == to) {
                    continue;
                }
                g.setFill(fills[b - 1 - colours]);
                for (int k = from; k < to; k++) {
                    int i = out[k];
                    double s = sizes == null ? base : sizes[i];
                    g.fillRect(px[i] - s / 2, py[i] - s / 2, s, s);
                }
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
     * One pass over the points: per pixel, how many points fall on it and the sum of their colours (packed, 21 bits a
     * channel, in one long), plus flags for selected and dimmed points. A pixel shows the mean colour of its points
     * over the background, more opaque the more points it holds (log scale); a selected point marks its pixel dark,
     * and a pixel holding only dimmed points is pale grey.
     */
    private void drawDensity(GraphicsContext g, int w, int h) {
        int size = w * h;
        if (pixCount.length != size) {
            pixCount = new int[size];
            pixRgb = new long[size];
            pixFlags = new byte[size];
            argb = new int[size];
        } else {
            Arrays.fill(pixCount, 0);
            Arrays.fill(pixRgb, 0L);
            Arrays.fill(pixFlags, (byte) 0);
        }
        if (densityImage == null || densityImage.getWidth() != w || densityImage.getHeight() != h) {
            densityImage = new WritableImage(w, h);
        }
        final int colours = palette.length;
        final long[] packed = new long[colours];
        for (int c = 0; c < colours; c++) {
            int v = palette[c];
            packed[c] = (long) ((v >> 16) & 0xFF) | ((long) ((v >> 8) & 0xFF) << 21) | ((long) (v & 0xFF) << 42);
        }
        final float[] px = sx;
        final float[] py = sy;
        final short[] grp = group;
        final short[] col = colour;
        final boolean[] hid = hiddenGroup;
        final boolean anyHidden = grp != null && anyTrue(hid);
        final boolean[] sel = selected;
        final boolean anySelected = selectedCount > 0;
        final boolean[] match = matches;
        final int[] cnt = pixCount;
        final long[] rgb = pixRgb;
        final byte[] flags = pixFlags;
        final float fw = w;
        final float fh = h;
        int max = 0;
        for (int i = 0; i < n; i++) {
            float x = px[i];
            float y = py[i];
            if (!(x >= 0 && x < fw && y >= 0 && y < fh)) {
                continue;
            }
            if (anyHidden) {
                int gi = grp[i];
                if (gi < hid.length && hid[gi]) {
                    continue;
                }
            }
            int p = (int) y * w + (int) x;
            if (anySelected && sel[i]) {
                flags[p] |= 2;
            } else if (match != null && !match[i]) {
                flags[p] |= 1;
            } else {
                int m = ++cnt[p];
                if (m <= MAX_SUMMED) { // 21 bits a channel hold 8,224 colours; the mean of the first ones will do
                    rgb[p] += packed[col == null ? 0 : col[i]];
                }
                if (m > max) {
                    max = m;
                }
            }
        }
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
        final int[] dst = argb;
        final float[] lut = alphaLut;
        final int last = lutSize - 1;
        for (int p = 0; p < size; p++) {
            int m = cnt[p];
            int f = flags[p];
            if ((f & 2) != 0) {
                dst[p] = SELECTED_ARGB;
            } else if (m > 0) {
                long sum = rgb[p];
                float inv = 1f / Math.min(m, MAX_SUMMED);
                float a = lut[Math.min(m, last)];
                float ia = 1 - a;
                int r = (int) (bgR * ia + (sum & 0x1FFFFF) * inv * a);
                int gr = (int) (bgG * ia + ((sum >>> 21) & 0x1FFFFF) * inv * a);
                int bl = (int) (bgB * ia + ((sum >>> 42) & 0x1FFFFF) * inv * a);
                dst[p] = 0xFF000000 | (r << 16) | (gr << 8) | bl;
            } else {
                dst[p] = f != 0 ? dim : bg;
            }
        }
        densityImage.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), dst, 0, w);
        g.drawImage(densityImage, 0, 0);
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
