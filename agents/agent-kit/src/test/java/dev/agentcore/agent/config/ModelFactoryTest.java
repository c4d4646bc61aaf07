package dev.agentcore.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcore.agent.bedrock.BedrockConverseModel;
import dev.agentcore.agent.model.Model;
import dev.agentcore.agent.offline.OfflineEchoModel;
import dev.agentcore.agent.openai.OpenAiCompatibleModel;
import org.junit.jupiter.api.Test;

class ModelFactoryTest {

    @Test
    void withNothingConfiguredThereIsNoModelNotEvenTheOfflineOne() {
        for (ModelSettings nothing : new ModelSettings[] {ModelSettings.builder().build(),
                ModelSettings.builder().provider("auto").build(), ModelSettings.builder().provider(" ").maxTokens(100).build()}) {
            assertThatThrownBy(() -> ModelFactory.create(nothing))
                    .isInstanceOf(ModelNotConfiguredException.class)
                    .hasMessageStartingWith("No model is configured: set 'provider' to bedrock, openai or offline")
                    .hasMessageContaining("the offline model runs only when 'provider' is offline");
        }
    }

    @Test
    void theOfflineModelRunsWhenAskedFor() {
        assertThat(ModelFactory.provider(ModelSettings.offline())).isEqualTo(ModelProvider.OFFLINE);
        assertThat(ModelFactory.create(ModelSettings.offline())).isInstanceOf(OfflineEchoModel.class);
        assertThat(ModelFactory.create(ModelSettings.builder().provider("OFFLINE").build())).isInstanceOf(OfflineEchoModel.class);
    }

    @Test
    void picksOpenAiWhenABaseUrlIsGivenAndBedrockWhenAModelIdIs() {
        assertThat(ModelFactory.provider(ModelSettings.builder().modelId("llama3.2").baseUrl("http://localhost:11434/v1").build()))
                .isEqualTo(ModelProvider.OPENAI);
        assertThat(ModelFactory.provider(ModelSettings.builder().provider("auto").modelId("some.model").build()))
                .isEqualTo(ModelProvider.BEDROCK);
        assertThat(ModelFactory.provider(ModelSettings.builder().provider(" ").region("us-east-1").build()))
                .isEqualTo(ModelProvider.BEDROCK);
        assertThat(ModelFactory.provider(ModelSettings.builder().provider("Offline").modelId("x").region("y").baseUrl("http://z").build()))
                .isEqualTo(ModelProvider.OFFLINE);
    }

    @Test
    void buildsAnOpenAiCompatibleModelAndDescribesIt() {
        Model model = ModelFactory.create(ModelSettings.openAi("http://localhost:11434", "llama3.2", null));

        assertThat(model).isInstanceOf(OpenAiCompatibleModel.class);
        assertThat(model.description())
                .isEqualTo("OpenAI-compatible chat completions at http://localhost:11434/v1/chat/completions, model llama3.2");
    }

    @Test
    void buildsABedrockModelWithTheStrandsDefaultModelId() {
        Model model = ModelFactory.create(ModelSettings.builder().provider(ModelProvider.BEDROCK).region("eu-west-1")
                .endpointOverride("http://127.0.0.1:1").maxTokens(512).temperature(0.3).build());

        assertThat(model).isInstanceOf(BedrockConverseModel.class);
        assertThat(((BedrockConverseModel) model).modelId()).isEqualTo("global.anthropic.claude-sonnet-4-6");
        assertThat(model.description()).isEqualTo("Amazon Bedrock ConverseStream, model global.anthropic.claude-sonnet-4-6, "
                + "region eu-west-1, endpoint http://127.0.0.1:1 over HTTP/1.1");
    }

    @Test
    void namesTheSettingThatIsWrong() {
        assertThatThrownBy(() -> ModelFactory.create(ModelSettings.builder().provider("gemini").build()))
                .hasMessage("Model setting 'provider' has the unknown value 'gemini'; use bedrock, openai, offline or auto");
        assertThatThrownBy(() -> ModelFactory.create(ModelSettings.builder().provider("openai").modelId("llama3.2").build()))
                .hasMessageStartingWith("Model setting 'baseUrl' is required for the openai provider");
        assertThatThrownBy(() -> ModelFactory.create(ModelSettings.builder().provider("openai").baseUrl("http://x:1").build()))
                .hasMessageStartingWith("Model setting 'modelId' is required for the openai provider");
        assertThatThrownBy(() -> ModelFactory.create(ModelSettings.builder().provider("bedrock").endpointOverride("not a url").build()))
                .hasMessage("Model setting 'endpointOverride' is not a URL: 'not a url'");
    }

    @Test
    void neverPrintsTheApiKey() {
        assertThat(ModelSettings.openAi("http://x:1", "m", "sk-secret").toString()).doesNotContain("sk-secret").contains("****");
    }
}
