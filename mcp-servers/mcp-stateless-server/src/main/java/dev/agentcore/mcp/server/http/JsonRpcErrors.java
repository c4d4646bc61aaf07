package dev.agentcore.mcp.server.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes the JSON-RPC error responses the streamable HTTP transport sends when a message never reaches the MCP
 * server: {@code {"jsonrpc":"2.0","id":null,"error":{...}}}. The id stays in the body even when it is null, as
 * JSON-RPC 2.0 requires for errors whose request id is unknown (the SDK's own response type drops null ids).
 */
final class JsonRpcErrors {

    /** JSON-RPC 2.0: invalid JSON was received. */
    static final int PARSE_ERROR = -32700;

    /** JSON-RPC 2.0: the JSON sent is not a valid request object. */
    static final int INVALID_REQUEST = -32600;

    /** JSON-RPC 2.0 implementation-defined server error, used for HTTP-level refusals as the MCP SDKs do. */
    static final int SERVER_ERROR = -32000;

    private final McpJsonMapper json;

    JsonRpcErrors(McpJsonMapper json) {
        this.json = json;
    }

    void write(HttpServletResponse response, int httpStatus, Object id, int code, String message) throws IOException {
        byte[] body = body(id, new JSONRPCError(code, message, null));
        response.resetBuffer();
        response.setStatus(httpStatus);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    byte[] body(Object id, JSONRPCError error) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("jsonrpc", "2.0");
        envelope.put("id", id);
        envelope.put("error", error);
        try {
            return json.writeValueAsBytes(envelope);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON-RPC code for an HTTP refusal by the transport (Host check, shutdown, ...). */
    static int codeFor(int httpStatus) {
        return httpStatus == HttpServletResponse.SC_BAD_REQUEST ? INVALID_REQUEST : SERVER_ERROR;
    }
}
