package dev.augur.core.augment;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One augmentation batch: which dataset (empty: the workspace's first), which template (latest version unless
 * {@code templateVersion}), users or items (must match the template's target), which entities ({@code ids}:
 * external ids; else the first {@code limit} in import order, 0 = all), how fast ({@code concurrency} requests in
 * flight, {@code requestsPerSecond} 0 = unlimited), how stubborn ({@code maxRetries} per call on retryable errors,
 * {@code timeout} per call), and overrides of the template's temperature and the default seed.
 */
public record AugmentRequest(Optional<String> dataset, String templateId, OptionalInt templateVersion,
                             AugmentTarget target, List<String> ids, int limit, int concurrency,
                             double requestsPerSecond, int maxRetries, Duration timeout,
                             OptionalDouble temperature, OptionalLong seed) {
    public static final int DEFAULT_MAX_RETRIES = 4;
    public static final long DEFAULT_SEED = 42;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    public AugmentRequest {
        ids = List.copyOf(ids);
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be 1 or more: " + concurrency);
        }
        if (requestsPerSecond < 0) {
            throw new IllegalArgumentException("requestsPerSecond must not be negative: " + requestsPerSecond);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
        }
    }

    /** All entities of the template's kind in the first dataset, one request at a time, no rate limit. */
    public static AugmentRequest of(String templateId, AugmentTarget target) {
        return new AugmentRequest(Optional.empty(), templateId, OptionalInt.empty(), target, List.of(), 0, 1, 0,
                DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, OptionalDouble.empty(), OptionalLong.empty());
    }

    public AugmentRequest withDataset(String name) {
        return new AugmentRequest(Optional.of(name), templateId, templateVersion, target, ids, limit, concurrency,
                requestsPerSecond, maxRetries, timeout, temperature, seed);
    }

    public AugmentRequest withTemplateVersion(int v) {
        return new AugmentRequest(dataset, templateId, OptionalInt.of(v), target, ids, limit, concurrency,
                requestsPerSecond, maxRetries, timeout, temperature, seed);
    }

    public AugmentRequest withIds(List<String> externalIds) {
        return new AugmentRequest(dataset, templateId, templateVersion, target, externalIds, limit, concurrency,
                requestsPerSecond, maxRetries, timeout, temperature, seed);
    }

    public AugmentRequest withLimit(int n) {
        return new AugmentRequest(dataset, templateId, templateVersion, target, ids, n, concurrency,
                requestsPerSecond, maxRetries, timeout, temperature, seed);
    }

    public AugmentRequest withConcurrency(int n) {
        return new AugmentRequest(dataset, templateId, templateVersion, target, ids, limit, n,
                requestsPerSecond, maxRetries, timeout, temperature, seed);
    }

    public AugmentRequest withRequestsPerSecond(double rps) {
        return new AugmentRequest(dataset, templateId, templateVersion, target, ids, limit, concurrency,
                rps, maxRetries, timeout, temperature, seed);
    }

    public AugmentRequest withMaxRetries(int n) {
        return new AugmentRequest(dataset, templateId, templateVersion, target, ids, limit, concurrency,
                requestsPerSecond, n, timeout, temperature, seed);
    }

    public AugmentRequest withTimeout(Duration t) {
        return new AugmentRequest(dataset, templateId, templateVersion, target, ids, limit, concurrency,
                requestsPerSecond, maxRetries, t, temperature, seed);
    }

    public AugmentRequest withTemperature(double t) {
        return new AugmentRequest(dataset, templateId, templateVersion, target, ids, limit, concurrency,
                requestsPerSecond, maxRetries, timeout, OptionalDouble.of(t), seed);
    }

    public AugmentRequest withSeed(long s) {
        return new AugmentRequest(dataset, templateId, templateVersion, target, ids, limit, concurrency,
                requestsPerSecond, maxRetries, timeout, temperature, OptionalLong.of(s));
    }
}
