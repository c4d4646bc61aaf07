package dev.agentcore.agent.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** One block of a message's content, as in Bedrock Converse: text, a tool request or a tool result. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ContentBlock.Text.class, name = "text"),
    @JsonSubTypes.Type(value = ContentBlock.ToolUse.class, name = "tool_use"),
    @JsonSubTypes.Type(value = ContentBlock.ToolResult.class, name = "tool_result")
})
public sealed interface ContentBlock {

    record Text(String text) implements ContentBlock {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The model asks for a tool to be run with {@code input} (a JSON object). */
    record ToolUse(String toolUseId, String name, JsonNode input) implements ContentBlock {
        public ToolUse {
            Objects.requireNonNull(toolUseId, "toolUseId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(input, "input");
        }
    }

    /** The outcome of the tool run for {@code toolUseId}. */
    record ToolResult(String toolUseId, Status status, List<ToolResultContent> content) implements ContentBlock {
        public ToolResult {
            Objects.requireNonNull(toolUseId, "toolUseId");
            Objects.requireNonNull(status, "status");
            content = List.copyOf(content);
        }

        public static ToolResult success(String toolUseId, List<ToolResultContent> content) {
            return new ToolResult(toolUseId, Status.SUCCESS, content);
        }

        public static ToolResult error(String toolUseId, String message) {
            return new ToolResult(toolUseId, Status.ERROR, List.of(new ToolResultContent.Text(message)));
        }

        /** All content as one text, the JSON parts written compactly. */
        public String text() {
            StringBuilder out = new StringBuilder();
            for (ToolResultContent part : content) {
                out.append(part.asText());
            }
            return out.toString();
        }

        public enum Status {
            SUCCESS("success"),
            ERROR("error");

            private final String wireName;

            Status(String wireName) {
                this.wireName = wireName;
            }

            @JsonValue
            public String wireName() {
                return wireName;
            }
        }
    }
}
