package dev.augur.core.rank.models;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link RerankCache} in memory, for tests and for one session without a workspace. */
public final class InMemoryRerankCache implements RerankCache {
    private final Map<String, String> answers = new ConcurrentHashMap<>();

    @Override public Optional<String> get(String key) {
        return Optional.ofNullable(answers.get(key));
    }

    @Override public void put(String key, Entry entry) {
        answers.put(key, entry.rawOutput());
    }

    public int size() {
        return answers.size();
    }
}
