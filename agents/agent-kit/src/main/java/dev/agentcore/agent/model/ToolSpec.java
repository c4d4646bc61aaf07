package dev.agentcore.agent.model;

import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/** What a model is told about a tool: the Bedrock {@code toolSpec} shape with the input JSON Schema. */
public record ToolSpec(String name, String description, ObjectNode inputSchema) {

    public ToolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(inputSchema, "inputSchema");
    }
}
