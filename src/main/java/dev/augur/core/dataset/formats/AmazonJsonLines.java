package dev.augur.core.dataset.formats;

import dev.augur.core.dataset.ImportContext;
import dev.augur.core.dataset.read.BadFieldException;
import dev.augur.core.dataset.read.Json;
import dev.augur.core.dataset.read.LineReader;
import dev.augur.core.dataset.read.PythonLiteral;
import dev.augur.core.dataset.read.Rows;
import dev.augur.core.dataset.read.TextEncoding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Amazon review and metadata files: one object per line, plain or gzip. Lines are JSON, except in some 2018
 * metadata files written with Python's {@code repr()}, which are read with {@link PythonLiteral}.
 */
final class AmazonJsonLines {
    private static final ObjectReader STRICT = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Detection reads at most this much of a file: enough for the longest metadata line in the 2018 data. */
    private static final int PEEK_LIMIT = 16 << 20;

    private AmazonJsonLines() {
    }

    @FunctionalInterface
    interface Handler {
        void record(ObjectNode record, long line);
    }

    /** Whether the name looks like a JSON-lines file: {@code .json}, {@code .jsonl}, either gzipped. */
    static boolean isJsonLinesName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".json.gz") || n.endsWith(".jsonl") || n.endsWith(".jsonl.gz");
    }

    /** The file name without {@code .gz} and {@code .json}/{@code .jsonl}. */
    static String stem(String fileName) {
        String n = fileName;
        if (n.toLowerCase(Locale.ROOT).endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        String lower = n.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jsonl") ? n.substring(0, n.length() - 6)
                : lower.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }

    /** Every record of {@code file}; a bad line is reported with file and line and left out. */
    static void each(Path file, ImportContext ctx, Handler handler) {
        try (LineReader lines = LineReader.open(file, TextEncoding.UTF8, ctx)) {
            Rows.eachLine(lines, ctx, (text, line) -> handler.record(parse(text), line));
        }
    }

    /**
     * One line as an object. Strict JSON is tried first unless the line starts like a Python dict; a line
     * that is neither fails with the JSON parser's reason.
     */
    static ObjectNode parse(String line) {
        String t = line.strip();
        JsonNode node;
        if (t.startsWith("{'")) {
            try {
                node = PythonLiteral.parse(t);
            } catch (PythonLiteral.SyntaxException e) {
                throw new BadFieldException("", "neither JSON nor a Python literal: " + e.getMessage());
            }
        } else {
            try {
                node = STRICT.readTree(t);
            } catch (JsonProcessingException e) {
                node = pythonOrNull(t);
                if (node == null) {
                    throw new BadFieldException("", "not JSON: " + shortMessage(e));
                }
            }
        }
        if (!(node instanceof ObjectNode o)) {
            throw new BadFieldException("", "expected one JSON object per line, found "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        return o;
    }

    private static JsonNode pythonOrNull(String t) {
        try {
            return PythonLiteral.parse(t);
        } catch (PythonLiteral.SyntaxException e) {
            return null;
        }
    }

    private static String shortMessage(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        m = m.length() <= 120 ? m : m.substring(0, 117) + "...";
        return e.getLocation() == null ? m : m + " (column " + e.getLocation().getColumnNr() + ")";
    }

    /**
     * The first record of a file, for detection: reads only up to the end of the first non-blank line and
     * judges a damaged gzip by what could be read. Empty when the file is unreadable or the line is no object.
     */
    static Optional<ObjectNode> first(Path file) {
        String text = firstLine(file);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text));
        } catch (BadFieldException e) {
            return Optional.empty();
        }
    }

    private static String firstLine(Path file) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try (InputStream in = open(file)) {
            byte[] chunk = new byte[1 << 16];
            boolean content = false;
            int n;
            reading:
            while (head.size() < PEEK_LIMIT && (n = in.read(chunk)) > 0) {
                head.write(chunk, 0, n);
                for (int k = 0; k < n; k++) {
                    byte b = chunk[k];
                    if (b == '\n' && content) {
                        break reading;
                    }
                    content |= b != '\n' && b != '\r' && b != ' ' && b != '\t';
                }
            }
        } catch (IOException e) {
            // a truncated or damaged file: judge by what was read, the import itself will report the damage
        }
        String text = new String(head.toByteArray(), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return null;
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 != 0x1f || b1 != 0x8b) {
            return in;
        }
        try {
            return new GZIPInputStream(in);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }
}
