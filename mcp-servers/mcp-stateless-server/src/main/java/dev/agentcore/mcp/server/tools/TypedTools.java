package dev.agentcore.mcp.server.tools;

import io.modelcontextprotocol.json.McpJsonMapper;

/** Starts {@link TypedTool} definitions that share one schema generator and the server's JSON mapper. */
public final class TypedTools {

    private final McpJsonMapper json;
    private final ToolSchemas schemas;

    public TypedTools(McpJsonMapper json) {
        this.json = json;
        this.schemas = new ToolSchemas(json);
    }

    public <I, O> TypedTool<I, O> tool(String name, Class<I> input, Class<O> output) {
        return new TypedTool<>(name, input, output, schemas, json);
    }

    public ToolSchemas schemas() {
        return schemas;
    }
}
