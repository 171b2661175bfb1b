package dev.augur.cli;

import dev.augur.core.llm.LlmClient;
import dev.augur.core.llm.LlmClients;

import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;

/** Which LLM a generating command (augment, synth) talks to: an OpenAI-compatible server or a GGUF in process. */
final class LlmServerOptions {
    @Option(names = "--base-url", paramLabel = "URL",
            description = "OpenAI-compatible server, e.g. http://localhost:11434/v1 (Ollama), a vLLM or llama.cpp server,"
                    + " LM Studio, https://api.openai.com/v1. The API key comes from $AUGUR_LLM_API_KEY, $OPENAI_API_KEY"
                    + " or the OS keyring, never from the command line.")
    URI baseUrl;

    @Option(names = "--model", paramLabel = "NAME", description = "Model name on that server.")
    String model;

    @Option(names = "--gguf", paramLabel = "FILE", description = "Run llama.cpp in process on this GGUF file instead.")
    Path gguf;

    /** Exactly one of a server (with its model) or a GGUF file, else a usage error saying how. */
    void check() {
        if ((gguf == null) == (baseUrl == null)) {
            throw new IllegalArgumentException("give either --base-url URL --model NAME (an OpenAI-compatible server such as"
                    + " Ollama at http://localhost:11434/v1) or --gguf FILE (llama.cpp in process)");
        }
        if (baseUrl != null && (model == null || model.isBlank())) {
            throw new IllegalArgumentException("--base-url needs --model NAME (the server's model name)");
        }
    }

    boolean inProcess() {
        return gguf != null;
    }

    /** A new client; the caller closes it. */
    LlmClient open() {
        return gguf != null ? LlmClients.gguf(gguf) : LlmClients.http(baseUrl, model);
    }
}
