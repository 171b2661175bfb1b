package dev.augur.ui.map;

import javafx.scene.paint.Color;

/** ARGB ints (what the map's palettes and its frame buffer hold) to and from JavaFX colours, and their blending. */
final class Argb {
    private Argb() {
    }

    static Color color(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, ((argb >>> 24) & 0xFF) / 255.0);
    }

    static int of(Color c) {
        return ((int) Math.round(c.getOpacity() * 255) << 24) | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }

    /** {@code argb} over white if translucent, as the frame holds opaque pixels only. */
    static int opaque(int argb) {
        int a = argb >>> 24;
        return a == 0xFF ? argb : mix(0xFFFFFFFF, argb, a / 255f);
    }

    static int mix(int under, int over, float a) {
        int r = (int) (((under >> 16) & 0xFF) * (1 - a) + ((over >> 16) & 0xFF) * a);
        int g = (int) (((under >> 8) & 0xFF) * (1 - a) + ((over >> 8) & 0xFF) * a);
        int b = (int) ((under & 0xFF) * (1 - a) + (over & 0xFF) * a);
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }
}
