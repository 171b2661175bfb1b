package dev.augur.core.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Status and raw body of one HTTP exchange that produced a complete response. {@link #send} turns everything
 * short of that into an {@link LlmException}: no answer within the timeout → TIMEOUT; refused/reset connection →
 * CONNECTION; a body cut off after a 2xx → BAD_RESPONSE, after an error status → that status's error.
 */
record HttpExchange(int status, HttpResponse<byte[]> response, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static HttpClient newHttpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // local servers speak HTTP/1.1 only; skip the h2c upgrade
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** @param secret the API key to scrub from error text, or null */
    static HttpExchange send(HttpClient http, HttpRequest request, Duration timeout, String secret) {
        AtomicInteger status = new AtomicInteger(-1);
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            status.set(info.statusCode());
            return HttpResponse.BodySubscribers.ofByteArray();
        };
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, handler);
        HttpResponse<byte[]> response;
        try {
            response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timeout(request, timeout, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.TIMEOUT, "interrupted while waiting for " + where(request),
                    null, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            int code = status.get();
            if (cause instanceof HttpTimeoutException) {
                throw timeout(request, timeout, cause);
            }
            if (code >= 200 && code < 300) {
                throw new LlmException(LlmException.Kind.BAD_RESPONSE, "the response from " + where(request)
                        + " was cut off (HTTP " + code + "): " + Redacted.scrub(String.valueOf(cause.getMessage()), secret),
                        null, cause);
            }
            if (code >= 0) {
                throw HttpErrors.statusError(code, Optional.empty(), "(the body was cut off)", where(request), secret);
            }
            if (cause instanceof ConnectException || cause instanceof IOException) {
                String msg = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
                throw new LlmException(LlmException.Kind.CONNECTION, "cannot reach " + where(request) + ": "
                        + Redacted.scrub(msg, secret), null, cause);
            }
            throw new LlmException(LlmException.Kind.CONNECTION, "request to " + where(request) + " failed: "
                    + cause, null, cause);
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        return new HttpExchange(response.statusCode(), response, body);
    }

    /** The body as a JSON object, when the status is 2xx; otherwise the status's error (see {@link HttpErrors}). */
    JsonNode okJson(String secret) {
        int code = status;
        String where = where(response.request());
        if (code < 200 || code >= 300) {
            Optional<String> retryAfter = response.headers().firstValue("Retry-After");
            throw HttpErrors.statusError(code, retryAfter, HttpErrors.errorText(body), where, secret);
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new LlmException(LlmException.Kind.BAD_RESPONSE, "the answer from " + where
                        + " is not a JSON object: " + HttpErrors.snippet(body, secret));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new LlmException(LlmException.Kind.BAD_RESPONSE, "the answer from " + where
                    + " is not valid JSON (truncated or an HTML page?): " + HttpErrors.snippet(body, secret), null, e);
        }
    }

    private static LlmException timeout(HttpRequest request, Duration timeout, Throwable cause) {
        return new LlmException(LlmException.Kind.TIMEOUT, "no answer from " + where(request) + " within "
                + timeout.toMillis() + " ms", null, cause);
    }

    private static String where(HttpRequest request) {
        return ServerUrls.display(request.uri());
    }
}
