package dev.agentcore.agent.spring;

import dev.agentcore.agent.config.ModelSetting;
import dev.agentcore.agent.config.ModelSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code agent.model.*}: which model the agent uses. A base URL picks an OpenAI-compatible server; a model id
 * or region picks Amazon Bedrock; the offline model runs only with {@code provider=offline}. With nothing set
 * the agent refuses to start, so a deployed runtime never answers from the offline model by accident.
 * Environment variables work as usual ({@code AGENT_MODEL_PROVIDER}, {@code AGENT_MODEL_MODEL_ID},
 * {@code AGENT_MODEL_BASE_URL}, ...), and mean the same to an agent without Spring ({@code ModelEnvironment});
 * {@link ModelSetting} holds every name.
 *
 * @param provider         {@code bedrock}, {@code openai}, {@code offline} or {@code auto} (the default: decide
 *                         from the other settings)
 * @param modelId          Bedrock model or inference profile id, or the OpenAI-compatible model name
 * @param region           AWS region for Bedrock; the SDK's region chain when unset
 * @param baseUrl          OpenAI-compatible base URL, for example {@code http://localhost:11434/v1}
 * @param apiKey           OpenAI-compatible API key
 * @param endpointOverride Bedrock endpoint override (a VPC endpoint, a local stub)
 * @param maxTokens        most tokens per model call
 * @param temperature      sampling temperature
 */
@ConfigurationProperties(ModelSetting.PROPERTY_PREFIX)
public record AgentModelProperties(String provider, String modelId, String region, String baseUrl, String apiKey,
                                   String endpointOverride, Integer maxTokens, Double temperature) {

    ModelSettings toSettings() {
        return ModelSettings.builder()
                .provider(provider)
                .modelId(modelId)
                .region(region)
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .endpointOverride(endpointOverride)
                .maxTokens(maxTokens)
                .temperature(temperature)
                .build();
    }
}
