package dev.agentcore.mcp.server.http;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Turns the transport's {@code sendError} calls (Host/Origin refused, server shutting down, ...) into JSON-RPC error
 * bodies, so that no servlet container HTML error page, with its server version, reaches an MCP client.
 */
final class JsonErrorResponse extends HttpServletResponseWrapper {

    private final JsonRpcErrors errors;

    JsonErrorResponse(HttpServletResponse response, JsonRpcErrors errors) {
        super(response);
        this.errors = errors;
    }

    @Override
    public void sendError(int status) throws IOException {
        sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        errors.write((HttpServletResponse) getResponse(), status, null, JsonRpcErrors.codeFor(status),
                message != null ? message : "HTTP " + status);
    }
}
