package dev.agentcore.samples.hello;

import dev.agentcore.agent.Agent;
import dev.agentcore.agent.model.Model;
import dev.agentcore.runtime.core.AgentCoreContext;
import dev.agentcore.runtime.core.AgentCoreHttpException;
import java.util.stream.Stream;

/**
 * The seed's hello world in Java: each text delta of the answer becomes one {@code data: "..."} event,
 * as {@code yield chunk["data"]} does in the Python original. Each AgentCore session keeps its own
 * conversation.
 */
final class HelloAgent {

    static final String SYSTEM_PROMPT = "You are a friendly running coach. Answer in a few sentences.";

    /** The payload: {@code {"prompt": "What is VO2 max?"}}. */
    record Prompt(String prompt) {
    }

    private final SessionAgents agents;

    HelloAgent(Model model) {
        this.agents = new SessionAgents(() -> Agent.builder().model(model).systemPrompt(SYSTEM_PROMPT).build());
    }

    /** The entry point: {@code POST /invocations}. */
    Stream<String> invoke(Prompt payload, AgentCoreContext context) {
        if (payload == null || payload.prompt() == null || payload.prompt().isBlank()) {
            throw new AgentCoreHttpException(400, "the payload needs a \"prompt\" string");
        }
        return agents.answer(context.sessionId(), payload.prompt());
    }
}
