package dev.augur.ui.map;

/**
 * The camera of a {@link MapCanvas}: screen x = x * scale + tx, screen y = ty - y * scale (world y points up).
 * Fits a map into the view, zooms around a point, pans, and follows a resize. Knows nothing of the canvas node: the
 * caller passes the canvas size (whole pixels) and redraws.
 */
final class MapViewport {
    /** Margin around the fitted points; also how far off screen a point may be and still be drawn (its square). */
    static final double PAD = 12;

    private double scale = 1;
    private double tx;
    private double ty;
    private boolean fitted;
    private boolean autoFit = true;

    /**
     * The view in float arithmetic, relative to the world point (fx, fy) at the middle of the canvas so that deep
     * zooms lose no precision: screen x = (x - fx) * fs + ox, screen y = oy - (y - fy) * fs.
     */
    record FloatView(float fx, float fy, float fs, float ox, float oy) {
    }

    /** Fits all points of {@code map} into a {@code w} × {@code h} view with a small margin; false: nothing to fit. */
    boolean fit(LoadedMap map, int w, int h) {
        if (map == null || w <= 0 || h <= 0) {
            return false;
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
        return true;
    }

    private static double fitScale(LoadedMap map, int w, int h) {
        if (map == null) {
            return 1;
        }
        double bw = Math.max(map.maxX() - map.minX(), 1e-6);
        double bh = Math.max(map.maxY() - map.minY(), 1e-6);
        return Math.max(1e-9, Math.min(Math.max(1, w - 2 * PAD) / bw, Math.max(1, h - 2 * PAD) / bh));
    }

    /** Zooms by {@code factor} keeping the world point under (x, y) where it is; from 1/20 to 10⁵ of the fit. */
    void zoomAt(LoadedMap map, int w, int h, double x, double y, double factor) {
        double fs = fitScale(map, w, h);
        double next = Math.max(fs / 20, Math.min(fs * 1e5, scale * factor));
        double wx = (x - tx) / scale;
        double wy = (ty - y) / scale;
        scale = next;
        tx = x - wx * scale;
        ty = y + wy * scale;
        autoFit = false;
    }

    /** Moves the view by (dx, dy) pixels. */
    void pan(double dx, double dy) {
        tx += dx;
        ty += dy;
        autoFit = false;
    }

    /** Puts world point (x, y) in the middle of a {@code w} × {@code h} view (zoom unchanged). */
    void centreOn(float x, float y, int w, int h) {
        tx = w / 2.0 - x * scale;
        ty = h / 2.0 + y * scale;
        autoFit = false;
    }

    /** Forgets the fit, so that the next resize fits again (a new map). */
    void unfit() {
        fitted = false;
    }

    /**
     * Follows a resize of the canvas from {@code oldW} × {@code oldH}: until the analyst pans or zooms, the map
     * follows the size of its pane; afterwards the middle stays in the middle. True: it fitted the map again.
     */
    boolean resized(LoadedMap map, double oldW, double oldH, double w, double h) {
        if (!fitted || autoFit) {
            return fit(map, (int) w, (int) h);
        }
        tx += (w - oldW) / 2;
        ty += (h - oldH) / 2;
        return false;
    }

    /** The view in float arithmetic for a {@code w} × {@code h} canvas (see {@link FloatView}). */
    FloatView floatView(int w, int h) {
        double rx = (w / 2.0 - tx) / scale;
        double ry = (ty - h / 2.0) / scale;
        float fx = (float) rx;
        float fy = (float) ry;
        return new FloatView(fx, fy, (float) scale, (float) (fx * scale + tx), (float) (ty - fy * scale));
    }

    double scale() {
        return scale;
    }

    double screenX(double x) {
        return x * scale + tx;
    }

    double screenY(double y) {
        return ty - y * scale;
    }

    double worldX(double x) {
        return (x - tx) / scale;
    }

    double worldY(double y) {
        return (ty - y) / scale;
    }
}
