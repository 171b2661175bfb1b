package dev.augur.app;

import dev.augur.core.llm.LlmClient;
import dev.augur.core.llm.LlmException;
import dev.augur.core.llm.LlmRequest;
import dev.augur.core.llm.LlmResponse;

/**
 * The configured LLM, opened only when a request is made: listing the models a workspace offers (llm-rerank among
 * them) must not load a multi-gigabyte GGUF or probe a server.
 */
public final class LazyLlmClient implements LlmClient {
    private final LlmConfig config;
    private LlmClient client;

    public LazyLlmClient(LlmConfig config) {
        this.config = config;
    }

    private synchronized LlmClient client() {
        if (client == null) {
            client = config.open();
        }
        return client;
    }

    @Override public LlmResponse complete(LlmRequest request) throws LlmException {
        return client().complete(request);
    }

    @Override public String model() {
        return config.isGguf() ? java.nio.file.Path.of(config.gguf()).getFileName().toString() : config.model();
    }

    @Override public String describe() {
        return config.describe();
    }

    @Override public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
