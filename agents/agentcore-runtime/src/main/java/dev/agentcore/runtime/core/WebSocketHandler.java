package dev.agentcore.runtime.core;

/**
 * The handler of {@code /ws} connections, the Python SDK's {@code @app.websocket}: it runs once per connection on
 * a virtual thread of its own, accepts the connection itself ({@link AgentCoreWebSocketSession#accept()}) and
 * simply blocks on reads.
 */
@FunctionalInterface
public interface WebSocketHandler {

    void handle(AgentCoreWebSocketSession session, AgentCoreContext context) throws Exception;
}
