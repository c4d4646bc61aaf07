package dev.agentcore.agent.model;

/** Token counts as the model reports them; summed over the model calls of one invocation. */
public record Usage(int inputTokens, int outputTokens, int totalTokens) {

    public static final Usage ZERO = new Usage(0, 0, 0);

    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                totalTokens + other.totalTokens);
    }
}
