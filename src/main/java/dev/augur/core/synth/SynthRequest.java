package dev.augur.core.synth;

import java.time.Duration;
import java.util.Optional;

/**
 * One synthetic-interaction run: in which dataset (empty: the workspace's first), for which target, for how many
 * items or users ({@code limit}), with how many candidates each ({@code candidates}: users per item, or items shown
 * to a user; 0 picks {@link #DEFAULT_USERS_PER_ITEM} or {@link #DEFAULT_ITEMS_PER_USER}), which collaborative model
 * scores candidates (a {@code Recommenders} name), how many LLM requests may be in flight, and each one's timeout.
 */
public record SynthRequest(Optional<String> dataset, SynthTarget target, int limit, int candidates,
                           String collabModel, int concurrency, Duration timeout) {
    public static final int DEFAULT_USERS_PER_ITEM = 5;
    public static final int DEFAULT_ITEMS_PER_USER = 10;
    public static final String DEFAULT_COLLAB = "itemknn";

    public SynthRequest {
        if (limit < 1) {
            throw new IllegalArgumentException("the limit must be 1 or more (how many " + (target.itemFocused()
                    ? "items" : "users") + " to propose interactions for), not " + limit);
        }
        if (candidates < 0) {
            throw new IllegalArgumentException("the number of candidates must be 0 (the default) or more, not " + candidates);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be 1 or more, not " + concurrency);
        }
        dataset = dataset == null ? Optional.empty() : dataset;
        collabModel = collabModel == null || collabModel.isBlank() ? DEFAULT_COLLAB : collabModel;
        timeout = timeout == null ? Duration.ofSeconds(120) : timeout;
    }

    public static SynthRequest of(SynthTarget target, int limit) {
        return new SynthRequest(Optional.empty(), target, limit, 0, DEFAULT_COLLAB, 1, Duration.ofSeconds(120));
    }

    /** Users per item, or items per user, with the default filled in. */
    public int candidatesPerTarget() {
        if (candidates > 0) {
            return candidates;
        }
        return target.itemFocused() ? DEFAULT_USERS_PER_ITEM : DEFAULT_ITEMS_PER_USER;
    }

    public SynthRequest withDataset(String name) {
        return new SynthRequest(Optional.ofNullable(name), target, limit, candidates, collabModel, concurrency, timeout);
    }

    public SynthRequest withCandidates(int n) {
        return new SynthRequest(dataset, target, limit, n, collabModel, concurrency, timeout);
    }

    public SynthRequest withCollabModel(String name) {
        return new SynthRequest(dataset, target, limit, candidates, name, concurrency, timeout);
    }

    public SynthRequest withConcurrency(int n) {
        return new SynthRequest(dataset, target, limit, candidates, collabModel, n, timeout);
    }

    public SynthRequest withTimeout(Duration t) {
        return new SynthRequest(dataset, target, limit, candidates, collabModel, concurrency, t);
    }
}
