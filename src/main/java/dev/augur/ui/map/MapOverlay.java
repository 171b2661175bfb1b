package dev.augur.ui.map;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Hover rings, the rubber band and the lasso of a {@link MapCanvas}: a second canvas over the points, so none of
 * them redraws the points.
 */
final class MapOverlay {
    private static final Color OUTLINE = Color.rgb(20, 20, 20);

    private final Canvas canvas = new Canvas();
    private final CanvasPoints points;
    private final MapViewport view;

    MapOverlay(CanvasPoints points, MapViewport view) {
        this.points = points;
        this.view = view;
        canvas.setMouseTransparent(true);
    }

    Canvas node() {
        return canvas;
    }

    void setSize(double w, double h) {
        canvas.setWidth(w);
        canvas.setHeight(h);
    }

    /**
     * Redraws: a dark ring on point {@code hover}, an orange one on the item {@code linkedHoverId} (hovered in the
     * other map; -1: none), then the feedback of the gesture under way.
     */
    void draw(int hover, long linkedHoverId, MapGestures gestures) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setLineWidth(2);
        g.setStroke(OUTLINE);
        ring(g, hover);
        int linked = linkedHoverId < 0 ? -1 : points.indexOf(linkedHoverId);
        if (linked >= 0 && linked != hover && !points.isHidden(linked)) {
            g.setStroke(Color.rgb(230, 85, 13));
            ring(g, linked);
        }
        gestures.drawFeedback(g);
    }

    private void ring(GraphicsContext g, int i) {
        if (i < 0) {
            return;
        }
        float[] xy = points.xy();
        double x = view.screenX(xy[2 * i]);
        double y = view.screenY(xy[2 * i + 1]);
        double r = 7;
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
    }
}
