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
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import java.util.Collection;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

/**
 * The embedding map: up to a million points drawn on one {@link Canvas} (never a node per point), with pan (drag),
 * zoom around the cursor (scroll), fit-to-view (F), hover tooltip, click, rectangle (shift-drag) and lasso
 * (alt/ctrl-drag, or {@link #lassoModeProperty()}) selection. JavaFX thread only.
 *
 * <p>The node and its state; the work is done by its parts: {@link CanvasPoints} (what each point looks like),
 * {@link MapViewport} (pan, zoom, world ↔ screen), {@link MapRenderer} (rasterises the points, or a
 * {@link DensityImage} above {@link #densityThreshold()} points on screen, into one image), {@link MapOverlay} (hover
 * rings, rubber band, lasso), {@link MapHitTest} (what is under the cursor or inside a selection, through the map's
 * {@link SpatialGrid}), {@link MapGestures} (mouse and keys) and {@link MapTooltip}.
 */
public final class MapCanvas extends Region {
    /** Above this many points on screen the map draws a density image instead of points. */
    public static final int DEFAULT_DENSITY_THRESHOLD = 200_000;

    /** How a gesture changes the selection. */
    public enum SelectMode { REPLACE, ADD, TOGGLE }

    private final Canvas base = new Canvas();
    private final MapTooltip tooltip = new MapTooltip();
    private final BooleanProperty lassoMode = new SimpleBooleanProperty(false);
    private final ReadOnlyDoubleWrapper lastRedrawMillis = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyIntegerWrapper visibleCount = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper densityMode = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyLongWrapper hoveredId = new ReadOnlyLongWrapper(-1);
    private final CanvasPoints points = new CanvasPoints();
    private final MapViewport view = new MapViewport();
    private final MapRenderer renderer = new MapRenderer(points);
    private final MapOverlay overlay = new MapOverlay(points, view);
    private final MapHitTest hits = new MapHitTest(points, view);
    private final MapGestures gestures;
    private long linkedHoverId = -1;
    private int hover = -1;
    private boolean redrawScheduled;

    private BiConsumer<long[], SelectMode> onSelect = (ids, mode) -> { };
    private LongConsumer onOpen = id -> { };
    private LongConsumer onHover = id -> { };

    public MapCanvas() {
        getStyleClass().add("map-canvas");
        setId("map-canvas");
        getChildren().addAll(base, overlay.node(), tooltip.node());
        base.getGraphicsContext2D().setImageSmoothing(false); // the frame is 1:1; on a HiDPI screen keep it crisp
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);
        setMinSize(60, 60);
        lassoMode.addListener((o, was, is) -> setCursor(is ? javafx.scene.Cursor.CROSSHAIR : javafx.scene.Cursor.DEFAULT));
        gestures = new MapGestures(this);
    }

    // ------------------------------------------------------------------------------------------------ inputs

    /** Shows {@code m} (null: nothing), fitted to the view; the selection given earlier is applied to it. */
    public void setMap(LoadedMap m) {
        points.setMap(m);
        renderer.reset(points.size());
        hover = -1;
        hoveredId.set(-1);
        tooltip.hide();
        view.unfit();
        fit();
        requestRedraw();
    }

    public LoadedMap map() {
        return points.map();
    }

    /** The colours of the points; ignored (grey) while it does not match the map's size. */
    public void setColouring(Colouring c) {
        points.applyColouring(c);
        requestRedraw();
    }

    /** Legend groups whose points are neither drawn nor selectable (index: group). */
    public void setHiddenGroups(boolean[] hidden) {
        points.setHiddenGroups(hidden);
        if (hover >= 0 && points.isHidden(hover)) {
            hoverAt(Double.NaN, Double.NaN);
        }
        requestRedraw();
    }

    /** Search matches (one flag per point) drawn in colour while the rest is dimmed; null: no search. */
    public void setMatches(boolean[] m) {
        points.setMatches(m);
        requestRedraw();
    }

    /** The selected item ids; kept and re-applied when the map changes. */
    public void setSelection(Collection<Long> ids) {
        points.setSelection(ids);
        requestRedraw();
    }

    /** Rings the point of item {@code id} (hovered in the other map); -1: none. */
    public void setLinkedHover(long id) {
        if (id != linkedHoverId) {
            linkedHoverId = id;
            drawOverlay();
        }
    }

    public void setSizeByPopularity(boolean on) {
        if (renderer.setSizeByPopularity(on)) {
            requestRedraw();
        }
    }

    public void setBackgroundColour(Color c) {
        renderer.setBackground(c);
        requestRedraw();
    }

    public int densityThreshold() {
        return renderer.densityThreshold();
    }

    public void setDensityThreshold(int points) {
        renderer.setDensityThreshold(points);
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

    void emitSelect(long[] ids, SelectMode mode) {
        onSelect.accept(ids, mode);
    }

    void emitOpen(long id) {
        onOpen.accept(id);
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
        return tooltip.textProperty();
    }

    public int selectedCount() {
        return points.selectedCount();
    }

    public double scale() {
        return view.scale();
    }

    /** Where item {@code id} is on the canvas (local coordinates), or null when not on this map. */
    public Point2D toScreen(long id) {
        int i = points.indexOf(id);
        float[] xy = points.xy();
        return i < 0 ? null : new Point2D(view.screenX(xy[2 * i]), view.screenY(xy[2 * i + 1]));
    }

    /** The world coordinates under a canvas position. */
    public Point2D toWorld(double x, double y) {
        return new Point2D(view.worldX(x), view.worldY(y));
    }

    // ------------------------------------------------------------------------------------------------ view

    /** The canvas width in whole pixels (the frame's). */
    int viewWidth() {
        return (int) base.getWidth();
    }

    int viewHeight() {
        return (int) base.getHeight();
    }

    /** Fits all points into the view with a small margin. */
    public void fit() {
        if (view.fit(points.map(), viewWidth(), viewHeight())) {
            viewChanged();
        }
    }

    /** Zooms by {@code factor} keeping the world point under (x, y) where it is. */
    public void zoomAt(double x, double y, double factor) {
        view.zoomAt(points.map(), viewWidth(), viewHeight(), x, y, factor);
        viewChanged();
    }

    /** Moves the view by (dx, dy) pixels. */
    public void pan(double dx, double dy) {
        view.pan(dx, dy);
        viewChanged();
    }

    /** Puts item {@code id} in the middle of the view (zoom unchanged). */
    public void centreOn(long id) {
        int i = points.indexOf(id);
        if (i >= 0) {
            float[] xy = points.xy();
            view.centreOn(xy[2 * i], xy[2 * i + 1], viewWidth(), viewHeight());
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
            overlay.setSize(w, h);
            if (view.resized(points.map(), oldW, oldH, w, h)) {
                viewChanged();
            }
            requestRedraw();
        }
        tooltip.autosizeIfShown();
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
        MapRenderer.Drawn drawn = renderer.draw(base.getGraphicsContext2D(), view, viewWidth(), viewHeight(),
                densityMode.get());
        visibleCount.set(drawn.count());
        densityMode.set(drawn.density());
        drawOverlay();
        lastRedrawMillis.set((System.nanoTime() - t0) / 1e6);
    }

    void drawOverlay() {
        overlay.draw(hover, linkedHoverId, gestures);
    }

    // ------------------------------------------------------------------------------------------------ hit tests

    /** The visible point nearest to a canvas position within a few pixels, or -1. */
    public int pick(double x, double y) {
        return hits.pick(x, y);
    }

    /** Updates the hover ring and tooltip for the mouse at (x, y); NaN: the mouse left. */
    public void hoverAt(double x, double y) {
        int i = pick(x, y);
        if (i == hover) {
            if (i >= 0) {
                tooltip.moveTo(x, y, getWidth(), getHeight());
            }
            return;
        }
        hover = i;
        LoadedMap map = points.map();
        long id = i < 0 ? -1 : map.points().ids()[i];
        hoveredId.set(id);
        if (i < 0) {
            tooltip.hide();
        } else {
            tooltip.show(MapTooltip.describe(map.points(), i), x, y, getWidth(), getHeight());
        }
        onHover.accept(id);
        drawOverlay();
    }

    /** Selects the visible points inside a canvas rectangle; returns their ids (also given to the select callback). */
    public long[] selectInRect(double x0, double y0, double x1, double y1, SelectMode mode) {
        long[] ids = hits.idsInRect(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
        onSelect.accept(ids, mode);
        return ids;
    }

    /** Selects the visible points inside a polygon of canvas positions (even-odd rule); returns their ids. */
    public long[] selectInPolygon(double[] xs, double[] ys, int count, SelectMode mode) {
        long[] ids = hits.idsInPolygon(xs, ys, count);
        onSelect.accept(ids, mode);
        return ids;
    }
}
