package dev.agentcore.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcore.agent.bedrock.BedrockConverseModel;
import dev.agentcore.agent.model.Model;
import dev.agentcore.agent.offline.OfflineEchoModel;
import dev.agentcore.agent.openai.OpenAiCompatibleModel;
import dev.agentcore.testing.LogRecords;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelEnvironmentTest {

    @Test
    void everySettingHasItsPropertyAndEnvironmentVariableAsTheSpringStarterNamesThem() {
        assertThat(Arrays.stream(ModelSetting.values()).map(s -> s.field() + " " + s.property() + " " + s.environmentVariable()))
                .containsExactly(
                        "provider agent.model.provider AGENT_MODEL_PROVIDER",
                        "modelId agent.model.model-id AGENT_MODEL_MODEL_ID",
                        "region agent.model.region AGENT_MODEL_REGION",
                        "baseUrl agent.model.base-url AGENT_MODEL_BASE_URL",
                        "apiKey agent.model.api-key AGENT_MODEL_API_KEY",
                        "endpointOverride agent.model.endpoint-override AGENT_MODEL_ENDPOINT_OVERRIDE",
                        "maxTokens agent.model.max-tokens AGENT_MODEL_MAX_TOKENS",
                        "temperature agent.model.temperature AGENT_MODEL_TEMPERATURE");
        assertThat(ModelSetting.MODEL_ID.environmentVariables())
                .containsExactly("AGENT_MODEL_MODELID", "AGENT_MODEL_MODEL_ID", "agent_model_modelid", "agent_model_model_id");
        assertThat(ModelSetting.REGION.environmentVariables()).containsExactly("AGENT_MODEL_REGION", "agent_model_region");
    }

    @Test
    void everyFieldOfModelSettingsIsASetting() {
        assertThat(Arrays.stream(ModelSettings.class.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(Field::getName)).containsExactlyInAnyOrder(Arrays.stream(ModelSetting.values())
                .map(ModelSetting::field).toArray(String[]::new));
    }

    @Test
    void eachVariableReachesItsSetting() {
        ModelSettings settings = ModelEnvironment.of(Map.of(
                "AGENT_MODEL_PROVIDER", "bedrock", "AGENT_MODEL_MODEL_ID", "some.model", "AGENT_MODEL_REGION", "eu-west-1",
                "AGENT_MODEL_BASE_URL", "http://127.0.0.1:11434/v1", "AGENT_MODEL_API_KEY", "sk-key",
                "AGENT_MODEL_ENDPOINT_OVERRIDE", "http://127.0.0.1:1", "AGENT_MODEL_MAX_TOKENS", " 512 ",
                "AGENT_MODEL_TEMPERATURE", "0.25", "PATH", "/usr/bin")).settings();

        assertThat(settings).isEqualTo(ModelSettings.builder().provider("bedrock").modelId("some.model").region("eu-west-1")
                .baseUrl("http://127.0.0.1:11434/v1").apiKey("sk-key").endpointOverride("http://127.0.0.1:1")
                .maxTokens(512).temperature(0.25).build());
    }

    /** No defaults of its own: unset is null, and ModelFactory decides as it does for the Spring starter. */
    @Test
    void anUnsetVariableIsAnUnsetSettingAndAnEmptyNumberIsAbsent() {
        assertThat(ModelEnvironment.of(Map.of()).settings()).isEqualTo(ModelSettings.builder().build());
        assertThat(ModelEnvironment.of(Map.of("AGENT_MODEL_MAX_TOKENS", "", "AGENT_MODEL_TEMPERATURE", " ")).settings())
                .isEqualTo(ModelSettings.builder().build());
        // A region alone picks Bedrock with its default model.
        Model bedrock = ModelEnvironment.of(Map.of("AGENT_MODEL_REGION", "us-east-1",
                "AGENT_MODEL_ENDPOINT_OVERRIDE", "http://127.0.0.1:1")).model();
        assertThat(((BedrockConverseModel) bedrock).modelId()).isEqualTo(BedrockConverseModel.DEFAULT_MODEL_ID);
    }

    @Test
    void nothingSetRefusesToPickAModelAndNamesTheVariablesToSet() {
        assertThatThrownBy(() -> ModelEnvironment.of(Map.of("AGENT_MODEL_PROVIDER", "auto")).model())
                .isInstanceOfSatisfying(ModelSettingsException.class, e -> assertThat(e.notConfigured()).isTrue())
                .hasMessage("No model is configured: set AGENT_MODEL_PROVIDER to bedrock, openai or offline, or give "
                        + "AGENT_MODEL_MODEL_ID and AGENT_MODEL_REGION (Amazon Bedrock) or AGENT_MODEL_BASE_URL and "
                        + "AGENT_MODEL_MODEL_ID (an OpenAI-compatible server); the offline model runs only when "
                        + "AGENT_MODEL_PROVIDER is offline");
    }

    @Test
    void everyProviderIsReachedByTheVariablesThatChooseIt() {
        assertThat(ModelEnvironment.of(Map.of("AGENT_MODEL_PROVIDER", "offline")).model()).isInstanceOf(OfflineEchoModel.class);
        assertThat(ModelEnvironment.of(Map.of("AGENT_MODEL_PROVIDER", " OFFLINE ")).model()).isInstanceOf(OfflineEchoModel.class);
        assertThat(ModelEnvironment.of(Map.of("AGENT_MODEL_BASE_URL", "http://127.0.0.1:11434/v1",
                "AGENT_MODEL_MODEL_ID", "llama3.2")).model()).isInstanceOf(OpenAiCompatibleModel.class);
        assertThat(ModelEnvironment.of(Map.of("AGENT_MODEL_PROVIDER", "openai", "AGENT_MODEL_BASE_URL", "http://127.0.0.1:1/v1",
                "AGENT_MODEL_MODEL_ID", "m", "AGENT_MODEL_API_KEY", "sk-key", "AGENT_MODEL_TEMPERATURE", "1.5")).model())
                .isInstanceOf(OpenAiCompatibleModel.class);
        Model bedrock = ModelEnvironment.of(Map.of("AGENT_MODEL_MODEL_ID", "global.anthropic.claude-sonnet-4-6",
                "AGENT_MODEL_REGION", "us-west-2", "AGENT_MODEL_MAX_TOKENS", "256", "AGENT_MODEL_TEMPERATURE", "0.5")).model();
        assertThat(bedrock).isInstanceOf(BedrockConverseModel.class);
        assertThat(bedrock.description()).contains("model global.anthropic.claude-sonnet-4-6", "region us-west-2");
        assertThat(ModelEnvironment.of(Map.of("AGENT_MODEL_PROVIDER", "bedrock", "AGENT_MODEL_REGION", "us-west-2")).model())
                .isInstanceOf(BedrockConverseModel.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AGENT_MODEL_PROVIDER=gemini | Model setting AGENT_MODEL_PROVIDER has the unknown value 'gemini'; use bedrock, openai, offline or auto",
            "AGENT_MODEL_MAX_TOKENS=lots | AGENT_MODEL_MAX_TOKENS must be a whole number, was 'lots'",
            "AGENT_MODEL_MAX_TOKENS=2.5 | AGENT_MODEL_MAX_TOKENS must be a whole number, was '2.5'",
            "AGENT_MODEL_MAX_TOKENS=0 | AGENT_MODEL_MAX_TOKENS must be at least 1, was 0",
            "AGENT_MODEL_TEMPERATURE=warm | AGENT_MODEL_TEMPERATURE must be a number such as 0.7, was 'warm'",
            "AGENT_MODEL_TEMPERATURE=1.5 | AGENT_MODEL_TEMPERATURE must be between 0 and 1, was 1.5",
            "AGENT_MODEL_TEMPERATURE=NaN | AGENT_MODEL_TEMPERATURE must be between 0 and 1, was NaN",
            "AGENT_MODEL_ENDPOINT_OVERRIDE=not a url | Model setting AGENT_MODEL_ENDPOINT_OVERRIDE is not a URL: 'not a url'",
            // The spelling the user chose is the one named.
            "AGENT_MODEL_MAXTOKENS=-3 | AGENT_MODEL_MAXTOKENS must be at least 1, was -3",
    })
    void aBadValueIsRefusedNamingItsVariable(String variable, String message) {
        String[] pair = variable.split("=", 2);
        Map<String, String> environment = Map.of("AGENT_MODEL_REGION", "us-west-2", pair[0], pair[1]);

        assertThatThrownBy(() -> ModelEnvironment.of(environment).model())
                .isInstanceOfSatisfying(ModelSettingsException.class, e -> assertThat(e.notConfigured()).isFalse())
                .hasMessage(message);
    }

    @Test
    void theOpenAiProvidersOwnRequirementsNameTheirVariablesAndNeverTheKey() {
        Map<String, String> key = Map.of("AGENT_MODEL_API_KEY", "sk-secret-value");
        assertThatThrownBy(() -> ModelEnvironment.of(with(key, "AGENT_MODEL_PROVIDER", "openai", "AGENT_MODEL_MODEL_ID", "m")).model())
                .hasMessageStartingWith("Model setting AGENT_MODEL_BASE_URL is required for the openai provider")
                .message().doesNotContain("sk-secret-value");
        assertThatThrownBy(() -> ModelEnvironment.of(with(key, "AGENT_MODEL_BASE_URL", "http://127.0.0.1:1/v1")).model())
                .hasMessageStartingWith("Model setting AGENT_MODEL_MODEL_ID is required for the openai provider")
                .message().doesNotContain("sk-secret-value");
        assertThatThrownBy(() -> ModelEnvironment.of(with(key, "AGENT_MODEL_BASE_URL", "ftp://127.0.0.1/v1",
                "AGENT_MODEL_MODEL_ID", "m")).model())
                .hasMessage("AGENT_MODEL_BASE_URL must be an http or https URL, was 'ftp://127.0.0.1/v1'");
    }

    /** Spring Boot's order (agent-kit-spring-boot-starter's EnvironmentVariablesAgreeTest compares the two). */
    @Test
    void theSpellingsSpringAcceptsAreReadInSpringsOrder() {
        assertThat(ModelEnvironment.of(Map.of("AGENT_MODEL_MODEL_ID", "canonical", "agent_model_modelid", "lower")).settings()
                .modelId()).isEqualTo("canonical");
        assertThat(ModelEnvironment.of(Map.of("AGENT_MODEL_MODEL_ID", "canonical", "AGENT_MODEL_MODELID", "legacy")).settings()
                .modelId()).isEqualTo("legacy");
        assertThat(ModelEnvironment.of(Map.of("agent_model_provider", "offline")).settings().provider()).isEqualTo("offline");
        ModelEnvironment legacy = ModelEnvironment.of(Map.of("AGENT_MODEL_BASEURL", "http://x:1"));
        assertThat(legacy.variable(ModelSetting.BASE_URL)).isEqualTo("AGENT_MODEL_BASEURL");
        assertThat(legacy.variable(ModelSetting.MODEL_ID)).isEqualTo("AGENT_MODEL_MODEL_ID");
    }

    @Test
    void theLogSaysWhichModelRuns() {
        try (LogRecords log = LogRecords.of(ModelEnvironment.class)) {
            ModelEnvironment.of(Map.of("AGENT_MODEL_PROVIDER", "offline")).model();

            assertThat(log.messages()).singleElement().asString().startsWith("Model provider: offline (");
        }
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        java.util.HashMap<String, String> map = new java.util.HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
