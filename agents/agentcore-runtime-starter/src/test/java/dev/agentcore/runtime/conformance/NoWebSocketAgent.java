package dev.agentcore.runtime.conformance;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * An agent with no {@code @AgentCoreWebSocket} method, like no_websocket_app.py. Not a component, so
 * {@link ConformanceAgent}'s scan does not pick it up.
 */
@EnableAutoConfiguration
public class NoWebSocketAgent {
}
