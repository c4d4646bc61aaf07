package dev.agentcore.agent.config;

import dev.agentcore.agent.bedrock.BedrockConverseModel;
import dev.agentcore.agent.model.Model;
import dev.agentcore.agent.offline.OfflineEchoModel;
import dev.agentcore.agent.openai.OpenAiCompatibleModel;
import java.net.URI;

/**
 * Builds the model that {@link ModelSettings} ask for. Log {@link Model#description()} to say which one
 * was picked.
 */
public final class ModelFactory {

    private ModelFactory() {
    }

    /**
     * The provider: the one named in {@code provider}; else {@code openai} when a base URL is given; else
     * {@code bedrock} when a model id, region or endpoint is given. The offline model only when named.
     *
     * @throws ModelNotConfiguredException when nothing chooses a provider
     */
    public static ModelProvider provider(ModelSettings settings) {
        ModelProvider named = ModelProvider.parse(settings.provider());
        if (named != null) {
            return named;
        }
        if (hasText(settings.baseUrl())) {
            return ModelProvider.OPENAI;
        }
        if (hasText(settings.modelId()) || hasText(settings.region()) || hasText(settings.endpointOverride())) {
            return ModelProvider.BEDROCK;
        }
        throw new ModelNotConfiguredException();
    }

    /**
     * @throws ModelNotConfiguredException when nothing chooses a provider
     * @throws IllegalArgumentException    when a setting is missing or invalid; the message names the setting
     */
    public static Model create(ModelSettings settings) {
        return switch (provider(settings)) {
            case BEDROCK -> bedrock(settings);
            case OPENAI -> openAi(settings);
            case OFFLINE -> new OfflineEchoModel();
        };
    }

    /**
     * What a start-up log says of the model {@code settings} gave: {@code Model provider: offline (<description>)},
     * the line the Spring starter and {@link ModelEnvironment} both write.
     */
    public static String startupLine(ModelSettings settings, Model model) {
        return "Model provider: " + provider(settings).settingValue() + " (" + model.description() + ")";
    }

    private static Model bedrock(ModelSettings settings) {
        BedrockConverseModel.Builder builder = BedrockConverseModel.builder()
                .region(settings.region())
                .maxTokens(settings.maxTokens())
                .temperature(settings.temperature());
        if (hasText(settings.modelId())) {
            builder.modelId(settings.modelId());
        }
        if (hasText(settings.endpointOverride())) {
            builder.endpointOverride(uri("endpointOverride", settings.endpointOverride()));
        }
        return builder.build();
    }

    private static Model openAi(ModelSettings settings) {
        if (!hasText(settings.baseUrl())) {
            throw new IllegalArgumentException("Model setting 'baseUrl' is required for the openai provider, "
                    + "for example http://localhost:11434/v1");
        }
        if (!hasText(settings.modelId())) {
            throw new IllegalArgumentException("Model setting 'modelId' is required for the openai provider: "
                    + "the model name the server knows, for example llama3.2");
        }
        uri("baseUrl", settings.baseUrl());
        return OpenAiCompatibleModel.builder()
                .baseUrl(settings.baseUrl())
                .model(settings.modelId())
                .apiKey(settings.apiKey())
                .maxTokens(settings.maxTokens())
                .temperature(settings.temperature())
                .build();
    }

    private static URI uri(String setting, String value) {
        try {
            URI uri = URI.create(value.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Model setting '" + setting + "' is not a URL: '" + value + "'");
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
