package dev.agentcore.runtime.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the AgentCore runtime starter. Port, bind address and shutdown use Spring Boot's own
 * {@code server.*} properties, which the starter gives AgentCore defaults (see
 * {@link AgentCoreEnvironmentDefaults}).
 *
 * @param maxRequestSize largest {@code /invocations} body accepted; larger ones get {@code 413}.
 *                       AgentCore itself accepts up to 100 MB.
 * @param debugActions   answer the Python SDK's debug payloads
 *                       ({@code {"_agent_core_app_action": "ping_status" | "job_status" | "force_healthy" |
 *                       "force_busy" | "clear_forced_status"}}) instead of passing them to the handler
 * @param maxWebsocketMessageSize largest {@code /ws} message, fragments joined; a larger one closes the
 *                       connection with {@code 1009}. The default, 16 MB, is the reference server's
 *                       ({@code uvicorn --ws-max-size}).
 */
@ConfigurationProperties("agentcore.runtime")
public record AgentCoreRuntimeProperties(DataSize maxRequestSize, boolean debugActions,
        DataSize maxWebsocketMessageSize) {

    public AgentCoreRuntimeProperties {
        if (maxRequestSize == null) {
            maxRequestSize = DataSize.ofMegabytes(100);
        }
        if (maxRequestSize.toBytes() <= 0) {
            throw new IllegalArgumentException("agentcore.runtime.max-request-size must be positive, was " + maxRequestSize);
        }
        if (maxWebsocketMessageSize == null) {
            maxWebsocketMessageSize = DataSize.ofBytes(16 * 1024 * 1024);
        }
        if (maxWebsocketMessageSize.toBytes() <= 0) {
            throw new IllegalArgumentException("agentcore.runtime.max-websocket-message-size must be positive, was "
                    + maxWebsocketMessageSize);
        }
    }
}
