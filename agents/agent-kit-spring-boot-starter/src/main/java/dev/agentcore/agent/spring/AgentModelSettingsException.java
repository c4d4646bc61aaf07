package dev.agentcore.agent.spring;

import dev.agentcore.agent.config.ModelNotConfiguredException;
import dev.agentcore.agent.config.ModelSetting;

/**
 * The {@code agent.model.*} settings choose no model or an unusable one. The message names each setting as
 * its property and its environment variable, as a user sets them; {@link AgentModelFailureAnalyzer} turns it
 * into Spring Boot's start-up report without a stack trace.
 */
public final class AgentModelSettingsException extends IllegalStateException {

    private final boolean notConfigured;

    AgentModelSettingsException(IllegalArgumentException cause) {
        super(ModelSetting.PROPERTY_PREFIX + ".*: " + withPropertyNames(cause.getMessage()), cause);
        this.notConfigured = cause instanceof ModelNotConfiguredException;
    }

    /** True when nothing chose a model, as opposed to a setting that is wrong. */
    public boolean notConfigured() {
        return notConfigured;
    }

    /** {@code 'baseUrl'} becomes {@code agent.model.base-url (AGENT_MODEL_BASE_URL)}. */
    static String withPropertyNames(String message) {
        return ModelSetting.renameIn(message, AgentModelSettingsException::named);
    }

    /** A setting as this starter's users set it: its property, then its environment variable. */
    private static String named(ModelSetting setting) {
        return setting.property() + " (" + setting.environmentVariable() + ")";
    }
}
