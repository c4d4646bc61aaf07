package dev.agentcore.mcp.server.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpError;

/**
 * The SDK's JSON mapper, except that an {@link McpError} is written as a JSON-RPC error response.
 *
 * <p>Why: in MCP Java SDK 2.1.0 the servlet transport serialises the {@code McpError} exception itself for
 * HTTP-level errors (missing Accept header, wrong Content-Type, failures inside a handler), which puts the Java
 * stack trace on the wire instead of {@code {"jsonrpc":"2.0","id":null,"error":{...}}}.
 */
final class JsonRpcErrorMapper implements McpJsonMapper {

    private final McpJsonMapper delegate;
    private final JsonRpcErrors errors;

    JsonRpcErrorMapper(McpJsonMapper delegate) {
        this.delegate = delegate;
        this.errors = new JsonRpcErrors(delegate);
    }

    @Override
    public String writeValueAsString(Object value) throws IOException {
        return value instanceof McpError error
                ? new String(writeValueAsBytes(error), StandardCharsets.UTF_8)
                : delegate.writeValueAsString(value);
    }

    @Override
    public byte[] writeValueAsBytes(Object value) throws IOException {
        return value instanceof McpError error
                ? errors.body(null, error.getJsonRpcError())
                : delegate.writeValueAsBytes(value);
    }

    @Override
    public <T> T readValue(String content, Class<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, Class<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(String content, TypeRef<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T convertValue(Object fromValue, Class<T> type) {
        return delegate.convertValue(fromValue, type);
    }

    @Override
    public <T> T convertValue(Object fromValue, TypeRef<T> type) {
        return delegate.convertValue(fromValue, type);
    }
}
