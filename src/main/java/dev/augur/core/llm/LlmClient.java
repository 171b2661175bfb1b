package dev.augur.core.llm;

/**
 * One language model behind one interface: an OpenAI-compatible HTTP server (Ollama, vLLM, llama.cpp server, LM
 * Studio, OpenAI) or llama.cpp in process on a GGUF file. Implementations are thread-safe (the batch runner calls
 * {@link #complete} from several threads) and never log or store an API key.
 */
public interface LlmClient extends AutoCloseable {

    /** Blocks until the model has answered or {@code request.timeout()} passed. */
    LlmResponse complete(LlmRequest request) throws LlmException;

    /** The model name as the provider knows it (goes into provenance and the cache key). */
    String model();

    /** Where it runs, for people: "ollama · llama3.1:8b · http://localhost:11434/v1", "llama.cpp · tiny.gguf". */
    String describe();

    @Override
    void close();
}
