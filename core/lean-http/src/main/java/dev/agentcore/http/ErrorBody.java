package dev.agentcore.http;

import java.nio.charset.StandardCharsets;

/**
 * How the server words a refusal it makes itself (a malformed request, a body over the limit, a handler that
 * failed without answering): always a small JSON body, never an HTML page. Applications give their own shape
 * (the AgentCore contract's {@code {"error":...}}, a JSON-RPC error envelope).
 */
@FunctionalInterface
public interface ErrorBody {

    /** The body for an error status; {@code message} is short and never carries a class name. */
    byte[] json(int status, String message);

    /** {@code {"error":"<reason phrase>","details":"<message>"}}. */
    ErrorBody DEFAULT = (status, message) -> ("{\"error\":" + JsonText.quote(ReasonPhrases.of(status))
            + ",\"details\":" + JsonText.quote(message) + "}").getBytes(StandardCharsets.UTF_8);
}
