package dev.agentcore.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;

/**
 * A deployed agent with no model settings must not start: before, it ran the offline model and answered
 * every prompt with {@code [offline model] ...} and HTTP 200. The report names what to set, with no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnconfiguredModelTest {

    @Test
    void withNoModelSettingsTheAgentRefusesToStartAndSaysWhatToSet(CapturedOutput output) {
        // Without the process environment: a shell that sets AGENT_MODEL_* must not make this test pass or skip.
        StandardEnvironment withoutShell = new StandardEnvironment();
        withoutShell.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);

        assertThatThrownBy(() -> new SpringApplicationBuilder(HelloAgentApplication.class)
                .environment(withoutShell).properties("server.port=0").run())
                .hasStackTraceContaining("No model is configured");

        assertThat(output).contains("APPLICATION FAILED TO START",
                "agent.model.provider=offline (AGENT_MODEL_PROVIDER=offline)",
                "agent.model.model-id and agent.model.region (AGENT_MODEL_MODEL_ID, AGENT_MODEL_REGION)",
                "agent.model.base-url and agent.model.model-id (AGENT_MODEL_BASE_URL, AGENT_MODEL_MODEL_ID)");
        assertThat(output).doesNotContain("\tat dev.agentcore", "Tomcat started");
    }
}
