package dev.agentcore.agent.config;

import java.util.Locale;

/** Which kind of model {@link ModelFactory} builds. */
public enum ModelProvider {
    /** Amazon Bedrock ConverseStream. */
    BEDROCK,
    /** An OpenAI-compatible chat-completions endpoint. */
    OPENAI,
    /** The deterministic offline model; no network. */
    OFFLINE;

    /**
     * Parses {@code bedrock}, {@code openai} or {@code offline} in any case; null for empty or {@code auto}.
     *
     * @throws IllegalArgumentException for anything else, naming the accepted values
     */
    public static ModelProvider parse(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Model setting 'provider' has the unknown value '" + value.strip()
                    + "'; use bedrock, openai, offline or auto");
        }
    }
}
