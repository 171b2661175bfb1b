package dev.augur.core.dataset.read;

/**
 * What a format's specification says about its text encoding. Either way a byte-order mark wins, and a
 * forced encoding (--encoding) wins over everything.
 */
public enum TextEncoding {
    /** UTF-8, decoded strictly: a byte sequence that is not UTF-8 is an error naming the line. */
    UTF8,
    /**
     * Legacy Latin-1 files (MovieLens 100K and 1M): read as UTF-8 when the start of the file is valid UTF-8
     * with non-ASCII text (a re-encoded copy), else as ISO-8859-1, which can decode any byte.
     */
    LATIN1_OR_UTF8
}
