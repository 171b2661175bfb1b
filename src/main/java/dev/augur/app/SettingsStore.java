package dev.augur.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes {@code settings.json}; a broken or missing file gives defaults, never a failed start. */
public final class SettingsStore {
    private static final System.Logger LOG = System.getLogger(SettingsStore.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public static SettingsStore standard() {
        return new SettingsStore(AppPaths.dataDir().resolve("settings.json"));
    }

    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return new Settings();
        }
        try {
            return JSON.readValue(file.toFile(), Settings.class).normalise();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "settings " + file + " unreadable, using defaults: " + e.getMessage());
            return new Settings();
        }
    }

    /** Writes through a temporary file so a crash mid-write never leaves half a settings file. */
    public void save(Settings settings) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), settings);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not save settings to " + file + ": " + e.getMessage());
        }
    }
}
