package dev.augur.core.augment;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class OutputValidatorTest {
    private final JsonNode schema = new TemplateRegistry().bundled().stream()
            .filter(t -> t.id().equals("llmrec-user-profile")).findFirst().orElseThrow().schema();
    private final OutputValidator validator = new OutputValidator(schema);
    private static final String GOOD = "{\"age_group\":\"25-34\",\"gender\":\"unknown\",\"liked_genres\":[\"tea\"],"
            + "\"disliked_genres\":[],\"country\":\"unknown\",\"language\":\"English\"}";

    @Test
    void reportsEachKindOfViolation() {
        assertThat(validator.validate(GOOD).valid()).isTrue();
        OutputValidator.Outcome bad = validator.validate("{\"age_group\":\"old\",\"gender\":1,\"liked_genres\":\"tea\","
                + "\"country\":\"x\",\"language\":\"y\",\"extra\":true}");
        assertThat(bad.valid()).isFalse();
        assertThat(bad.reason()).contains("$.age_group: \"old\" is not one of", "$.gender: expected string, got integer",
                "$.liked_genres: expected array", "missing required property 'disliked_genres'",
                "unexpected property 'extra'");
        assertThat(validator.validate("{\"age_group\":\"25-34\",\"gender\":\"male\",\"liked_genres\":"
                + "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\"],\"disliked_genres\":[],\"country\":\"x\","
                + "\"language\":\"" + "y".repeat(61) + "\"}").reason())
                .contains("more than 8 items", "longer than 60 characters");
        assertThat(validator.validate("not json").reason()).startsWith("not valid JSON");
    }

    @Test
    void fencedJsonWithProseAndTrailingCommasIsRepairedLocally() {
        String fenced = "```json\n" + GOOD.replace("[\"tea\"]", "[\"tea\",]").replace("}", ",}") + "\n```";
        OutputValidator.Outcome o = validator.validateOrRepair(fenced, (prev, errors) -> {
            throw new AssertionError("no re-ask needed");
        });
        assertThat(o.valid()).isTrue();
        assertThat(o.repairedLocally()).isTrue();
        assertThat(o.reasked()).isFalse();
        assertThat(o.json()).contains("\"liked_genres\":[\"tea\"]");
        assertThat(OutputValidator.repairLocally("Sure! Here it is: {\"a\": \"x, }\",} Hope it helps."))
                .isEqualTo("{\"a\": \"x, }\"}");
    }

    @Test
    void invalidOutputIsReaskedOnceThenFailsWithTheReason() {
        AtomicInteger asked = new AtomicInteger();
        OutputValidator.Outcome fixed = validator.validateOrRepair("{\"age_group\":\"old\"}", (prev, errors) -> {
            asked.incrementAndGet();
            assertThat(errors).anyMatch(e -> e.contains("age_group"));
            return GOOD;
        });
        assertThat(fixed.valid()).isTrue();
        assertThat(fixed.reasked()).isTrue();
        assertThat(asked).hasValue(1);

        OutputValidator.Outcome failed = validator.validateOrRepair("{}", (prev, errors) -> {
            asked.incrementAndGet();
            return "{\"age_group\":\"old\"}";
        });
        assertThat(asked).hasValue(2);
        assertThat(failed.valid()).isFalse();
        assertThat(failed.reason()).startsWith("invalid after one re-ask").contains("age_group");
    }
}
