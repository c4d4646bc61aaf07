package dev.agentcore.client.invoke;

import dev.agentcore.client.runtime.InvocationTarget;
import dev.agentcore.core.runtime.SessionId;
import java.time.Duration;
import java.util.Map;

/**
 * One call of InvokeAgentRuntime.
 *
 * @param customHeaders full header names, see {@link CustomHeaders#normalize(Map)}
 * @param timeout       how long to wait for the response to start; a streaming body may take longer
 */
public record InvocationRequest(InvocationTarget target, byte[] payload, String contentType, String accept,
                                SessionId sessionId, Map<String, String> customHeaders, Duration timeout) {

    public static final String DEFAULT_ACCEPT = "application/json, text/event-stream";

    public InvocationRequest {
        payload = payload == null ? new byte[0] : payload;
        contentType = contentType == null ? "application/json" : contentType;
        accept = accept == null ? DEFAULT_ACCEPT : accept;
        sessionId = sessionId == null ? SessionId.generate() : sessionId;
        customHeaders = Map.copyOf(CustomHeaders.normalize(customHeaders == null ? Map.of() : customHeaders));
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    }

    public static InvocationRequest json(InvocationTarget target, String json) {
        return new InvocationRequest(target, json.getBytes(java.nio.charset.StandardCharsets.UTF_8), null, null, null,
                null, null);
    }
}
