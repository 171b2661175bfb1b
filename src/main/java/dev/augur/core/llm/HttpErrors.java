package dev.augur.core.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * HTTP error answers as {@link LlmException}s: 429 → RATE_LIMITED (with Retry-After), 5xx → SERVER, other 4xx →
 * CLIENT, each with the server's own error text, cut short and with the API key scrubbed.
 */
final class HttpErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_TEXT = 500;

    private HttpErrors() {
    }

    static LlmException statusError(int code, Optional<String> retryAfter, String text, String where, String secret) {
        String message = "HTTP " + code + " from " + where + ": " + Redacted.scrub(text, secret);
        if (code == 429) {
            return new LlmException(LlmException.Kind.RATE_LIMITED, message,
                    retryAfter.flatMap(HttpErrors::parseRetryAfter).orElse(null), null);
        }
        if (code >= 500) {
            return new LlmException(LlmException.Kind.SERVER, message);
        }
        if (code >= 400) {
            return new LlmException(LlmException.Kind.CLIENT, message);
        }
        return new LlmException(LlmException.Kind.BAD_RESPONSE, message);
    }

    /** Retry-After as delta-seconds or an HTTP date; empty when unreadable. */
    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.strip();
        try {
            return Optional.of(Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(v) * 1000))));
        } catch (NumberFormatException e) {
            // not seconds: try an HTTP date
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(Instant.now(), at.toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The server's own error message ({@code error.message}, {@code error}, {@code message, detail}) or the body. */
    static String errorText(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null) {
                JsonNode error = root.path("error");
                if (error.path("message").isTextual()) {
                    return truncate(error.path("message").asText());
                }
                if (error.isTextual()) {
                    return truncate(error.asText());
                }
                for (String field : new String[]{"message", "detail"}) {
                    if (root.path(field).isTextual()) {
                        return truncate(root.path(field).asText());
                    }
                }
            }
        } catch (JsonProcessingException e) {
            // not JSON: fall through to the raw text
        }
        return truncate(body.strip());
    }

    /** A body quoted in an error: cut short, the key scrubbed. */
    static String snippet(String body, String secret) {
        return Redacted.scrub(truncate(body.strip()), secret);
    }

    private static String truncate(String s) {
        return s.length() <= MAX_ERROR_TEXT ? s : s.substring(0, MAX_ERROR_TEXT) + "…";
    }
}
