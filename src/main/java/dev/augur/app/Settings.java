package dev.augur.app;

import java.util.ArrayList;
import java.util.List;

/**
 * What the app remembers between runs: window bounds, the theme, the last and recent workspaces, the default
 * sentence encoder and device. Fields added later keep their defaults when an older file lacks them.
 * A plain mutable bean because Jackson reads and writes it; only {@link SettingsStore} persists it.
 */
public final class Settings {
    public static final int MAX_RECENT = 8;
    public static final String DEFAULT_ENCODER = "minilm-q";
    public static final String DEFAULT_DEVICE = "auto";
    /** {@link #llmProvider}: an OpenAI-compatible server by URL and model. */
    public static final String LLM_HTTP = "http";
    /** {@link #llmProvider}: a GGUF model file run by llama.cpp in process. */
    public static final String LLM_GGUF = "gguf";
    public static final String DEFAULT_LLM_BASE_URL = "http://localhost:11434/v1";

    public double windowX = Double.NaN;
    public double windowY = Double.NaN;
    public double windowWidth = 1200;
    public double windowHeight = 780;
    public boolean maximized;
    public boolean dark;
    public String lastWorkspace;
    public List<String> recentWorkspaces = new ArrayList<>();
    /** Encoder model id ({@code ModelRegistry}) that new encode jobs start with. */
    public String defaultEncoder = DEFAULT_ENCODER;
    /** Device for encoding: auto, cpu or gpu ({@code DeviceChoice#id}). */
    public String encodeDevice = DEFAULT_DEVICE;
    /** Which LLM generates profiles: {@link #LLM_HTTP} or {@link #LLM_GGUF}. Never an API key: keys are not stored. */
    public String llmProvider = LLM_HTTP;
    /** Base URL of the OpenAI-compatible server. */
    public String llmBaseUrl = DEFAULT_LLM_BASE_URL;
    /** Model name on that server; blank: not configured. */
    public String llmModel = "";
    /** Path of the GGUF model file; blank: not configured. */
    public String llmGguf = "";

    /** Puts {@code workspace} first in the recent list (no duplicates, at most {@link #MAX_RECENT}). */
    public void rememberWorkspace(String workspace) {
        lastWorkspace = workspace;
        recentWorkspaces.remove(workspace);
        recentWorkspaces.add(0, workspace);
        while (recentWorkspaces.size() > MAX_RECENT) {
            recentWorkspaces.remove(recentWorkspaces.size() - 1);
        }
    }

    /** Fills what a hand-edited or older file left null with the defaults; returns this. */
    public Settings normalise() {
        if (defaultEncoder == null || defaultEncoder.isBlank()) {
            defaultEncoder = DEFAULT_ENCODER;
        }
        if (encodeDevice == null || encodeDevice.isBlank()) {
            encodeDevice = DEFAULT_DEVICE;
        }
        if (!LLM_GGUF.equals(llmProvider)) {
            llmProvider = LLM_HTTP;
        }
        if (llmBaseUrl == null || llmBaseUrl.isBlank()) {
            llmBaseUrl = DEFAULT_LLM_BASE_URL;
        }
        if (llmModel == null) {
            llmModel = "";
        }
        if (llmGguf == null) {
            llmGguf = "";
        }
        if (recentWorkspaces == null) {
            recentWorkspaces = new ArrayList<>();
        }
        return this;
    }
}
