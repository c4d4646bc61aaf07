package dev.agentcore.agent;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.agentcore.agent.model.StopReason;
import dev.agentcore.agent.model.ToolResultContent;
import dev.agentcore.agent.model.Usage;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What an agent streams while it answers, in order: text deltas as the model produces them, each tool
 * request once the model finished asking, each tool result as its tool finishes, and one {@link Final}.
 * Each serialises to one JSON object with a {@code type} field, for example
 * {@code {"type":"text_delta","text":"Hel"}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AgentEvent.TextDelta.class, name = "text_delta"),
    @JsonSubTypes.Type(value = AgentEvent.ToolUse.class, name = "tool_use"),
    @JsonSubTypes.Type(value = AgentEvent.ToolResult.class, name = "tool_result"),
    @JsonSubTypes.Type(value = AgentEvent.Final.class, name = "final")
})
public sealed interface AgentEvent {

    /** A piece of the answer's text (Strands' {@code data}). */
    record TextDelta(String text) implements AgentEvent {}

    /** The model asked for a tool; it runs next. */
    record ToolUse(String toolUseId, String name, JsonNode input) implements AgentEvent {}

    /** A tool finished; {@code status} is {@code "success"} or {@code "error"}. */
    record ToolResult(String toolUseId, String status, List<ToolResultContent> content) implements AgentEvent {}

    /** The invocation is complete. */
    record Final(String text, StopReason stopReason, Usage usage) implements AgentEvent {}
}
