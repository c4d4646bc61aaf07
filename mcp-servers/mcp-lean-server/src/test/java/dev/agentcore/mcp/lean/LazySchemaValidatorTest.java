package dev.agentcore.mcp.lean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The schema validator the server gives the SDK: made on first use, once, and answering as the SDK's own. */
class LazySchemaValidatorTest {

    private static final Map<String, Object> SCHEMA = Map.of("type", "object",
            "properties", Map.of("message", Map.of("type", "string")), "required", java.util.List.of("message"));

    @Test
    void theSdkValidatorIsMadeOnFirstUseOnlyAndOnlyOnce() {
        AtomicInteger made = new AtomicInteger();
        LazySchemaValidator lazy = new LazySchemaValidator(() -> {
            made.incrementAndGet();
            return new DefaultJsonSchemaValidator();
        });
        assertThat(lazy.made()).isFalse();

        lazy.validate(SCHEMA, Map.of("message", "hi"));
        lazy.validateSchema(SCHEMA);

        assertThat(lazy.made()).isTrue();
        assertThat(made).hasValue(1);
    }

    @Test
    void itAnswersWhatTheSdkValidatorAnswers() {
        JsonSchemaValidator sdk = new DefaultJsonSchemaValidator();
        LazySchemaValidator lazy = new LazySchemaValidator(DefaultJsonSchemaValidator::new);

        assertThat(lazy.validate(SCHEMA, Map.of("message", 42))).isEqualTo(sdk.validate(SCHEMA, Map.of("message", 42)));
        assertThat(lazy.validate(SCHEMA, Map.of("message", "x"))).isEqualTo(sdk.validate(SCHEMA, Map.of("message", "x")));
        Map<String, Object> broken = Map.of("$schema", "https://json-schema.org/draft/2020-12/schema", "type", 5);
        assertThat(lazy.validateSchema(broken)).isEqualTo(sdk.validateSchema(broken));
        assertThat(lazy.validateSchema(broken).valid()).isFalse();
        assertThatThrownBy(() -> lazy.assertConforms("tool x", broken)).isInstanceOf(IllegalArgumentException.class);
    }
}
