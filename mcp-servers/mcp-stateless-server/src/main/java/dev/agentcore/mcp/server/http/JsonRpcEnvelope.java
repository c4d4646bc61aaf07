package dev.agentcore.mcp.server.http;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.modelcontextprotocol.json.McpJsonMapper;

/**
 * The checks a POST body must pass before the SDK transport sees it, each failing with the JSON-RPC error code the
 * specification names. The SDK answers all of these with one generic "Invalid message format".
 */
final class JsonRpcEnvelope {

    /** Why a body is refused: the JSON-RPC error code, a message for the client, and the request id if one was readable. */
    record Refusal(int code, String message, Object id) {
    }

    private JsonRpcEnvelope() {
    }

    /** Returns why the body is not one JSON-RPC 2.0 message, or null when it is one. */
    static Refusal check(McpJsonMapper json, byte[] body) {
        Object message;
        try {
            message = json.readValue(body, Object.class);
        }
        catch (IOException | RuntimeException e) {
            return new Refusal(JsonRpcErrors.PARSE_ERROR, "Parse error: the request body is not valid JSON", null);
        }
        if (message instanceof List<?>) {
            return new Refusal(JsonRpcErrors.INVALID_REQUEST,
                    "Invalid Request: JSON-RPC batches are not supported; since MCP 2025-06-18 each POST carries one message",
                    null);
        }
        if (!(message instanceof Map<?, ?> fields)) {
            return new Refusal(JsonRpcErrors.INVALID_REQUEST, "Invalid Request: a JSON-RPC message is a JSON object", null);
        }
        Object id = fields.get("id");
        Object readableId = id instanceof String || id instanceof Number ? id : null;
        if (!"2.0".equals(fields.get("jsonrpc"))) {
            return new Refusal(JsonRpcErrors.INVALID_REQUEST, "Invalid Request: \"jsonrpc\" must be \"2.0\"", readableId);
        }
        if (fields.containsKey("id") && readableId == null) {
            return new Refusal(JsonRpcErrors.INVALID_REQUEST, "Invalid Request: \"id\" must be a string or a number", null);
        }
        boolean request = fields.containsKey("method");
        boolean response = fields.containsKey("result") || fields.containsKey("error");
        if (request && !(fields.get("method") instanceof String)) {
            return new Refusal(JsonRpcErrors.INVALID_REQUEST, "Invalid Request: \"method\" must be a string", readableId);
        }
        if (!request && !response) {
            return new Refusal(JsonRpcErrors.INVALID_REQUEST,
                    "Invalid Request: a message has a \"method\", or a \"result\" or \"error\"", readableId);
        }
        if (request && fields.containsKey("params") && !(fields.get("params") instanceof Map<?, ?>)) {
            return new Refusal(JsonRpcErrors.INVALID_REQUEST, "Invalid Request: MCP \"params\" must be an object", readableId);
        }
        String surrogate = unpairedSurrogate(message);
        if (surrogate != null) {
            // Jackson decodes an escaped lone surrogate (U+D800) into a Java string that UTF-8 cannot carry: it came back as "?".
            return new Refusal(JsonRpcErrors.PARSE_ERROR, "Parse error: a string holds the unpaired surrogate "
                    + surrogate + "; JSON text must be Unicode (RFC 8259), so escape a pair or neither", readableId);
        }
        return null;
    }

    /** The first unpaired UTF-16 surrogate in any string or member name of a parsed message, written as a JSON escape. */
    private static String unpairedSurrogate(Object value) {
        if (value instanceof String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                }
                else if (Character.isSurrogate(c)) {
                    return String.format(Locale.ROOT, "\\u%04x", (int) c);
                }
            }
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String found = unpairedSurrogate(entry.getKey());
                if (found == null) {
                    found = unpairedSurrogate(entry.getValue());
                }
                if (found != null) {
                    return found;
                }
            }
        }
        else if (value instanceof List<?> list) {
            for (Object item : list) {
                String found = unpairedSurrogate(item);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
