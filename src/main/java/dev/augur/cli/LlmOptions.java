package dev.augur.cli;

import dev.augur.core.llm.LlmClient;
import dev.augur.core.llm.LlmClients;
import dev.augur.core.rank.RankingModels;
import dev.augur.core.rank.Recommenders;
import dev.augur.core.store.Workspace;

import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;

/** The LLM connection a ranking command may use for the {@code llm-rerank} model. */
final class LlmOptions {
    @Option(names = "--llm-base-url", paramLabel = "URL",
            description = "OpenAI-compatible server for llm-rerank, e.g. http://localhost:11434/v1 (Ollama).")
    URI baseUrl;

    @Option(names = "--llm-model", paramLabel = "NAME", description = "Model name on that server.")
    String model;

    @Option(names = "--llm-gguf", paramLabel = "FILE", description = "Run llama.cpp in process on this GGUF for llm-rerank.")
    Path gguf;

    /** The models, with llm-rerank when an LLM is given; closing it closes the LLM client. */
    Session open(Workspace ws) {
        if (gguf == null && baseUrl == null) {
            return new Session(RankingModels.standard(ws, null), null);
        }
        if (gguf == null && (model == null || model.isBlank())) {
            throw new IllegalArgumentException("--llm-base-url needs --llm-model");
        }
        LlmClient client = gguf != null ? LlmClients.gguf(gguf) : LlmClients.http(baseUrl, model);
        return new Session(RankingModels.standard(ws, client), client);
    }

    record Session(Recommenders recommenders, LlmClient client) implements AutoCloseable {
        @Override public void close() {
            if (client != null) {
                client.close();
            }
        }
    }
}
