package dev.agentcore.client.http;

import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AWS error in a response: its type ({@code x-amzn-ErrorType} or {@code __type}), message and request id.
 * MCP runtimes may wrap errors as JSON-RPC; that message is read too.
 */
public record AwsError(String type, String message, String requestId) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** No error details at all (no response, or one without type, message or request id). */
    public static AwsError none() {
        return new AwsError(null, null, null);
    }

    /** Just a message, as an error body with nothing else would give. */
    public static AwsError withMessage(String message) {
        return new AwsError(null, message, null);
    }

    public static AwsError from(ResponseView response) {
        String type = response.header("x-amzn-ErrorType").map(AwsError::shortType).orElse(null);
        String message = null;
        JsonNode body = parse(response.body());
        if (body != null && body.isObject()) {
            if (type == null && body.hasNonNull("__type")) {
                type = shortType(body.get("__type").asString());
            }
            for (String field : new String[] {"message", "Message", "errorMessage"}) {
                if (message == null && body.hasNonNull(field)) {
                    message = body.get(field).asString();
                }
            }
            JsonNode rpcError = body.get("error");
            if (message == null && rpcError != null && rpcError.isObject() && rpcError.hasNonNull("message")) {
                message = rpcError.get("message").asString();
            }
        }
        if (message == null && !response.body().isBlank() && body == null) {
            message = response.body().strip();
        }
        String requestId = response.header("x-amzn-RequestId")
                .or(() -> response.header("x-amz-request-id"))
                .or(() -> response.header("x-amzn-Request-Id"))
                .orElse(null);
        return new AwsError(type, message, requestId);
    }

    private static String shortType(String raw) {
        String type = raw;
        int colon = type.indexOf(':');
        if (colon > 0) {
            type = type.substring(0, colon);
        }
        int hash = type.lastIndexOf('#');
        return hash >= 0 ? type.substring(hash + 1) : type;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    public Optional<String> messageText() {
        return Optional.ofNullable(message).filter(m -> !m.isBlank());
    }

    public boolean messageContains(String text) {
        return message != null && message.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }
}
