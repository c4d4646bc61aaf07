package dev.agentcore.agent.config;

/**
 * The model settings choose no model, or an unusable one. The message names each setting as its user sets it (for
 * {@link ModelEnvironment}, the environment variable) and never holds the API key.
 */
public final class ModelSettingsException extends IllegalArgumentException {

    private final boolean notConfigured;

    ModelSettingsException(String message, boolean notConfigured, Throwable cause) {
        super(message, cause);
        this.notConfigured = notConfigured;
    }

    /** True when nothing chose a model, as opposed to a setting that is wrong. */
    public boolean notConfigured() {
        return notConfigured;
    }
}
