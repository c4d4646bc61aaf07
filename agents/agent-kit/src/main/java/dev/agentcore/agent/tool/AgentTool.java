package dev.agentcore.agent.tool;

import dev.agentcore.agent.model.ToolResultContent;
import dev.agentcore.agent.model.ToolSpec;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A tool as the agent runs it. {@link Tool}-annotated methods become one of these; implement it directly
 * for tools whose shape is only known at run time. Implementations must be safe to call concurrently.
 */
public interface AgentTool {

    ToolSpec spec();

    /**
     * Runs the tool with the model's input (a JSON object). A thrown exception becomes an error result
     * that the model sees; an {@link IllegalArgumentException}'s message is passed on as it is.
     */
    List<ToolResultContent> call(JsonNode input) throws Exception;
}
