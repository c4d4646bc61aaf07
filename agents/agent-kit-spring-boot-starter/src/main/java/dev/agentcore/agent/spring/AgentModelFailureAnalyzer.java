package dev.agentcore.agent.spring;

import dev.agentcore.agent.config.ModelSetting;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports unusable {@code agent.model.*} settings as Spring Boot's "APPLICATION FAILED TO START" with what
 * to set, instead of a stack trace.
 */
public final class AgentModelFailureAnalyzer extends AbstractFailureAnalyzer<AgentModelSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AgentModelSettingsException cause) {
        String action = cause.notConfigured()
                ? "Choose the agent's model with one of:\n"
                  + "  " + assignment(ModelSetting.PROVIDER, "offline") + ": the deterministic offline model, no AWS account\n"
                  + "  " + both(ModelSetting.MODEL_ID, ModelSetting.REGION) + ": Amazon Bedrock\n"
                  + "  " + both(ModelSetting.BASE_URL, ModelSetting.MODEL_ID) + ": an OpenAI-compatible server\n"
                  + "as properties (--" + ModelSetting.PROVIDER.property() + "=offline, application.properties) or "
                  + "environment variables."
                : "Correct the " + ModelSetting.PROPERTY_PREFIX + ".* setting named above (property or environment variable).";
        return new FailureAnalysis(cause.getMessage(), action, cause);
    }

    /** {@code agent.model.provider=offline (AGENT_MODEL_PROVIDER=offline)}. */
    private static String assignment(ModelSetting setting, String value) {
        return setting.property() + "=" + value + " (" + setting.environmentVariable() + "=" + value + ")";
    }

    /** {@code agent.model.model-id and agent.model.region (AGENT_MODEL_MODEL_ID, AGENT_MODEL_REGION)}. */
    private static String both(ModelSetting first, ModelSetting second) {
        return first.property() + " and " + second.property() + " (" + first.environmentVariable() + ", "
                + second.environmentVariable() + ")";
    }
}
