package dev.agentcore.client.mcp;

/** The MCP server answered, with a JSON-RPC error (an unknown tool, invalid arguments, a failing tool). */
public final class McpCallException extends Exception {

    private final int code;

    public McpCallException(int code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The JSON-RPC error code; 0 when the SDK gave none. */
    public int code() {
        return code;
    }
}
