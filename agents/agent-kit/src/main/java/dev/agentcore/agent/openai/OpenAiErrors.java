package dev.agentcore.agent.openai;

import dev.agentcore.agent.model.ModelException;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** OpenAI-style error bodies ({@code {"error":{"message","type","code"}}}) as {@link ModelException}s. */
final class OpenAiErrors {

    private OpenAiErrors() {
    }

    static ModelException httpError(int status, String body, String requestId, String endpoint, String modelName) {
        JsonNode error = errorNode(body);
        String code = code(error, status);
        String message = error != null ? error.path("message").asString(body) : body;
        return ModelException.builder()
                .message("OpenAI-compatible endpoint " + endpoint + " rejected the request for model '" + modelName
                        + "': HTTP " + status + " " + code + (requestId != null ? " (request id " + requestId + ")" : "")
                        + ": " + abbreviate(message))
                .modelId(modelName)
                .errorCode(code)
                .requestId(requestId)
                .statusCode(status)
                .contextWindowOverflow(isOverflow(code, message))
                .build();
    }

    static ModelException inStream(JsonNode error, String modelName) {
        String code = code(error, 0);
        String message = error.isObject() ? error.path("message").asString(error.toString()) : error.asString();
        return ModelException.builder()
                .message("OpenAI-compatible model '" + modelName + "' failed while streaming: " + code + ": "
                        + abbreviate(message))
                .modelId(modelName)
                .errorCode(code)
                .contextWindowOverflow(isOverflow(code, message))
                .build();
    }

    private static JsonNode errorNode(String body) {
        try {
            JsonNode parsed = JsonMapper.shared().readTree(body);
            JsonNode error = parsed.get("error");
            if (error != null && error.isObject()) {
                return error;
            }
            if (error != null && error.isString()) { // Ollama and some others: {"error": "text"}
                return JsonMapper.shared().createObjectNode().put("message", error.asString());
            }
        } catch (JacksonException | IllegalArgumentException e) {
            // not JSON: the body is the message
        }
        return null;
    }

    private static String code(JsonNode error, int status) {
        if (error != null) {
            for (String field : new String[] {"code", "type"}) {
                JsonNode value = error.get(field);
                if (value != null && !value.isNull() && !value.asString().isBlank()) {
                    return value.asString();
                }
            }
        }
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 429 -> "rate_limited";
            case 0 -> "error";
            default -> status >= 500 ? "server_error" : "error";
        };
    }

    private static boolean isOverflow(String code, String message) {
        String text = (code + " " + message).toLowerCase(Locale.ROOT);
        return text.contains("context_length_exceeded") || text.contains("maximum context length")
                || text.contains("context window");
    }

    private static String abbreviate(String text) {
        String oneLine = text.strip().replace('\n', ' ');
        return oneLine.length() > 500 ? oneLine.substring(0, 500) + "..." : oneLine;
    }
}
