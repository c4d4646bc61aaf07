package dev.agentcore.local.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a handler answers. JSON answers are built here; a streaming answer (the data plane's SSE pass-through)
 * implements {@link #send} itself and writes to the exchange as the bytes arrive.
 */
@FunctionalInterface
public interface Response {

    JsonMapper JSON = JsonMapper.builder().build();
    String REQUEST_ID_HEADER = "x-amzn-RequestId";
    String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

    /**
     * Writes the status, headers and body. The server has already set {@code x-amzn-RequestId}, which the SDKs
     * report as the request id.
     */
    void send(HttpExchange exchange) throws IOException;

    static Response json(int status, JsonNode body) {
        byte[] bytes = JSON.writeValueAsBytes(body);
        return exchange -> write(exchange, status, "application/json", bytes, Map.of());
    }

    /** An AWS restJson1 error: {@code x-amzn-ErrorType} header and a {@code {"message": ...}} body. */
    static Response error(AwsError error) {
        var body = JSON.createObjectNode();
        body.put("message", error.message());
        error.members().forEach((name, value) -> body.set(name, JSON.valueToTree(value)));
        byte[] bytes = JSON.writeValueAsBytes(body);
        return exchange -> write(exchange, error.status(), "application/json", bytes,
                Map.of(ERROR_TYPE_HEADER, error.type()));
    }

    static void write(HttpExchange exchange, int status, String contentType, byte[] body, Map<String, String> headers)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        headers.forEach(exchange.getResponseHeaders()::set);
        boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
