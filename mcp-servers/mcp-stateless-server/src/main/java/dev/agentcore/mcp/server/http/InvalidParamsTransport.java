package dev.agentcore.mcp.server.http;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.agentcore.mcp.server.tools.BoundedText;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The SDK's stateless transport, except that request params the SDK cannot decode are a JSON-RPC Invalid params
 * error (-32602) answering the request's id.
 *
 * <p>Why: in MCP Java SDK 2.1.0 the stateless server decodes a request's params (into {@code CallToolRequest},
 * {@code ReadResourceRequest}, {@code CompleteRequest}, ...) before it builds the reply it turns errors into, so a
 * {@code tools/call} without params, or with {@code arguments} that are not an object, throws past that error
 * handling: the transport then answers HTTP 500 with {@code "id": null} and the Java exception text. Only the
 * decoding runs before the SDK's handler returns; the features' own failures still arrive as the SDK makes them.
 * The reason is said in JSON terms ({@code "arguments" must be an object, not an array}), never with Java types.
 *
 * <p>Also: a {@code tools/call} without a {@code name} is Invalid params saying so, and an unknown tool is named;
 * the SDK says "Unknown tool: invalid_tool_name" for both.
 */
final class InvalidParamsTransport implements McpStatelessServerTransport {

    private static final Logger log = LoggerFactory.getLogger(InvalidParamsTransport.class);

    private final McpStatelessServerTransport transport;

    InvalidParamsTransport(McpStatelessServerTransport transport) {
        this.transport = transport;
    }

    @Override
    public void setMcpHandler(McpStatelessServerHandler handler) {
        transport.setMcpHandler(new McpStatelessServerHandler() {
            @Override
            public Mono<JSONRPCResponse> handleRequest(McpTransportContext context, JSONRPCRequest request) {
                if (TOOLS_CALL.equals(request.method()) && request.params() instanceof Map<?, ?> params
                        && !(params.get("name") instanceof String name && !name.isEmpty())) {
                    return Mono.just(invalidParams(request, "\"name\" is required (a string naming the tool)"));
                }
                try {
                    Mono<JSONRPCResponse> response = handler.handleRequest(context, request);
                    return TOOLS_CALL.equals(request.method()) ? response.map(reply -> namingTheTool(request, reply)) : response;
                }
                catch (RuntimeException e) {
                    log.debug("Params of {} request {} not decoded: {}", request.method(), request.id(),
                            BoundedText.of(e.toString()));
                    return Mono.just(invalidParams(request, reason(request, e)));
                }
            }

            @Override
            public Mono<Void> handleNotification(McpTransportContext context, JSONRPCNotification notification) {
                return handler.handleNotification(context, notification);
            }
        });
    }

    @Override
    public Mono<Void> closeGracefully() {
        return transport.closeGracefully();
    }

    @Override
    public List<String> protocolVersions() {
        return transport.protocolVersions();
    }

    private static final String TOOLS_CALL = "tools/call";

    private static JSONRPCResponse invalidParams(JSONRPCRequest request, String reason) {
        return JSONRPCResponse.error(request.id(), new JSONRPCError(ErrorCodes.INVALID_PARAMS,
                "Invalid params for " + request.method() + ": " + reason, null));
    }

    /** The SDK's "Unknown tool: invalid_tool_name", with the name the client sent instead. */
    private static JSONRPCResponse namingTheTool(JSONRPCRequest request, JSONRPCResponse reply) {
        JSONRPCError error = reply.error();
        if (error == null || error.code() != ErrorCodes.INVALID_PARAMS || !String.valueOf(error.message()).startsWith("Unknown tool")
                || !(request.params() instanceof Map<?, ?> params)) {
            return reply;
        }
        String name = BoundedText.of(String.valueOf(params.get("name")), 100);
        Object data = error.data() instanceof String text ? BoundedText.of(text, 200) : error.data();
        return JSONRPCResponse.error(reply.id(), new JSONRPCError(error.code(), "Unknown tool: " + name, data));
    }

    private static String reason(JSONRPCRequest request, RuntimeException e) {
        if (request.params() == null) {
            return "params are required";
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                return mismatch(request.params(), mismatch);
            }
        }
        return "params do not match the MCP schema of " + request.method();
    }

    /** {@code "arguments" must be an object, not an array}: the member, the JSON type wanted and the one sent. */
    private static String mismatch(Object params, MismatchedInputException e) {
        StringBuilder member = new StringBuilder();
        Object value = params;
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                member.append(member.isEmpty() ? "" : ".").append(reference.getPropertyName());
                value = value instanceof Map<?, ?> map ? map.get(reference.getPropertyName()) : null;
            }
            else {
                member.append('[').append(reference.getIndex()).append(']');
                value = value instanceof List<?> list && reference.getIndex() >= 0 && reference.getIndex() < list.size()
                        ? list.get(reference.getIndex()) : null;
            }
        }
        return "\"" + BoundedText.of(member.toString(), 200) + "\" must be " + jsonType(e.getTargetType())
                + ", not " + jsonTypeOf(value);
    }

    private static String jsonType(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        return "an object";
    }

    private static String jsonTypeOf(Object value) {
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return "null";
    }
}
