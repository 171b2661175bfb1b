package dev.augur.ui.map;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;

import java.util.Arrays;

/**
 * The mouse and keyboard of a {@link MapCanvas}, turned into its actions: drag pans, shift-drag selects a rectangle,
 * alt/ctrl-drag (or any drag in lasso mode) a lasso, a click selects (ctrl toggles, shift adds) and opens, scroll
 * zooms around the cursor, F or 0 fits, + and - zoom, Esc clears the selection. Draws the rubber band and the
 * lasso while they are dragged ({@link #drawFeedback}).
 */
final class MapGestures {
    private enum Gesture { NONE, PAN, RECT, LASSO }

    private final MapCanvas canvas;
    private Gesture gesture = Gesture.NONE;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean moved;
    private double[] lassoX = new double[64];
    private double[] lassoY = new double[64];
    private int lassoN;

    /** Listens to {@code canvas}'s mouse and key events. */
    MapGestures(MapCanvas canvas) {
        this.canvas = canvas;
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> canvas.hoverAt(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> canvas.hoverAt(Double.NaN, Double.NaN));
        canvas.setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                canvas.zoomAt(e.getX(), e.getY(), Math.exp(e.getDeltaY() * 0.004));
            }
            e.consume();
        });
        canvas.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F || e.getCode() == KeyCode.DIGIT0) {
                canvas.fit();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                canvas.emitSelect(new long[0], MapCanvas.SelectMode.REPLACE);
            } else if (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.EQUALS || e.getCode() == KeyCode.ADD) {
                canvas.zoomAt(canvas.viewWidth() / 2.0, canvas.viewHeight() / 2.0, 1.25);
            } else if (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT) {
                canvas.zoomAt(canvas.viewWidth() / 2.0, canvas.viewHeight() / 2.0, 0.8);
            } else {
                return;
            }
            e.consume();
        });
    }

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        moved = false;
        if (e.getButton() != MouseButton.PRIMARY) {
            gesture = Gesture.NONE;
            return;
        }
        if (e.isShiftDown()) {
            gesture = Gesture.RECT;
        } else if (e.isAltDown() || e.isControlDown() || e.isShortcutDown() || canvas.lassoModeProperty().get()) {
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
                    canvas.pan(x - lastX, y - lastY);
                }
            }
            case RECT -> canvas.drawOverlay();
            case LASSO -> {
                if (Math.abs(x - lastLassoX()) + Math.abs(y - lastLassoY()) >= 2) {
                    addLassoVertex(x, y);
                }
                canvas.drawOverlay();
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
            canvas.selectInRect(pressX, pressY, lastX, lastY,
                    e.isShortcutDown() ? MapCanvas.SelectMode.ADD : MapCanvas.SelectMode.REPLACE);
        } else if (was == Gesture.LASSO) {
            addLassoVertex(lastX, lastY);
            canvas.selectInPolygon(lassoX, lassoY, lassoN, MapCanvas.SelectMode.REPLACE);
        }
        lassoN = 0;
        canvas.drawOverlay();
        e.consume();
    }

    private void click(MouseEvent e) {
        int i = canvas.pick(e.getX(), e.getY());
        boolean toggle = e.isShortcutDown() || e.isControlDown();
        if (i < 0) {
            if (!toggle && !e.isShiftDown()) {
                canvas.emitSelect(new long[0], MapCanvas.SelectMode.REPLACE);
            }
            return;
        }
        long id = canvas.map().points().ids()[i];
        if (toggle) {
            canvas.emitSelect(new long[] {id}, MapCanvas.SelectMode.TOGGLE);
        } else if (e.isShiftDown()) {
            canvas.emitSelect(new long[] {id}, MapCanvas.SelectMode.ADD);
        } else {
            canvas.emitSelect(new long[] {id}, MapCanvas.SelectMode.REPLACE);
            canvas.emitOpen(id);
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

    /** The rubber band of a shift-drag or the lasso being drawn, if one is. */
    void drawFeedback(GraphicsContext g) {
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
}
