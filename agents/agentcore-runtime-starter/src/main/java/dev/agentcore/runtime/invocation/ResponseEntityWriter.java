package dev.agentcore.runtime.invocation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ResponseEntity;

/**
 * Writes a handler's {@link ResponseEntity} as it stands, the counterpart of returning a Starlette
 * {@code Response}: its status and headers, and its body as bytes, as text when it names a content type,
 * else as JSON.
 */
final class ResponseEntityWriter {

    private final WireJson json;

    ResponseEntityWriter(WireJson json) {
        this.json = json;
    }

    void write(HttpServletResponse res, ResponseEntity<?> entity) throws IOException {
        res.setStatus(entity.getStatusCode().value());
        entity.getHeaders().forEach((name, values) -> values.forEach(value -> res.addHeader(name, value)));
        Object body = entity.getBody();
        if (body == null) {
            // No body, as Starlette's Response(status_code=...) answers.
            res.setContentLength(0);
            return;
        }
        byte[] bytes;
        if (body instanceof byte[] raw) {
            bytes = raw;
        } else if (body instanceof String text && entity.getHeaders().getContentType() != null) {
            bytes = text.getBytes(StandardCharsets.UTF_8);
        } else {
            bytes = json.result(body).getBytes(StandardCharsets.UTF_8);
            if (entity.getHeaders().getContentType() == null) {
                res.setContentType(JsonReply.CONTENT_TYPE);
            }
        }
        res.setContentLength(bytes.length);
        res.getOutputStream().write(bytes);
    }
}
