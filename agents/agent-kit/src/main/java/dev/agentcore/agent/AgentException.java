package dev.agentcore.agent;

/**
 * The agent loop could not finish an invocation. Failures of the model call itself are
 * {@link dev.agentcore.agent.model.ModelException}s. Either way the conversation is left as it was
 * before the invocation.
 */
public class AgentException extends RuntimeException {

    public AgentException(String message) {
        super(message);
    }
}
