package dev.agentcore.agent.config;

import java.util.Objects;

/**
 * Plain settings that pick and configure a model, for mapping from configuration properties. Built with
 * {@link #builder()} or a named factory ({@link #bedrock}, {@link #openAi}, {@link #offline}), in the AWS SDK's
 * style; a setting that is not given is null.
 */
public final class ModelSettings {

    private final String provider;
    private final String modelId;
    private final String region;
    private final String baseUrl;
    private final String apiKey;
    private final String endpointOverride;
    private final Integer maxTokens;
    private final Double temperature;

    private ModelSettings(Builder builder) {
        this.provider = builder.provider;
        this.modelId = builder.modelId;
        this.region = builder.region;
        this.baseUrl = builder.baseUrl;
        this.apiKey = builder.apiKey;
        this.endpointOverride = builder.endpointOverride;
        this.maxTokens = builder.maxTokens;
        this.temperature = builder.temperature;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Amazon Bedrock with this model (null: the default) in this region (null: the SDK's region chain). */
    public static ModelSettings bedrock(String modelId, String region) {
        return builder().provider(ModelProvider.BEDROCK).modelId(modelId).region(region).build();
    }

    /** An OpenAI-compatible server; {@code apiKey} may be null when the server needs none. */
    public static ModelSettings openAi(String baseUrl, String modelName, String apiKey) {
        return builder().provider(ModelProvider.OPENAI).baseUrl(baseUrl).modelId(modelName).apiKey(apiKey).build();
    }

    /** The deterministic offline model, asked for by name. */
    public static ModelSettings offline() {
        return builder().provider(ModelProvider.OFFLINE).build();
    }

    /** {@code bedrock}, {@code openai}, {@code offline}, or {@code auto}/null to decide from the other settings. */
    public String provider() {
        return provider;
    }

    /** The Bedrock model or inference profile id, or the OpenAI-compatible model name. */
    public String modelId() {
        return modelId;
    }

    /** The AWS region for Bedrock; the SDK's region chain when null. */
    public String region() {
        return region;
    }

    /** The OpenAI-compatible base URL, for example {@code http://localhost:11434/v1}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The OpenAI-compatible API key; none when null. */
    public String apiKey() {
        return apiKey;
    }

    /** A Bedrock endpoint override, for example a VPC endpoint or a local stub. */
    public String endpointOverride() {
        return endpointOverride;
    }

    /** The most tokens the model may generate per call. */
    public Integer maxTokens() {
        return maxTokens;
    }

    /** The sampling temperature. */
    public Double temperature() {
        return temperature;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSettings other
                && Objects.equals(provider, other.provider) && Objects.equals(modelId, other.modelId)
                && Objects.equals(region, other.region) && Objects.equals(baseUrl, other.baseUrl)
                && Objects.equals(apiKey, other.apiKey) && Objects.equals(endpointOverride, other.endpointOverride)
                && Objects.equals(maxTokens, other.maxTokens) && Objects.equals(temperature, other.temperature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, modelId, region, baseUrl, apiKey, endpointOverride, maxTokens, temperature);
    }

    /** Describes these settings without the API key. */
    @Override
    public String toString() {
        return "ModelSettings[provider=" + provider + ", modelId=" + modelId + ", region=" + region + ", baseUrl="
                + baseUrl + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "none" : "****") + ", endpointOverride="
                + endpointOverride + ", maxTokens=" + maxTokens + ", temperature=" + temperature + "]";
    }

    public static final class Builder {
        private String provider;
        private String modelId;
        private String region;
        private String baseUrl;
        private String apiKey;
        private String endpointOverride;
        private Integer maxTokens;
        private Double temperature;

        private Builder() {
        }

        private Builder(ModelSettings settings) {
            this.provider = settings.provider;
            this.modelId = settings.modelId;
            this.region = settings.region;
            this.baseUrl = settings.baseUrl;
            this.apiKey = settings.apiKey;
            this.endpointOverride = settings.endpointOverride;
            this.maxTokens = settings.maxTokens;
            this.temperature = settings.temperature;
        }

        /** The provider as configured: {@code bedrock}, {@code openai}, {@code offline}, {@code auto} or null. */
        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        public Builder provider(ModelProvider provider) {
            this.provider = provider == null ? null : provider.settingValue();
            return this;
        }

        public Builder modelId(String modelId) {
            this.modelId = modelId;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder endpointOverride(String endpointOverride) {
            this.endpointOverride = endpointOverride;
            return this;
        }

        public Builder maxTokens(Integer maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        public Builder temperature(Double temperature) {
            this.temperature = temperature;
            return this;
        }

        public ModelSettings build() {
            return new ModelSettings(this);
        }
    }
}
