package dev.augur.core.dataset.read;

/**
 * A field of the current row cannot be used. Importers parse a whole row before writing any of it, catch
 * this, and hand it to {@code ImportContext.problem} with the file and line.
 */
public final class BadFieldException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public BadFieldException(String field, String reason) {
        super(reason, null, false, false); // thrown per bad row: no stack trace needed
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage();
    }
}
