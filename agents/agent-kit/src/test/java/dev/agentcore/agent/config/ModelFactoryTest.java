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
    void picksTheOfflineModelWhenNothingIsConfigured() {
        assertThat(ModelFactory.provider(ModelSettings.none())).isEqualTo(ModelProvider.OFFLINE);
        assertThat(ModelFactory.create(ModelSettings.none())).isInstanceOf(OfflineEchoModel.class);
    }

    @Test
    void picksOpenAiWhenABaseUrlIsGivenAndBedrockWhenAModelIdIs() {
        assertThat(ModelFactory.provider(new ModelSettings(null, "llama3.2", null, "http://localhost:11434/v1", null, null, null, null)))
                .isEqualTo(ModelProvider.OPENAI);
        assertThat(ModelFactory.provider(new ModelSettings("auto", "some.model", null, null, null, null, null, null)))
                .isEqualTo(ModelProvider.BEDROCK);
        assertThat(ModelFactory.provider(new ModelSettings(" ", null, "us-east-1", null, null, null, null, null)))
                .isEqualTo(ModelProvider.BEDROCK);
        assertThat(ModelFactory.provider(new ModelSettings("Offline", "x", "y", "http://z", null, null, null, null)))
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
        Model model = ModelFactory.create(new ModelSettings("bedrock", null, "eu-west-1", null, null,
                "http://127.0.0.1:1", 512, 0.3));

        assertThat(model).isInstanceOf(BedrockConverseModel.class);
        assertThat(((BedrockConverseModel) model).modelId()).isEqualTo("global.anthropic.claude-sonnet-4-6");
        assertThat(model.description()).isEqualTo("Amazon Bedrock ConverseStream, model global.anthropic.claude-sonnet-4-6, "
                + "region eu-west-1, endpoint http://127.0.0.1:1");
    }

    @Test
    void namesTheSettingThatIsWrong() {
        assertThatThrownBy(() -> ModelFactory.create(new ModelSettings("gemini", null, null, null, null, null, null, null)))
                .hasMessage("Model setting 'provider' has the unknown value 'gemini'; use bedrock, openai, offline or auto");
        assertThatThrownBy(() -> ModelFactory.create(new ModelSettings("openai", "llama3.2", null, null, null, null, null, null)))
                .hasMessageStartingWith("Model setting 'baseUrl' is required for the openai provider");
        assertThatThrownBy(() -> ModelFactory.create(new ModelSettings("openai", null, null, "http://x:1", null, null, null, null)))
                .hasMessageStartingWith("Model setting 'modelId' is required for the openai provider");
        assertThatThrownBy(() -> ModelFactory.create(new ModelSettings("bedrock", null, null, null, null, "not a url", null, null)))
                .hasMessage("Model setting 'endpointOverride' is not a URL: 'not a url'");
    }

    @Test
    void neverPrintsTheApiKey() {
        assertThat(ModelSettings.openAi("http://x:1", "m", "sk-secret").toString()).doesNotContain("sk-secret").contains("****");
    }
}
