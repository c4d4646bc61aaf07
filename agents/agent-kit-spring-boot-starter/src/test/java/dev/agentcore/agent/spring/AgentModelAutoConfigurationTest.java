package dev.agentcore.agent.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.agent.bedrock.BedrockConverseModel;
import dev.agentcore.agent.model.Model;
import dev.agentcore.agent.offline.OfflineEchoModel;
import dev.agentcore.agent.openai.OpenAiCompatibleModel;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class AgentModelAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AgentModelAutoConfiguration.class));

    @Test
    void withNothingConfiguredStartupFailsNamingThePropertiesAndEnvironmentVariables() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(
                    dev.agentcore.agent.config.ModelNotConfiguredException.class);
            AgentModelSettingsException failure = findSettingsFailure(context.getStartupFailure());
            assertThat(failure.notConfigured()).isTrue();
            assertThat(failure).hasMessage("agent.model.*: No model is configured: set agent.model.provider "
                    + "(AGENT_MODEL_PROVIDER) to bedrock, openai or offline, or give agent.model.model-id "
                    + "(AGENT_MODEL_MODEL_ID) and agent.model.region (AGENT_MODEL_REGION) (Amazon Bedrock) or "
                    + "agent.model.base-url (AGENT_MODEL_BASE_URL) and agent.model.model-id (AGENT_MODEL_MODEL_ID) "
                    + "(an OpenAI-compatible server); the offline model runs only when agent.model.provider "
                    + "(AGENT_MODEL_PROVIDER) is offline");

            FailureAnalysis analysis = new AgentModelFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo(failure.getMessage());
            assertThat(analysis.getAction()).contains("agent.model.provider=offline (AGENT_MODEL_PROVIDER=offline)",
                    "AGENT_MODEL_MODEL_ID, AGENT_MODEL_REGION", "AGENT_MODEL_BASE_URL");
        });
    }

    @Test
    void theOfflineModelRunsWhenAskedForAndTheLogSaysSo(CapturedOutput output) {
        runner.withPropertyValues("agent.model.provider=offline")
                .run(context -> assertThat(context.getBean(Model.class)).isInstanceOf(OfflineEchoModel.class));
        assertThat(output).contains("Model provider: offline");
    }

    @Test
    void theLogNamesTheProviderAsConfiguredWhateverTheDefaultLocale(CapturedOutput output) {
        Locale previous = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR")); // where "OFFLINE".toLowerCase() is "offl\u0131ne"
        try {
            runner.withPropertyValues("agent.model.provider=OFFLINE")
                    .run(context -> assertThat(context.getBean(Model.class)).isInstanceOf(OfflineEchoModel.class));
        } finally {
            Locale.setDefault(previous);
        }
        assertThat(output).contains("Model provider: offline (");
    }

    @Test
    void aBaseUrlPicksTheOpenAiCompatibleProvider(CapturedOutput output) {
        runner.withPropertyValues("agent.model.base-url=http://127.0.0.1:11434/v1", "agent.model.model-id=llama3.2")
                .run(context -> assertThat(context.getBean(Model.class)).isInstanceOf(OpenAiCompatibleModel.class));
        assertThat(output).contains("Model provider: openai");
    }

    @Test
    void aModelIdPicksBedrock(CapturedOutput output) {
        runner.withPropertyValues("agent.model.model-id=global.anthropic.claude-sonnet-4-6",
                        "agent.model.region=us-east-1")
                .run(context -> assertThat(context.getBean(Model.class)).isInstanceOf(BedrockConverseModel.class));
        assertThat(output).contains("Model provider: bedrock");
    }

    @Test
    void aMissingSettingFailsStartupNamingThePropertyAndItsEnvironmentVariable() {
        runner.withPropertyValues("agent.model.provider=openai")
                .run(context -> {
                    assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("'baseUrl' is required");
                    AgentModelSettingsException failure = findSettingsFailure(context.getStartupFailure());
                    assertThat(failure.notConfigured()).isFalse();
                    assertThat(failure).hasMessageStartingWith("agent.model.*: Model setting agent.model.base-url "
                            + "(AGENT_MODEL_BASE_URL) is required for the openai provider");
                });
        runner.withPropertyValues("agent.model.provider=gemini")
                .run(context -> assertThat(findSettingsFailure(context.getStartupFailure())).hasMessage(
                        "agent.model.*: Model setting agent.model.provider (AGENT_MODEL_PROVIDER) has the unknown value "
                                + "'gemini'; use bedrock, openai, offline or auto"));
    }

    /** The models' own range checks name the property too (before, "maxTokens must be at least 1"). */
    @Test
    void anOutOfRangeNumberFailsStartupNamingThePropertyAndItsEnvironmentVariable() {
        runner.withPropertyValues("agent.model.region=us-east-1", "agent.model.max-tokens=0")
                .run(context -> assertThat(findSettingsFailure(context.getStartupFailure())).hasMessage(
                        "agent.model.*: agent.model.max-tokens (AGENT_MODEL_MAX_TOKENS) must be at least 1, was 0"));
        runner.withPropertyValues("agent.model.region=us-east-1", "agent.model.temperature=1.5")
                .run(context -> assertThat(findSettingsFailure(context.getStartupFailure())).hasMessage(
                        "agent.model.*: agent.model.temperature (AGENT_MODEL_TEMPERATURE) must be between 0 and 1, was 1.5"));
    }

    @Test
    void aModelBeanOfTheUsersOwnWins() {
        Model own = new OfflineEchoModel();
        runner.withBean(Model.class, () -> own)
                .run(context -> assertThat(context.getBean(Model.class)).isSameAs(own));
    }

    private static AgentModelSettingsException findSettingsFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AgentModelSettingsException settings) {
                return settings;
            }
        }
        throw new AssertionError("no AgentModelSettingsException in " + failure);
    }
}
