package dev.agentcore.client.invoke;

import dev.agentcore.client.runtime.InvocationTarget;
import dev.agentcore.core.runtime.SessionId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One call of InvokeAgentRuntime; made with {@link #builder(InvocationTarget)} (or {@link #json}), every part but
 * the target having a default.
 *
 * @param customHeaders full header names, see {@link CustomHeaders#normalize(Map)}
 * @param timeout       how long to wait for the response to start; a streaming body may take longer
 * @param idleTimeout   how long one read of the body may wait for bytes before the body counts as stalled
 */
public record InvocationRequest(InvocationTarget target, byte[] payload, String contentType, String accept,
                                SessionId sessionId, Map<String, String> customHeaders, Duration timeout,
                                Duration idleTimeout) {

    public static final String DEFAULT_ACCEPT = "application/json, text/event-stream";
    public static final String JSON = "application/json";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The longest silence within a streamed answer: well above an agent's pause for a model or tool call, well below
     * the 15 minutes a synchronous call may last, so a stalled stream ends instead of hanging the caller.
     */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(120);

    public InvocationRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(accept, "accept");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        customHeaders = Map.copyOf(CustomHeaders.normalize(customHeaders));
    }

    /** A JSON payload with every other part at its default (a new session, 60s). */
    public static InvocationRequest json(InvocationTarget target, String json) {
        return builder(target).json(json).build();
    }

    public static Builder builder(InvocationTarget target) {
        return new Builder(target);
    }

    public static final class Builder {
        private final InvocationTarget target;
        private byte[] payload = new byte[0];
        private String contentType = JSON;
        private String accept = DEFAULT_ACCEPT;
        private SessionId sessionId;
        private Map<String, String> customHeaders = Map.of();
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;

        private Builder(InvocationTarget target) {
            this.target = target;
        }

        public Builder payload(byte[] payload) {
            this.payload = payload;
            return this;
        }

        /** The payload as JSON text, sent as application/json. */
        public Builder json(String json) {
            this.payload = json.getBytes(StandardCharsets.UTF_8);
            this.contentType = JSON;
            return this;
        }

        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        public Builder accept(String accept) {
            this.accept = accept;
            return this;
        }

        /** Reuse one to keep a conversation on the same microVM; a new one by default. */
        public Builder sessionId(SessionId sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        /** Header names with or without the Runtime-Custom prefix, see {@link CustomHeaders#normalize(Map)}. */
        public Builder customHeaders(Map<String, String> customHeaders) {
            this.customHeaders = customHeaders;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** The longest silence within a streamed body, independent of the timeout (which bounds only its start). */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public InvocationRequest build() {
            return new InvocationRequest(target, payload, contentType, accept,
                    sessionId == null ? SessionId.generate() : sessionId, customHeaders, timeout,
                    idleTimeout);
        }
    }
}
