package dev.agentcore.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A deployed agent with no model settings must not start: before, it ran the offline model and answered
 * every prompt with {@code [offline model] ...} and HTTP 200. The report names what to set, with no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnconfiguredModelTest {

    @Test
    void withNoModelSettingsTheAgentRefusesToStartAndSaysWhatToSet(CapturedOutput output) {
        Map<String, String> env = System.getenv();
        assumeTrue(env.keySet().stream().noneMatch(name -> name.startsWith("AGENT_MODEL_")),
                "this shell configures a model through AGENT_MODEL_* variables");

        assertThatThrownBy(() -> new SpringApplicationBuilder(HelloAgentApplication.class)
                .properties("server.port=0").run())
                .hasStackTraceContaining("No model is configured");

        assertThat(output).contains("APPLICATION FAILED TO START",
                "agent.model.provider=offline (AGENT_MODEL_PROVIDER=offline)",
                "agent.model.model-id and agent.model.region (AGENT_MODEL_MODEL_ID, AGENT_MODEL_REGION)",
                "agent.model.base-url and agent.model.model-id (AGENT_MODEL_BASE_URL, AGENT_MODEL_MODEL_ID)");
        assertThat(output).doesNotContain("\tat dev.agentcore", "Tomcat started");
    }
}
