package dev.augur.core.augment;

/** A problem the analyst can fix: unknown template or dataset, bad template file, unreadable import file. */
public final class AugmentException extends RuntimeException {
    public AugmentException(String message) {
        super(message);
    }

    public AugmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
