package dev.agentcore.mcp.server.tools;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;

/**
 * An MCP tool defined by a plain function from an input record to an output record: the input record gives the
 * {@code inputSchema}, the output record the {@code outputSchema}, and each call returns the output as
 * {@code structuredContent} plus the same JSON as text for clients that read only {@code content}.
 *
 * <p>Arguments are checked against the input schema by the SDK before the function runs. Rules a schema cannot say
 * ("resting heart rate below maximum") belong in the function: it throws {@link IllegalArgumentException} with a
 * message naming the argument, and the caller gets a tool error ({@code isError: true}) it can correct, as the MCP
 * specification asks for input validation errors.
 *
 * <pre>{@code
 * typedTools.tool("echo", EchoArguments.class, Echo.class)
 *     .description("Echo a message back to the user.")
 *     .readOnly()
 *     .handledBy(arguments -> new Echo(arguments.message()));
 * }</pre>
 *
 * @param <I> input record
 * @param <O> output record
 */
public final class TypedTool<I, O> {

    private static final Logger log = LoggerFactory.getLogger(TypedTool.class);
    private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {
    };

    private final String name;
    private final Class<I> input;
    private final Class<O> output;
    private final ToolSchemas schemas;
    private final McpJsonMapper json;
    private String title;
    private String description;
    private boolean readOnly;

    TypedTool(String name, Class<I> input, Class<O> output, ToolSchemas schemas, McpJsonMapper json) {
        this.name = Objects.requireNonNull(name, "name");
        this.input = Objects.requireNonNull(input, "input");
        this.output = Objects.requireNonNull(output, "output");
        this.schemas = schemas;
        this.json = json;
    }

    public TypedTool<I, O> title(String title) {
        this.title = title;
        return this;
    }

    public TypedTool<I, O> description(String description) {
        this.description = description;
        return this;
    }

    /** Marks the tool as a pure calculation: no side effects, same answer for the same input. */
    public TypedTool<I, O> readOnly() {
        this.readOnly = true;
        return this;
    }

    public SyncToolSpecification handledBy(Function<? super I, ? extends O> function) {
        Tool.Builder tool = Tool.builder()
                .name(name)
                .title(title)
                .description(Objects.requireNonNull(description, "description of tool " + name))
                .inputSchema(schemas.of(input))
                .outputSchema(schemas.of(output));
        if (readOnly) {
            tool.annotations(new ToolAnnotations(title, true, false, true, false, null));
        }
        return SyncToolSpecification.builder()
                .tool(tool.build())
                .callHandler((context, request) -> call(function, request))
                .build();
    }

    private CallToolResult call(Function<? super I, ? extends O> function, CallToolRequest request) {
        O result;
        try {
            I arguments = json.convertValue(request.arguments() == null ? Map.of() : request.arguments(), input);
            result = function.apply(arguments);
        }
        catch (IllegalArgumentException e) {
            // Bad input the schema could not express (Jackson's conversion errors are IllegalArgumentExceptions too).
            return error(BoundedText.of("Invalid arguments for tool " + name + ": " + e.getMessage()));
        }
        catch (RuntimeException e) {
            log.warn("Tool {} failed", name, e);
            return error("Tool " + name + " failed unexpectedly; see the server log");
        }
        try {
            return CallToolResult.builder()
                    .content(List.of(new TextContent(json.writeValueAsString(result))))
                    .structuredContent(json.convertValue(result, MAP))
                    .isError(false)
                    .build();
        }
        catch (IOException e) {
            log.warn("Tool {} returned a result that does not serialise", name, e);
            return error("Tool " + name + " failed unexpectedly; see the server log");
        }
    }

    private static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
