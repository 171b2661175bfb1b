package dev.augur.core.llm;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTest {

    @Test
    void namedVariableWinsThenAugurThenOpenAi() {
        Map<String, String> env = Map.of("MY_KEY", "k1", ApiKeys.DEFAULT_ENV, "k2", ApiKeys.OPENAI_ENV, "k3");
        assertThat(ApiKeys.resolve("MY_KEY", Optional.empty(), env::get, h -> Optional.of("ring")))
                .contains("k1");
        assertThat(ApiKeys.resolve("OTHER", Optional.empty(), env::get, h -> Optional.of("ring"))).contains("k2");
        assertThat(ApiKeys.resolve(null, Optional.empty(), Map.of(ApiKeys.OPENAI_ENV, " k3\n")::get,
                h -> Optional.empty())).contains("k3");
    }

    @Test
    void fallsBackToTheKeyringForTheHostOnly() {
        Map<String, String> env = Map.of(ApiKeys.DEFAULT_ENV, "  ");
        assertThat(ApiKeys.resolve(null, Optional.of("api.openai.com"), env::get,
                h -> h.equals("api.openai.com") ? Optional.of("ring") : Optional.empty())).contains("ring");
        assertThat(ApiKeys.resolve(null, Optional.empty(), env::get, h -> Optional.of("ring"))).isEmpty();
    }

    @Test
    void keyringCommandsPerOperatingSystem() {
        assertThat(ApiKeys.keyringCommand("Linux", "h")).contains(
                List.of("secret-tool", "lookup", "service", "augur", "account", "h"));
        assertThat(ApiKeys.keyringCommand("Mac OS X", "h")).contains(
                List.of("security", "find-generic-password", "-s", "augur", "-a", "h", "-w"));
        assertThat(ApiKeys.keyringCommand("Windows 11", "h")).isEmpty();
    }

    @Test
    void failingOrMissingToolsMeanNoKey() {
        assertThat(ApiKeys.runQuietly(List.of("augur-no-such-tool-xyz"))).isEmpty();
        assertThat(ApiKeys.runQuietly(List.of("sh", "-c", "echo secret; exit 1"))).isEmpty();
        assertThat(ApiKeys.runQuietly(List.of("sh", "-c", "echo ' secret '"))).contains("secret");
    }

    @Test
    void redactedNeverPrintsTheValue() {
        Redacted r = Redacted.of("sk-abc");
        assertThat(r.toString()).doesNotContain("sk-abc");
        assertThat(r.reveal()).isEqualTo("sk-abc");
        assertThat(Redacted.scrub("bad key sk-abc given", "sk-abc")).isEqualTo("bad key *** given");
    }
}
