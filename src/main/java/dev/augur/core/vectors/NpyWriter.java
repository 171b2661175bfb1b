package dev.augur.core.vectors;

import dev.augur.core.store.VectorMatrix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a 2-D float32 array as a numpy {@code .npy} file (format 1.0), byte for byte as {@code numpy.save} does:
 * the magic {@code \x93NUMPY}, version 1.0, the header length (uint16, little-endian) and the header
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (n, d), }}, padded with spaces and a final newline so
 * the data starts at a multiple of 64 bytes; then the values, row-major, little-endian. The values stream through
 * a 64 KiB buffer: write them row by row or in runs, {@link #close()} checks that the shape was filled.
 */
public final class NpyWriter implements AutoCloseable {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final int GROWTH_AXIS_MAX_DIGITS = 21; // numpy leaves room to grow the first axis in place
    private static final Pattern HEADER = Pattern.compile(
            "\\{\\s*'descr':\\s*'([^']*)',\\s*'fortran_order':\\s*(True|False),\\s*'shape':\\s*\\(([^)]*)\\),?\\s*}\\s*");

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private final int cols;
    private final long total;
    private long written;
    private boolean closed;

    private NpyWriter(Path file, FileChannel channel, long rows, int cols) {
        this.file = file;
        this.channel = channel;
        this.cols = cols;
        this.total = rows * cols;
    }

    /** Creates (or truncates) {@code file} and writes the header of a {@code rows × cols} array. */
    public static NpyWriter open(Path file, long rows, int cols) throws IOException {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape (" + rows + ", " + cols + ")");
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        NpyWriter w = new NpyWriter(file, ch, rows, cols);
        w.buf.put(header(rows, cols));
        return w;
    }

    /** Writes a whole matrix to {@code file}. */
    public static void write(Path file, VectorMatrix m) throws IOException {
        write(file, m.size(), m.dims(), m.data());
    }

    /** Writes {@code data}, a row-major {@code rows × cols} array, to {@code file}. */
    public static void write(Path file, int rows, int cols, float[] data) throws IOException {
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("a " + rows + " × " + cols + " array needs " + (long) rows * cols
                    + " values, not " + data.length);
        }
        try (NpyWriter w = open(file, rows, cols)) {
            w.write(data, 0, data.length);
        }
    }

    /** Writes one row. */
    public void writeRow(float[] row) throws IOException {
        if (row.length != cols) {
            throw new IllegalArgumentException("a row of " + file.getFileName() + " has " + cols + " values, not " + row.length);
        }
        write(row, 0, row.length);
    }

    /** Writes the next {@code length} values (row-major order; runs need not align with rows). */
    public void write(float[] data, int offset, int length) throws IOException {
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
        if (written + length > total) {
            throw new IllegalArgumentException("more values than the shape of " + file.getFileName() + " holds ("
                    + total + ")");
        }
        while (length > 0) {
            if (buf.remaining() < Float.BYTES) {
                flush();
            }
            int fit = Math.min(length, buf.remaining() / Float.BYTES);
            buf.asFloatBuffer().put(data, offset, fit);
            buf.position(buf.position() + fit * Float.BYTES);
            offset += fit;
            length -= fit;
            written += fit;
        }
    }

    private void flush() throws IOException {
        buf.flip();
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        buf.clear();
    }

    /**
     * Flushes and closes the file.
     * @throws IOException also when fewer values were written than the shape holds (the file is then incomplete)
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (FileChannel ch = channel) {
            flush();
        }
        if (written != total) {
            throw new IOException(file + " is incomplete: " + written + " of " + total + " values written");
        }
    }

    /** The magic, version, length and padded header of a {@code rows × cols} float32 array, as numpy writes it. */
    static byte[] header(long rows, int cols) {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        dict += " ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - Long.toString(rows).length()));
        int hlen = dict.length() + 1; // + the final newline
        int pad = ALIGN - ((MAGIC.length + 2 + 2 + hlen) % ALIGN); // numpy pads a full 64 when already aligned
        int headerLen = hlen + pad;
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + headerLen).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) headerLen);
        b.put(dict.getBytes(StandardCharsets.US_ASCII));
        b.put(" ".repeat(pad).getBytes(StandardCharsets.US_ASCII)).put((byte) '\n');
        return b.array();
    }

    /**
     * Reads a 2-D little-endian float32 {@code .npy} file (format 1.0, 2.0 or 3.0, C order) into one row-major array.
     * @param shapeOut receives the shape: {@code shapeOut[0]} rows, {@code shapeOut[1]} columns
     * @throws IOException when the file is not such an array
     */
    public static float[] read(Path file, int[] shapeOut) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer pre = ByteBuffer.allocate(MAGIC.length + 2).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, pre, file);
            for (int i = 0; i < MAGIC.length; i++) {
                if (pre.get(i) != MAGIC[i]) {
                    throw new IOException(file + " is not a .npy file");
                }
            }
            int major = pre.get(MAGIC.length);
            ByteBuffer len = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, len, file);
            long headerLen = major == 1 ? Short.toUnsignedInt(len.getShort(0)) : Integer.toUnsignedLong(len.getInt(0));
            if (headerLen > 1 << 20) {
                throw new IOException(file + ": implausible header length " + headerLen);
            }
            ByteBuffer head = ByteBuffer.allocate((int) headerLen);
            readFully(ch, head, file);
            String text = new String(head.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            Matcher m = HEADER.matcher(text);
            if (!m.matches()) {
                throw new IOException(file + ": unreadable .npy header " + text.strip());
            }
            if (!m.group(1).equals("<f4") || !m.group(2).equals("False")) {
                throw new IOException(file + " holds " + m.group(1) + (m.group(2).equals("True") ? " in Fortran order" : "")
                        + ", not little-endian float32 in C order");
            }
            String[] dims = m.group(3).split(",");
            if (dims.length != 2 || dims[1].isBlank()) {
                throw new IOException(file + " is not a 2-D array: shape (" + m.group(3) + ")");
            }
            int rows = Integer.parseInt(dims[0].strip());
            int cols = Integer.parseInt(dims[1].strip());
            long count = (long) rows * cols;
            if (count > Integer.MAX_VALUE - 8 || ch.size() - ch.position() != count * Float.BYTES) {
                throw new IOException(file + ": shape (" + rows + ", " + cols + ") does not match its "
                        + (ch.size() - ch.position()) + " data bytes");
            }
            ByteBuffer data = ByteBuffer.allocate((int) count * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, data, file);
            float[] out = new float[(int) count];
            data.asFloatBuffer().get(out);
            shapeOut[0] = rows;
            shapeOut[1] = cols;
            return out;
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer b, Path file) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new IOException(file + " ends early");
            }
        }
        b.flip();
    }
}
