package dev.augur.core.encode;

/** An encoder could not be loaded or run; the message says what to do. */
public final class EncoderException extends RuntimeException {
    public EncoderException(String message) {
        super(message);
    }

    public EncoderException(String message, Throwable cause) {
        super(message, cause);
    }
}
