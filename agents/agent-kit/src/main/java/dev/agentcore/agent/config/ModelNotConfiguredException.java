package dev.agentcore.agent.config;

/**
 * No setting chose a model. The offline model is never a silent default: an agent deployed without its
 * model settings would otherwise answer every prompt with {@code [offline model] ...} and HTTP 200.
 */
public final class ModelNotConfiguredException extends IllegalArgumentException {

    public ModelNotConfiguredException() {
        super("No model is configured: set 'provider' to bedrock, openai or offline, or give 'modelId' and 'region' "
                + "(Amazon Bedrock) or 'baseUrl' and 'modelId' (an OpenAI-compatible server); "
                + "the offline model runs only when 'provider' is offline");
    }
}
