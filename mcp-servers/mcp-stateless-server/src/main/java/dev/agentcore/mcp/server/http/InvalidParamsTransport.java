package dev.agentcore.mcp.server.http;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import reactor.core.publisher.Mono;

/**
 * The SDK's stateless transport, except that request params the SDK cannot decode are a JSON-RPC Invalid params
 * error (-32602) answering the request's id.
 *
 * <p>Why: in MCP Java SDK 2.1.0 the stateless server decodes a request's params (into {@code CallToolRequest},
 * {@code ReadResourceRequest}, {@code CompleteRequest}, ...) before it builds the reply it turns errors into, so a
 * {@code tools/call} without params, or with {@code arguments} that are not an object, throws past that error
 * handling: the transport then answers HTTP 500 with {@code "id": null} and the Java exception text. Only the
 * decoding runs before the SDK's handler returns; the features' own failures still arrive as the SDK makes them.
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
                try {
                    return handler.handleRequest(context, request);
                }
                catch (RuntimeException e) {
                    log.debug("Params of {} request {} not decoded: {}", request.method(), request.id(), e.toString());
                    return Mono.just(JSONRPCResponse.error(request.id(), new JSONRPCError(ErrorCodes.INVALID_PARAMS,
                            "Invalid params for " + request.method() + ": " + reason(request, e), null)));
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

    private static String reason(JSONRPCRequest request, RuntimeException e) {
        if (request.params() == null) {
            return "params are required";
        }
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        return message.lines().findFirst().orElse(message);
    }
}
