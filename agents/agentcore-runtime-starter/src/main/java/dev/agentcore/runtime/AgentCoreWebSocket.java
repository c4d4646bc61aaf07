package dev.agentcore.runtime;

import dev.agentcore.runtime.core.AgentCoreContext;
import dev.agentcore.runtime.core.AgentCoreWebSocketSession;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one bean method that handles WebSocket connections on {@code /ws}, like {@code @app.websocket}
 * in the Python SDK. The method is called once per connection, on a virtual thread of its own, so it may
 * block on {@link AgentCoreWebSocketSession#receiveText()}.
 *
 * <p>Parameters, in any order: an {@link AgentCoreWebSocketSession} and, if the method asks for it, an
 * {@link AgentCoreContext} built from the upgrade request's headers (also {@link AgentCoreContext#current()}
 * while the method runs). As in the Python SDK the method accepts the connection itself, with
 * {@link AgentCoreWebSocketSession#accept()}. A method that throws closes the connection with code
 * {@code 1011}; one that returns closes it with {@code 1000}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AgentCoreWebSocket {
}
