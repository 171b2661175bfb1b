package dev.augur.app;

import java.util.ArrayList;
import java.util.List;

/**
 * What the app remembers between runs: window bounds, the theme, the last and recent workspaces.
 * A plain mutable bean because Jackson reads and writes it; only {@link SettingsStore} persists it.
 */
public final class Settings {
    public static final int MAX_RECENT = 8;

    public double windowX = Double.NaN;
    public double windowY = Double.NaN;
    public double windowWidth = 1200;
    public double windowHeight = 780;
    public boolean maximized;
    public boolean dark;
    public String lastWorkspace;
    public List<String> recentWorkspaces = new ArrayList<>();

    /** Puts {@code workspace} first in the recent list (no duplicates, at most {@link #MAX_RECENT}). */
    public void rememberWorkspace(String workspace) {
        lastWorkspace = workspace;
        recentWorkspaces.remove(workspace);
        recentWorkspaces.add(0, workspace);
        while (recentWorkspaces.size() > MAX_RECENT) {
            recentWorkspaces.remove(recentWorkspaces.size() - 1);
        }
    }
}
