package dev.agentcore.runtime.autoconfigure;

import dev.agentcore.runtime.core.AgentCoreApp;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the AgentCore runtime starter. Port, bind address and shutdown use Spring Boot's own
 * {@code server.*} properties, which the starter gives AgentCore defaults (see
 * {@link AgentCoreEnvironmentDefaults}).
 *
 * @param maxRequestSize largest {@code /invocations} body accepted; larger ones get {@code 413}. The default is
 *                       AgentCore's own limit for an InvokeAgentRuntime payload, 100,000,000 bytes.
 * @param maxRequestBytesInFlight how many body bytes are read and parsed at once, across requests; past it a
 *                       request waits (then {@code 503}). Default: a tenth of the maximum heap, since parsing takes
 *                       several times a body's size for a moment. One request alone always proceeds,
 *                       whatever its size up to {@code maxRequestSize}.
 * @param debugActions   answer the Python SDK's debug payloads
 *                       ({@code {"_agent_core_app_action": "ping_status" | "job_status" | "force_healthy" |
 *                       "force_busy" | "clear_forced_status"}}) instead of passing them to the handler
 * @param maxWebsocketMessageSize largest {@code /ws} message, fragments joined; a larger one closes the
 *                       connection with {@code 1009}. The default, 16 MB, is the reference server's
 *                       ({@code uvicorn --ws-max-size}).
 */
@ConfigurationProperties("agentcore.runtime")
public record AgentCoreRuntimeProperties(DataSize maxRequestSize, DataSize maxRequestBytesInFlight,
        boolean debugActions, DataSize maxWebsocketMessageSize) {

    /** AgentCore's limit on an InvokeAgentRuntime payload (its API model: a blob of at most 100,000,000 bytes). */
    public static final DataSize AGENTCORE_PAYLOAD_LIMIT = DataSize.ofBytes(AgentCoreApp.AGENTCORE_MAX_PAYLOAD_BYTES);

    public AgentCoreRuntimeProperties {
        if (maxRequestSize == null) {
            maxRequestSize = AGENTCORE_PAYLOAD_LIMIT;
        }
        if (maxRequestSize.toBytes() <= 0) {
            throw new IllegalArgumentException("agentcore.runtime.max-request-size must be positive, was " + maxRequestSize);
        }
        if (maxRequestBytesInFlight == null) {
            maxRequestBytesInFlight = DataSize.ofBytes(Runtime.getRuntime().maxMemory() / 10);
        }
        if (maxRequestBytesInFlight.toBytes() <= 0) {
            throw new IllegalArgumentException("agentcore.runtime.max-request-bytes-in-flight must be positive, was "
                    + maxRequestBytesInFlight);
        }
        if (maxWebsocketMessageSize == null) {
            maxWebsocketMessageSize = DataSize.ofBytes(AgentCoreApp.MAX_WEBSOCKET_MESSAGE_BYTES);
        }
        if (maxWebsocketMessageSize.toBytes() <= 0) {
            throw new IllegalArgumentException("agentcore.runtime.max-websocket-message-size must be positive, was "
                    + maxWebsocketMessageSize);
        }
    }
}
