package dev.augur.core.dataset.read;

import dev.augur.core.dataset.ImportContext;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a text file line by line with exact 1-based line numbers: gzip is recognised by its magic bytes,
 * a byte-order mark is honoured and dropped, CRLF and LF both end a line, and text is decoded strictly so a
 * wrong encoding is reported at the line where it shows, never silently turned into replacement characters.
 * Memory is one buffer plus the longest line, whatever the file size.
 */
public final class LineReader implements Closeable {
    private static final int BUFFER = 1 << 16;
    private static final int SNIFF = 1 << 20;

    private final String name;
    private final ImportContext ctx;
    private final InputStream in;
    private final BufferedReader utf16;
    private final Charset charset;
    private final boolean asciiFastPath;
    private final CharsetDecoder decoder;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int lim;
    private byte[] lineBuf = new byte[1024];
    private long line;
    private boolean eof;

    private LineReader(String name, ImportContext ctx, InputStream in, BufferedReader utf16, Charset charset) {
        this.name = name;
        this.ctx = ctx;
        this.in = in;
        this.utf16 = utf16;
        this.charset = charset;
        this.asciiFastPath = charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII);
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    public static LineReader open(Path file, TextEncoding encoding, ImportContext ctx) {
        String name = file.getFileName().toString();
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw ctx.fatal(name, 0, "", "file not found: " + file);
        } catch (IOException e) {
            throw ctx.fatal(name, 0, "", "cannot open " + file + ": " + e.getMessage());
        }
        try {
            InputStream in = new BufferedInputStream(new CountingInputStream(raw, ctx::bytesRead), BUFFER);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                in = new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
            }
            in.mark(SNIFF);
            byte[] head = in.readNBytes(SNIFF);
            in.reset();
            Charset forced = ctx.forcedEncoding().orElse(null);
            if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
                in.skipNBytes(3);
                return new LineReader(name, ctx, in, null, forced != null ? forced : StandardCharsets.UTF_8);
            }
            if (head.length >= 2 && ((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE
                    || (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF)) {
                Charset cs = (head[0] & 0xff) == 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
                in.skipNBytes(2);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, cs.newDecoder()), BUFFER);
                return new LineReader(name, ctx, in, r, cs);
            }
            Charset cs = forced != null ? forced
                    : encoding == TextEncoding.LATIN1_OR_UTF8 && !looksLikeUtf8Text(head) ? StandardCharsets.ISO_8859_1
                    : StandardCharsets.UTF_8;
            return new LineReader(name, ctx, in, null, cs);
        } catch (EOFException | ZipException e) {
            closeQuietly(raw);
            throw ctx.fatal(name, 0, "", "the gzip data ends early or is corrupt (" + e.getMessage()
                    + "); the file is probably truncated: download it again");
        } catch (IOException e) {
            closeQuietly(raw);
            throw ctx.fatal(name, 0, "", "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** True when {@code head} decodes as UTF-8 and holds at least one multi-byte character. */
    static boolean looksLikeUtf8Text(byte[] head) {
        boolean nonAscii = false;
        int i = 0;
        while (i < head.length) {
            int b = head[i] & 0xff;
            int extra;
            if (b < 0x80) {
                i++;
                continue;
            } else if (b >= 0xC2 && b <= 0xDF) {
                extra = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                extra = 2;
            } else if (b >= 0xF0 && b <= 0xF4) {
                extra = 3;
            } else {
                return false;
            }
            if (i + extra >= head.length) {
                break; // cut by the sniff window: judge by what came before
            }
            for (int k = 1; k <= extra; k++) {
                if ((head[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            nonAscii = true;
            i += extra + 1;
        }
        return nonAscii;
    }

    /** The file's name, as used in problem reports. */
    public String file() {
        return name;
    }

    public Charset charset() {
        return charset;
    }

    /** The 1-based number of the line last returned by {@link #next()}. */
    public long line() {
        return line;
    }

    /**
     * The next line without its line ending, or null at the end of the file. A line that does not decode is
     * reported through the context (and skipped under the skip policy).
     */
    public String next() {
        try {
            if (utf16 != null) {
                String s = utf16.readLine();
                if (s != null) {
                    line++;
                }
                return s;
            }
            while (true) {
                int len = readLineBytes();
                if (len < 0) {
                    return null;
                }
                line++;
                String s = decode(len);
                if (s != null) {
                    return s;
                }
            }
        } catch (EOFException | ZipException e) {
            throw ctx.fatal(name, line + 1, "", "the gzip data ends early or is corrupt (" + e.getMessage()
                    + "); the file is probably truncated: download it again");
        } catch (IOException e) {
            throw ctx.fatal(name, line + 1, "", "read error: " + e.getMessage());
        }
    }

    private String decode(int len) {
        if (len > 0 && lineBuf[len - 1] == '\r') {
            len--;
        }
        if (asciiFastPath) {
            boolean ascii = true;
            for (int i = 0; i < len; i++) {
                if (lineBuf[i] < 0) {
                    ascii = false;
                    break;
                }
            }
            if (ascii) {
                return new String(lineBuf, 0, len, StandardCharsets.ISO_8859_1);
            }
        } else if (charset.equals(StandardCharsets.ISO_8859_1)) {
            return new String(lineBuf, 0, len, StandardCharsets.ISO_8859_1);
        }
        try {
            return decoder.reset().decode(ByteBuffer.wrap(lineBuf, 0, len)).toString();
        } catch (CharacterCodingException e) {
            int at = firstBadByte(len);
            ctx.problem(name, line, "", "text is not valid " + charset.displayName()
                    + (at >= 0 ? " (byte 0x" + Integer.toHexString(lineBuf[at] & 0xff).toUpperCase() + " at column " + (at + 1) + ")" : "")
                    + "; if the file is Latin-1 or Windows-1252, import it with --encoding ISO-8859-1 (or windows-1252)");
            return null;
        }
    }

    private int firstBadByte(int len) {
        for (int i = 0; i < len; i++) {
            if (lineBuf[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    /** Copies the next line's bytes (without '\n') into lineBuf; returns its length, or -1 at end of file. */
    private int readLineBytes() throws IOException {
        int n = 0;
        while (true) {
            if (pos == lim) {
                if (eof) {
                    return n > 0 ? n : -1;
                }
                lim = in.read(buf, 0, buf.length);
                pos = 0;
                if (lim <= 0) {
                    lim = 0;
                    eof = true;
                    return n > 0 ? n : -1;
                }
            }
            int start = pos;
            while (pos < lim && buf[pos] != '\n') {
                pos++;
            }
            int chunk = pos - start;
            if (n + chunk > lineBuf.length) {
                lineBuf = Arrays.copyOf(lineBuf, Math.max(lineBuf.length * 2, n + chunk));
            }
            System.arraycopy(buf, start, lineBuf, n, chunk);
            n += chunk;
            if (pos < lim) {
                pos++; // the '\n'
                return n;
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(in);
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // reading is over; a close failure loses nothing
        }
    }
}
