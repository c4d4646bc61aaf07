package dev.agentcore.agent.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.agent.bedrock.BedrockConverseModel;
import dev.agentcore.agent.model.Model;
import dev.agentcore.agent.offline.OfflineEchoModel;
import dev.agentcore.agent.openai.OpenAiCompatibleModel;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(OutputCaptureExtension.class)
class AgentModelAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AgentModelAutoConfiguration.class));

    @Test
    void withNothingConfiguredTheOfflineModelRunsAndTheLogSaysSo(CapturedOutput output) {
        runner.run(context -> assertThat(context.getBean(Model.class)).isInstanceOf(OfflineEchoModel.class));
        assertThat(output).contains("Model provider: offline");
    }

    @Test
    void theLogNamesTheProviderAsConfiguredWhateverTheDefaultLocale(CapturedOutput output) {
        Locale previous = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR")); // where "OFFLINE".toLowerCase() is "offl\u0131ne"
        try {
            runner.run(context -> assertThat(context.getBean(Model.class)).isInstanceOf(OfflineEchoModel.class));
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
    void aMissingSettingFailsStartupNamingTheProperty() {
        runner.withPropertyValues("agent.model.provider=openai")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("'baseUrl' is required"));
        runner.withPropertyValues("agent.model.provider=openai")
                .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("agent.model.*"));
    }

    @Test
    void aModelBeanOfTheUsersOwnWins() {
        Model own = new OfflineEchoModel();
        runner.withBean(Model.class, () -> own)
                .run(context -> assertThat(context.getBean(Model.class)).isSameAs(own));
    }
}
