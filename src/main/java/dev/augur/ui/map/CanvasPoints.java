package dev.augur.ui.map;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * What a {@link MapCanvas} knows of each point of its map: position, colour and legend group, whether its group is
 * hidden, whether it matches the search, whether it is selected. Plain arrays, read by the renderer's passes over
 * the points and by the hit tests. JavaFX thread only.
 */
final class CanvasPoints {
    private static final int[] NO_PALETTE = {0xFF7F7F7F};

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

    /** Takes {@code m}'s points (null: none), uncoloured, no search; the selection given earlier is applied to it. */
    void setMap(LoadedMap m) {
        map = m;
        n = m == null ? 0 : m.size();
        xy = m == null ? new float[0] : m.points().xy();
        selected = new boolean[n];
        popSize = null;
        matches = null;
        applyColouring(null);
        resolveSelection();
    }

    /** The colours of the points; ignored (grey) while it does not match the map's size. */
    void applyColouring(Colouring c) {
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
            argbPalette[k] = Argb.opaque(palette[k]);
        }
    }

    void setHiddenGroups(boolean[] hidden) {
        hiddenGroup = hidden == null ? new boolean[0] : hidden;
    }

    void setMatches(boolean[] m) {
        matches = m != null && m.length == n ? m : null;
    }

    void setSelection(Collection<Long> ids) {
        selectionSource = ids == null ? List.of() : ids;
        resolveSelection();
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

    /** Whether point {@code i}'s legend group is hidden. */
    boolean isHidden(int i) {
        if (group == null) {
            return false;
        }
        int gi = group[i];
        return gi < hiddenGroup.length && hiddenGroup[gi];
    }

    /** Whether any point's legend group is hidden (the passes over the points skip the test otherwise). */
    boolean anyGroupHidden() {
        if (group == null) {
            return false;
        }
        for (boolean b : hiddenGroup) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    /** The index of item {@code id}, or -1 when it is not on the map (or there is none). */
    int indexOf(long id) {
        return map == null ? -1 : map.indexOf(id);
    }

    /** Point sizes of 2–10 px, by the log of popularity; computed once per map. */
    byte[] popularitySizes() {
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

    LoadedMap map() {
        return map;
    }

    int size() {
        return n;
    }

    /** Interleaved world x, y. */
    float[] xy() {
        return xy;
    }

    /** Legend group per point, or null while uncoloured. */
    short[] group() {
        return group;
    }

    /** Palette index per point, or null while uncoloured (all palette entry 0). */
    short[] colour() {
        return colour;
    }

    int[] palette() {
        return palette;
    }

    /** {@link #palette()} made opaque for the frame buffer. */
    int[] argbPalette() {
        return argbPalette;
    }

    boolean[] hiddenGroups() {
        return hiddenGroup;
    }

    /** Per point: matches the search; null while no search. */
    boolean[] matches() {
        return matches;
    }

    boolean[] selected() {
        return selected;
    }

    int selectedCount() {
        return selectedCount;
    }
}
