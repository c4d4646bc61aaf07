package dev.agentcore.agent;

/** The model kept asking for tools after {@code maxCycles} model calls in one invocation. */
public class MaxCyclesExceededException extends AgentException {

    private final int maxCycles;

    public MaxCyclesExceededException(int maxCycles) {
        super("The agent stopped after " + maxCycles + " model calls because the model still asked for tools "
                + "(maxCycles=" + maxCycles + "); the conversation was left as it was before this prompt");
        this.maxCycles = maxCycles;
    }

    public int maxCycles() {
        return maxCycles;
    }
}
