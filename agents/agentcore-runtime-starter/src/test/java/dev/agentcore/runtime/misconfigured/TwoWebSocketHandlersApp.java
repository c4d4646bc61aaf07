package dev.agentcore.runtime.misconfigured;

import dev.agentcore.runtime.AgentCoreWebSocket;
import dev.agentcore.runtime.core.AgentCoreWebSocketSession;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Two WebSocket handlers: the starter must refuse to start and name both. Imported, not scanned, so
 * {@link TwoEntrypointsApp}'s scan of this package does not see them.
 */
@EnableAutoConfiguration
@Import({TwoWebSocketHandlersApp.First.class, TwoWebSocketHandlersApp.Second.class})
public class TwoWebSocketHandlersApp {

    static class First {
        @AgentCoreWebSocket
        void chat(AgentCoreWebSocketSession session) {
            session.accept();
        }
    }

    static class Second {
        @AgentCoreWebSocket
        void chat(AgentCoreWebSocketSession session) {
            session.accept();
        }
    }
}
