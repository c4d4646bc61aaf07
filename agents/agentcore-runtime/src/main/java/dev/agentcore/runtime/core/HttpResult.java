package dev.agentcore.runtime.core;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A response an entry point returns as it should go out, the Python SDK's {@code Response} passthrough: a status,
 * an optional content type, headers and a body. {@code HttpResult.status(202)} is an empty 202.
 *
 * @param headers name and value pairs, in order
 */
public record HttpResult(int status, String contentType, List<String> headers, byte[] body) {

    public HttpResult {
        headers = checked(status, headers);
        body = Objects.requireNonNull(body, "body").clone();
    }

    /** The headers, copied, once the status and the pairs are checked; shared with {@link JsonResult}. */
    static List<String> checked(int status, List<String> headers) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be 200..599, was " + status);
        }
        List<String> copy = List.copyOf(headers);
        if (copy.size() % 2 != 0) {
            throw new IllegalArgumentException("headers come in name and value pairs");
        }
        return copy;
    }

    /** A status with no body and no content type. */
    public static HttpResult status(int status) {
        return new HttpResult(status, null, List.of(), new byte[0]);
    }

    public static HttpResult text(int status, String contentType, String body) {
        return new HttpResult(status, contentType, List.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
