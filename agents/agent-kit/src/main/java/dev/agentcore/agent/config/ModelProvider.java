package dev.agentcore.agent.config;

import java.util.Locale;

/** Which kind of model {@link ModelFactory} builds. */
public enum ModelProvider {
    /** Amazon Bedrock ConverseStream. */
    BEDROCK("bedrock"),
    /** An OpenAI-compatible chat-completions endpoint. */
    OPENAI("openai"),
    /** The deterministic offline model; no network. */
    OFFLINE("offline");

    private final String settingValue;

    ModelProvider(String settingValue) {
        this.settingValue = settingValue;
    }

    /** The value the {@code provider} setting gives for this provider, for example {@code openai}. */
    public String settingValue() {
        return settingValue;
    }

    /**
     * Parses {@code bedrock}, {@code openai} or {@code offline} in any case; null for empty or {@code auto}.
     *
     * @throws IllegalArgumentException for anything else, naming the accepted values
     */
    public static ModelProvider parse(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("auto")) {
            return null;
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (ModelProvider provider : values()) {
            if (provider.settingValue.equals(wanted)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("Model setting 'provider' has the unknown value '" + value.strip()
                + "'; use bedrock, openai, offline or auto");
    }
}
