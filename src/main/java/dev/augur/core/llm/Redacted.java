package dev.augur.core.llm;

import java.util.Objects;

/**
 * A secret (an API key) that cannot leak by accident: {@link #toString()} never shows it, so it is safe inside
 * records, log lines and exception messages. Call {@link #reveal()} only where the value goes on the wire.
 */
public final class Redacted {

    private final String value;

    private Redacted(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Redacted of(String value) {
        return new Redacted(value);
    }

    /** The secret itself. */
    public String reveal() {
        return value;
    }

    /** {@code text} with every occurrence of {@code secret} replaced by a mask; for server messages that echo it. */
    public static String scrub(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "***");
    }

    @Override
    public String toString() {
        return "<redacted>";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Redacted r && r.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
