package dev.agentcore.agent;

/**
 * A second invocation was started on an agent that is still answering one; as in Strands, one agent holds
 * one conversation and answers one prompt at a time. Use one agent per session.
 */
public class ConcurrentInvocationException extends AgentException {

    public ConcurrentInvocationException() {
        super("This agent is still answering another prompt; an Agent answers one prompt at a time "
                + "(use one Agent per session, or wait for the first invocation to finish)");
    }
}
