package dev.augur.core.llm;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Finds the API key for an OpenAI-compatible server without ever logging it: first an environment variable (the
 * one named, else {@value #DEFAULT_ENV}, else {@value #OPENAI_ENV}), then the operating system's keyring under
 * service {@value #KEYRING_SERVICE} and account = the server's host name:
 * <ul>
 *   <li>Linux: {@code secret-tool lookup service augur account <host>} (libsecret; store it with
 *       {@code secret-tool store --label=augur service augur account <host>});</li>
 *   <li>macOS: {@code security find-generic-password -s augur -a <host> -w} (Keychain);</li>
 *   <li>Windows: no keyring lookup (the Credential Manager has no command-line reader); use the environment.</li>
 * </ul>
 * The keyring tools run with a {@value #KEYRING_TIMEOUT_SECONDS}-second limit; any failure (tool missing, locked
 * keyring, no entry) counts as "no key". Local servers (Ollama, llama.cpp server) need no key at all.
 */
public final class ApiKeys {

    public static final String DEFAULT_ENV = "AUGUR_LLM_API_KEY";
    public static final String OPENAI_ENV = "OPENAI_API_KEY";
    static final String KEYRING_SERVICE = "augur";
    static final int KEYRING_TIMEOUT_SECONDS = 3;

    private ApiKeys() {
    }

    /** The key from {@code envVar} (when not blank), {@value #DEFAULT_ENV} or {@value #OPENAI_ENV}; no keyring. */
    public static Optional<String> resolve(String envVar) {
        return resolve(envVar, Optional.empty(), System::getenv, ApiKeys::keyringLookup);
    }

    /** As {@link #resolve(String)}, then the OS keyring under the host of {@code baseUrl}. */
    public static Optional<String> resolve(String envVar, URI baseUrl) {
        return resolve(envVar, Optional.ofNullable(baseUrl.getHost()), System::getenv, ApiKeys::keyringLookup);
    }

    static Optional<String> resolve(String envVar, Optional<String> host, Function<String, String> env,
                                    Function<String, Optional<String>> keyring) {
        for (String name : new String[]{envVar, DEFAULT_ENV, OPENAI_ENV}) {
            if (name == null || name.isBlank()) {
                continue;
            }
            String value = env.apply(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return host.filter(h -> !h.isBlank()).flatMap(keyring);
    }

    /** The keyring command for this OS, or empty where there is none (Windows, unknown systems). */
    static Optional<List<String>> keyringCommand(String osName, String host) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            return Optional.of(List.of("secret-tool", "lookup", "service", KEYRING_SERVICE, "account", host));
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return Optional.of(List.of("security", "find-generic-password", "-s", KEYRING_SERVICE, "-a", host, "-w"));
        }
        return Optional.empty();
    }

    private static Optional<String> keyringLookup(String host) {
        return keyringCommand(System.getProperty("os.name", ""), host).flatMap(ApiKeys::runQuietly);
    }

    /** Runs {@code command}, returns its trimmed stdout on exit 0; never logs the output. */
    static Optional<String> runQuietly(List<String> command) {
        Process process = null;
        try {
            process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(nullDevice())))
                    .start();
            byte[] out;
            try (InputStream in = process.getInputStream()) {
                if (!process.waitFor(KEYRING_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    return Optional.empty();
                }
                out = in.readNBytes(64 * 1024);
            }
            if (process.exitValue() != 0) {
                return Optional.empty();
            }
            String value = new String(out, StandardCharsets.UTF_8).strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win") ? "NUL" : "/dev/null";
    }
}
