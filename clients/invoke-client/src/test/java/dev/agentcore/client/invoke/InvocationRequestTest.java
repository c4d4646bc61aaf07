package dev.agentcore.client.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.agentcore.client.runtime.InvocationTarget;
import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.core.runtime.SessionId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvocationRequestTest {

    static final InvocationTarget TARGET = InvocationTarget.of(
            RuntimeArn.parse("arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/hello_agent-AbCdE12345"));

    @Test
    void theBuilderNamesEveryPartAndDefaultsTheRest() {
        InvocationRequest defaults = InvocationRequest.builder(TARGET).build();
        assertThat(defaults.payload()).isEmpty();
        assertThat(defaults.contentType()).isEqualTo("application/json");
        assertThat(defaults.accept()).isEqualTo(InvocationRequest.DEFAULT_ACCEPT);
        assertThat(defaults.sessionId().value()).hasSize(36);
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.customHeaders()).isEmpty();

        SessionId session = new SessionId("conversation-0000000000000000000000001");
        InvocationRequest text = InvocationRequest.builder(TARGET).payload("hi".getBytes(StandardCharsets.UTF_8))
                .contentType("text/plain").accept("text/plain").sessionId(session)
                .customHeaders(Map.of("Tenant", "acme")).timeout(Duration.ofSeconds(5)).build();
        assertThat(text.contentType()).isEqualTo("text/plain");
        assertThat(text.sessionId()).isEqualTo(session);
        assertThat(text.customHeaders()).containsEntry("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant", "acme");

        assertThat(InvocationRequest.json(TARGET, "{\"prompt\":\"hi\"}").payload())
                .isEqualTo("{\"prompt\":\"hi\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theRecordNoLongerTurnsPositionalNullsIntoDefaults() {
        // Defaults live in the builder; the record says what it is given.
        assertThatNullPointerException().isThrownBy(() -> new InvocationRequest(TARGET, new byte[0], null,
                InvocationRequest.DEFAULT_ACCEPT, SessionId.generate(), Map.of(), Duration.ofSeconds(1), Duration.ofSeconds(1))).withMessage("contentType");
    }
}
