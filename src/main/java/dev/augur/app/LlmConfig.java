package dev.augur.app;

import dev.augur.core.llm.LlmClient;
import dev.augur.core.llm.LlmClients;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The LLM the app's settings name, as a value: an OpenAI-compatible server (base URL + model) or a GGUF file.
 * Holds no API key; {@link LlmClients#http} looks one up when the client is made.
 */
public record LlmConfig(String provider, String baseUrl, String model, String gguf) {
    public LlmConfig {
        provider = Settings.LLM_GGUF.equals(provider) ? Settings.LLM_GGUF : Settings.LLM_HTTP;
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        model = model == null ? "" : model.strip();
        gguf = gguf == null ? "" : gguf.strip();
    }

    public static LlmConfig of(Settings s) {
        return new LlmConfig(s.llmProvider, s.llmBaseUrl, s.llmModel, s.llmGguf);
    }

    public boolean isGguf() {
        return Settings.LLM_GGUF.equals(provider);
    }

    /** Whether enough is set to make a client (a URL that parses and a model, or a GGUF path). */
    public boolean configured() {
        return problem().isEmpty();
    }

    /** Why no client can be made, or empty when one can. */
    public Optional<String> problem() {
        if (isGguf()) {
            return gguf.isEmpty() ? Optional.of("no GGUF model file is set") : Optional.empty();
        }
        if (model.isEmpty()) {
            return Optional.of("no model is set for the server");
        }
        try {
            URI u = URI.create(baseUrl);
            if (u.getScheme() == null || u.getHost() == null) {
                return Optional.of("the base URL is not an http(s) address: " + baseUrl);
            }
        } catch (IllegalArgumentException e) {
            return Optional.of("the base URL does not parse: " + baseUrl);
        }
        return Optional.empty();
    }

    /** A new client; the caller closes it. */
    public LlmClient open() {
        problem().ifPresent(p -> {
            throw new IllegalStateException(p);
        });
        return isGguf() ? LlmClients.gguf(Path.of(gguf)) : LlmClients.http(URI.create(baseUrl), model);
    }

    /** "model bench at http://…" or "GGUF /path/model.gguf (in process)". */
    public String describe() {
        return isGguf() ? "GGUF " + gguf + " (in process)" : "model " + model + " at " + baseUrl;
    }
}
