package dev.agentcore.agent.spring;

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
                ? """
                  Choose the agent's model with one of:
                    agent.model.provider=offline (AGENT_MODEL_PROVIDER=offline): the deterministic offline model, no AWS account
                    agent.model.model-id and agent.model.region (AGENT_MODEL_MODEL_ID, AGENT_MODEL_REGION): Amazon Bedrock
                    agent.model.base-url and agent.model.model-id (AGENT_MODEL_BASE_URL, AGENT_MODEL_MODEL_ID): an OpenAI-compatible server
                  as properties (--agent.model.provider=offline, application.properties) or environment variables."""
                : "Correct the agent.model.* setting named above (property or environment variable).";
        return new FailureAnalysis(cause.getMessage(), action, cause);
    }
}
