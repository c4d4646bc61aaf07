package dev.agentcore.agent.spring;

import dev.agentcore.agent.config.ModelNotConfiguredException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code agent.model.*} settings choose no model or an unusable one. The message names each setting as
 * its property and its environment variable, as a user sets them; {@link AgentModelFailureAnalyzer} turns it
 * into Spring Boot's start-up report without a stack trace.
 */
public final class AgentModelSettingsException extends IllegalStateException {

    static final String PREFIX = "agent.model.";

    // The agent kit names settings by their ModelSettings names in quotes, for example 'baseUrl'; a quoted
    // value (the unknown provider 'gemini') is left as it is.
    private static final Pattern SETTING = Pattern.compile(
            "'(provider|modelId|region|baseUrl|apiKey|endpointOverride|maxTokens|temperature)'");

    private final boolean notConfigured;

    AgentModelSettingsException(IllegalArgumentException cause) {
        super("agent.model.*: " + withPropertyNames(cause.getMessage()), cause);
        this.notConfigured = cause instanceof ModelNotConfiguredException;
    }

    /** True when nothing chose a model, as opposed to a setting that is wrong. */
    public boolean notConfigured() {
        return notConfigured;
    }

    /** {@code 'baseUrl'} becomes {@code agent.model.base-url (AGENT_MODEL_BASE_URL)}. */
    static String withPropertyNames(String message) {
        Matcher m = SETTING.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String property = PREFIX + m.group(1).replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            m.appendReplacement(out, Matcher.quoteReplacement(property + " (" + environmentVariable(property) + ")"));
        }
        return m.appendTail(out).toString();
    }

    /** The environment variable Spring Boot's relaxed binding reads for a property. */
    static String environmentVariable(String property) {
        return property.replace('.', '_').replace("-", "_").toUpperCase(Locale.ROOT);
    }
}
