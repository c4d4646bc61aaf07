package dev.agentcore.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcore.agent.config.ModelSettingsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A deployed agent with no model settings must not start: before, it ran the offline model and answered
 * every prompt with {@code [offline model] ...} and HTTP 200. The report names what to set, with no stack trace.
 */
class UnconfiguredModelTest {

    static final String WHAT_TO_SET = "hello-agent: No model is configured: set AGENT_MODEL_PROVIDER to bedrock, "
            + "openai or offline, or give AGENT_MODEL_MODEL_ID and AGENT_MODEL_REGION (Amazon Bedrock) or "
            + "AGENT_MODEL_BASE_URL and AGENT_MODEL_MODEL_ID (an OpenAI-compatible server); the offline model runs "
            + "only when AGENT_MODEL_PROVIDER is offline";

    @Test
    void withNoModelSettingsTheAgentIsNotBuilt() {
        // A map, not the process environment: a shell that sets AGENT_MODEL_* must not make this test pass or skip.
        assertThatThrownBy(() -> HelloAgentApplication.configured(Map.of("SERVER_PORT", "0")))
                .isInstanceOfSatisfying(ModelSettingsException.class, e -> assertThat(e.notConfigured()).isTrue());
    }

    @Test
    void theMainRefusesToStartSaysWhatToSetInOneLineAndExitsNonZero() throws Exception {
        Finished run = main(Map.of("SERVER_ADDRESS", "127.0.0.1", "SERVER_PORT", "0"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).isEqualTo(WHAT_TO_SET + "\n");
    }

    @Test
    void aBadSettingOrAnArgumentIsRefusedTheSameWay() throws Exception {
        Finished badNumber = main(Map.of("AGENT_MODEL_PROVIDER", "offline", "AGENT_MODEL_MAX_TOKENS", "lots"));
        assertThat(badNumber.exitCode()).isEqualTo(1);
        assertThat(badNumber.output()).isEqualTo("hello-agent: AGENT_MODEL_MAX_TOKENS must be a whole number, was 'lots'\n");

        Finished badPort = main(Map.of("AGENT_MODEL_PROVIDER", "offline", "SERVER_PORT", "http"));
        assertThat(badPort.output()).isEqualTo("hello-agent: SERVER_PORT must be a port number (0 to 65535), was 'http'\n");

        Finished springStyle = main(Map.of(), "--agent.model.provider=offline");
        assertThat(springStyle.exitCode()).isEqualTo(1);
        assertThat(springStyle.output()).startsWith("hello-agent: it takes no arguments; its settings are environment "
                + "variables");
    }

    record Finished(int exitCode, String output) {
    }

    /** The real main, in a process of its own with only {@code environment}: what a deployment starts. */
    static Finished main(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HelloAgentApplication.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the agent started instead of refusing");
        }
        return new Finished(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
