package dev.agentcore.samples.coach;

import dev.agentcore.agent.Agent;
import dev.agentcore.agent.AgentEvent;
import dev.agentcore.agent.model.Model;
import dev.agentcore.runtime.core.AgentCoreContext;
import dev.agentcore.runtime.core.AgentCoreHttpException;
import java.util.stream.Stream;

/**
 * Streams every step of the tool loop as one event each: {@code text_delta}, {@code tool_use},
 * {@code tool_result} and a {@code final} event with the stop reason and token usage.
 */
final class FitnessCoach {

    static final String SYSTEM_PROMPT = """
            You are a running coach. Use the tools for every number (pace, VO2 max, heart-rate zones) \
            instead of estimating it yourself, then explain the result in two or three sentences.""";

    record Prompt(String prompt) {
    }

    private final Model model;
    private final TrainingCalculators calculators;

    FitnessCoach(Model model, TrainingCalculators calculators) {
        this.model = model;
        this.calculators = calculators;
    }

    /** The entry point: {@code POST /invocations}. */
    Stream<AgentEvent> invoke(Prompt payload, AgentCoreContext context) {
        if (payload == null || payload.prompt() == null || payload.prompt().isBlank()) {
            throw new AgentCoreHttpException(400, "the payload needs a \"prompt\" string");
        }
        // A fresh agent per invocation: the coach answers one question at a time.
        Agent agent = Agent.builder().model(model).systemPrompt(SYSTEM_PROMPT).tools(calculators).build();
        return agent.streamEvents(payload.prompt());
    }
}
