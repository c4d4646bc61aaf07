package dev.agentcore.agent;

import dev.agentcore.agent.model.Message;
import dev.agentcore.agent.model.StopReason;
import dev.agentcore.agent.model.Usage;

/**
 * The outcome of one invocation: the final answer's text, why the model stopped, the tokens used by all
 * model calls of the invocation, the final assistant message and how many model calls it took.
 */
public record AgentResult(String text, StopReason stopReason, Usage usage, Message message, int cycles) {}
