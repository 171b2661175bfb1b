package dev.augur.core.llm;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The header of a GGUF model file, read in Java before llama.cpp sees the file (a file llama.cpp cannot parse may
 * abort the whole JVM, so a wrong pick in a file dialog must fail here instead). Keeps the scalar metadata (strings,
 * numbers, booleans) and the length of each array; skips the tensor data.
 */
public record GgufInfo(int version, long tensorCount, Map<String, Object> metadata) {

    private static final int MAGIC = 0x46554747; // "GGUF" little-endian
    private static final long MAX_STRING = 16L << 20;

    public GgufInfo {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** {@code general.architecture}, e.g. "llama", "qwen2". */
    public Optional<String> architecture() {
        return string("general.architecture");
    }

    /** {@code general.name} when the file has one. */
    public Optional<String> name() {
        return string("general.name");
    }

    /** The Jinja chat template the model was trained with, when the file carries one. */
    public Optional<String> chatTemplate() {
        return string("tokenizer.chat_template").filter(s -> !s.isBlank());
    }

    /** {@code <arch>.context_length}: the longest context the model was trained for. */
    public Optional<Long> contextLength() {
        return architecture().map(a -> metadata.get(a + ".context_length"))
                .filter(Number.class::isInstance).map(n -> ((Number) n).longValue());
    }

    public Optional<String> string(String key) {
        Object v = metadata.get(key);
        return v instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /**
     * Reads the header of {@code file}.
     *
     * @throws LlmException CONFIGURATION, naming the file, when it is missing, unreadable or not GGUF v2/v3
     */
    public static GgufInfo read(Path file) throws LlmException {
        if (!Files.isRegularFile(file)) {
            throw new LlmException(LlmException.Kind.CONFIGURATION, "GGUF model file not found: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new LlmException(LlmException.Kind.CONFIGURATION, "GGUF model file is not readable: " + file);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            Reader r = new Reader(new DataInputStream(in), Files.size(file));
            if (r.i32() != MAGIC) {
                throw new LlmException(LlmException.Kind.CONFIGURATION, "not a GGUF model file: " + file);
            }
            int version = r.i32();
            if (version != 2 && version != 3) {
                throw new LlmException(LlmException.Kind.CONFIGURATION,
                        "unsupported GGUF version " + version + " (need 2 or 3): " + file);
            }
            long tensors = r.count();
            long kvs = r.count();
            Map<String, Object> meta = new LinkedHashMap<>();
            for (long i = 0; i < kvs; i++) {
                String key = r.string();
                int type = r.i32();
                meta.put(key, r.value(type));
            }
            return new GgufInfo(version, tensors, meta);
        } catch (EOFException e) {
            throw new LlmException(LlmException.Kind.CONFIGURATION, "GGUF model file is truncated: " + file, null, e);
        } catch (IOException | IllegalStateException e) {
            throw new LlmException(LlmException.Kind.CONFIGURATION, "cannot read GGUF model file " + file + ": "
                    + e.getMessage(), null, e);
        }
    }

    /** Length of an array value in {@link #metadata()}: stored as this marker, not the elements. */
    public record ArrayInfo(int elementType, long length) {
    }

    private static final class Reader {
        private final DataInputStream in;
        private final long fileSize;

        Reader(DataInputStream in, long fileSize) {
            this.in = in;
            this.fileSize = fileSize;
        }

        int i32() throws IOException {
            return Integer.reverseBytes(in.readInt());
        }

        long i64() throws IOException {
            return Long.reverseBytes(in.readLong());
        }

        long count() throws IOException {
            long n = i64();
            if (n < 0 || n > fileSize) {
                throw new IllegalStateException("implausible count " + n);
            }
            return n;
        }

        String string() throws IOException {
            long n = count();
            if (n > MAX_STRING) {
                throw new IllegalStateException("implausible string length " + n);
            }
            byte[] b = new byte[(int) n];
            in.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        void skipString() throws IOException {
            skip(count());
        }

        void skip(long n) throws IOException {
            while (n > 0) {
                long s = in.skip(n);
                if (s <= 0) {
                    in.readByte(); // throws EOFException at the end
                    s = 1;
                }
                n -= s;
            }
        }

        Object value(int type) throws IOException {
            return switch (type) {
                case 0 -> (long) in.readUnsignedByte();
                case 1 -> (long) in.readByte();
                case 2 -> (long) Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
                case 3 -> (long) Short.reverseBytes(in.readShort());
                case 4 -> Integer.toUnsignedLong(i32());
                case 5 -> (long) i32();
                case 6 -> (double) Float.intBitsToFloat(i32());
                case 7 -> in.readByte() != 0;
                case 8 -> string();
                case 9 -> array();
                case 10, 11 -> i64();
                case 12 -> Double.longBitsToDouble(i64());
                default -> throw new IllegalStateException("unknown GGUF value type " + type);
            };
        }

        ArrayInfo array() throws IOException {
            int type = i32();
            long n = count();
            int width = switch (type) {
                case 0, 1, 7 -> 1;
                case 2, 3 -> 2;
                case 4, 5, 6 -> 4;
                case 10, 11, 12 -> 8;
                default -> 0;
            };
            if (width > 0) {
                skip(n * width);
            } else if (type == 8) {
                for (long i = 0; i < n; i++) {
                    skipString();
                }
            } else {
                throw new IllegalStateException("unsupported GGUF array element type " + type);
            }
            return new ArrayInfo(type, n);
        }
    }
}
