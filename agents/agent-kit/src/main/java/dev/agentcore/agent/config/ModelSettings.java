package dev.agentcore.agent.config;

/**
 * Plain settings that pick and configure a model, for mapping from configuration properties. Every field
 * may be null.
 *
 * @param provider         {@code bedrock}, {@code openai}, {@code offline}, or {@code auto}/empty to decide
 *                         from the other settings (see {@link ModelFactory#provider})
 * @param modelId          Bedrock model or inference profile id, or the OpenAI-compatible model name
 * @param region           AWS region for Bedrock; the SDK's region chain when empty
 * @param baseUrl          OpenAI-compatible base URL, for example {@code http://localhost:11434/v1}
 * @param apiKey           OpenAI-compatible API key; none when empty
 * @param endpointOverride Bedrock endpoint override, for example a VPC endpoint or a local stub
 * @param maxTokens        the most tokens the model may generate per call
 * @param temperature      sampling temperature
 */
public record ModelSettings(String provider, String modelId, String region, String baseUrl, String apiKey,
                            String endpointOverride, Integer maxTokens, Double temperature) {

    /** No settings: the offline model. */
    public static ModelSettings none() {
        return new ModelSettings(null, null, null, null, null, null, null, null);
    }

    public static ModelSettings bedrock(String modelId, String region) {
        return new ModelSettings("bedrock", modelId, region, null, null, null, null, null);
    }

    public static ModelSettings openAi(String baseUrl, String modelName, String apiKey) {
        return new ModelSettings("openai", modelName, null, baseUrl, apiKey, null, null, null);
    }

    public static ModelSettings offline() {
        return new ModelSettings("offline", null, null, null, null, null, null, null);
    }

    /** Describes these settings without the API key. */
    @Override
    public String toString() {
        return "ModelSettings[provider=" + provider + ", modelId=" + modelId + ", region=" + region + ", baseUrl="
                + baseUrl + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "none" : "****") + ", endpointOverride="
                + endpointOverride + ", maxTokens=" + maxTokens + ", temperature=" + temperature + "]";
    }
}
