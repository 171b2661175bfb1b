package dev.augur.core.llm;

import java.time.Duration;
import java.util.Optional;

/** A failed completion, classified so the batch runner knows whether to retry and when. */
public final class LlmException extends RuntimeException {
    public enum Kind {
        /** No answer within the request's timeout. Retryable. */
        TIMEOUT,
        /** HTTP 429. Retryable, after {@link #retryAfter} when the server said. */
        RATE_LIMITED,
        /** HTTP 5xx. Retryable. */
        SERVER,
        /** Connection refused or reset. Retryable. */
        CONNECTION,
        /** HTTP 4xx other than 429 (bad model name, bad key): retrying cannot help. */
        CLIENT,
        /** A 2xx whose body is not what the API promises (truncated, not JSON). Retryable once. */
        BAD_RESPONSE,
        /** Misconfiguration: no model file, no server. Not retryable. */
        CONFIGURATION
    }

    private final Kind kind;
    private final Duration retryAfter;

    public LlmException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public LlmException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind != Kind.CLIENT && kind != Kind.CONFIGURATION;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
