package dev.augur.core.llm;

import java.net.URI;
import java.nio.file.Path;

/** How the shells (CLI, app) get a client: an OpenAI-compatible server by URL + model, or a GGUF file in process. */
public final class LlmClients {
    private LlmClients() {
    }

    /**
     * A client for an OpenAI-compatible server. The API key, if any, is looked up now from
     * {@code $AUGUR_LLM_API_KEY}, {@code $OPENAI_API_KEY} or the OS keyring (service "augur", account = host), and
     * lives only in the client's memory.
     */
    public static LlmClient http(URI baseUrl, String model) {
        return new OpenAiCompatibleClient(baseUrl, model, ApiKeys.resolve(ApiKeys.DEFAULT_ENV, baseUrl));
    }

    /** llama.cpp in this process on {@code gguf}. */
    public static LlmClient gguf(Path gguf) {
        return new LlamaCppClient(gguf);
    }

    /** What to tell someone who has no LLM configured. */
    public static String howToConnect() {
        return "No LLM is configured. Start Ollama (it is found at " + OpenAiCompatibleClient.OLLAMA_DEFAULT
                + " automatically) or any OpenAI-compatible server (vLLM, llama.cpp server, LM Studio) and give its"
                + " base URL and model name, or pick a GGUF model file to run llama.cpp inside Augur."
                + " API keys are read from $AUGUR_LLM_API_KEY, $OPENAI_API_KEY or the OS keyring, never stored.";
    }
}
