package dev.agentcore.mcp.lean;

import dev.agentcore.http.JsonText;
import java.nio.charset.StandardCharsets;

/**
 * The JSON-RPC error envelopes the transport answers with when a message never reaches the MCP server:
 * {@code {"jsonrpc":"2.0","id":null,"error":{"code":...,"message":...}}}, the id kept even when null, as JSON-RPC 2.0
 * requires. Messages are cut to {@link #MAX_MESSAGE} characters: an error never grows with the request.
 */
final class JsonRpcRefusals {

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int INVALID_PARAMS = -32602;
    static final int SERVER_ERROR = -32000;
    static final int MAX_MESSAGE = 300;

    private JsonRpcRefusals() {
    }

    /** What the HTTP server answers for what it refuses itself (malformed request, too large, too slow). */
    static byte[] httpLevel(int status, String message) {
        return envelope(null, status == 400 ? INVALID_REQUEST : SERVER_ERROR, message);
    }

    /** An error envelope; {@code id} is a JSON literal already (a quoted string or a number), or null. */
    static byte[] envelope(String idJson, int code, String message) {
        return ("{\"jsonrpc\":\"2.0\",\"id\":" + (idJson == null ? "null" : idJson) + ",\"error\":{\"code\":" + code
                + ",\"message\":" + JsonText.quote(clip(message)) + "}}").getBytes(StandardCharsets.UTF_8);
    }

    static String clip(String message) {
        String text = message == null ? "" : message;
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "...";
    }
}
