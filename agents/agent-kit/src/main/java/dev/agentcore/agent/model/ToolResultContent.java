package dev.agentcore.agent.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One piece of a tool's result, in the Bedrock Converse shape: {@code {"text": "..."}} or
 * {@code {"json": {...}}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({@JsonSubTypes.Type(ToolResultContent.Text.class), @JsonSubTypes.Type(ToolResultContent.Json.class)})
public sealed interface ToolResultContent {

    /** The content as text: the text itself, or the JSON written compactly. */
    String asText();

    record Text(String text) implements ToolResultContent {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String asText() {
            return text;
        }
    }

    record Json(JsonNode json) implements ToolResultContent {
        public Json {
            Objects.requireNonNull(json, "json");
        }

        @Override
        public String asText() {
            return json.toString();
        }
    }
}
