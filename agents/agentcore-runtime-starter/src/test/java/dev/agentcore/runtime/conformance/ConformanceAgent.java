package dev.agentcore.runtime.conformance;

import dev.agentcore.runtime.core.AgentCoreContext;
import dev.agentcore.runtime.AgentCoreEntrypoint;
import dev.agentcore.runtime.AgentCoreWebSocket;
import dev.agentcore.runtime.core.AgentCoreWebSocketSession;
import dev.agentcore.runtime.core.ConformanceHandlers;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/** The core's conformance handlers as annotated beans, with Spring's types where the starter adapts them. */
@SpringBootApplication
public class ConformanceAgent {

    @Component
    static class Handlers {
        @AgentCoreEntrypoint
        Object handle(JsonNode payload, AgentCoreContext context) {
            return switch (payload.path("case").asString("")) {
                // Spring's own types, which the starter turns into the core's.
                case "stream_timeout" -> Flux.concat(Flux.just("partial"),  // Reactor's timeout() fails with this
                        Flux.error(new TimeoutException("upstream timed out")));
                case "empty_response" -> ResponseEntity.status(202).build();
                default -> ConformanceHandlers.handle(payload, context);
            };
        }
    }

    @Component
    static class WebSocketHandler {
        @AgentCoreWebSocket
        void chat(AgentCoreWebSocketSession websocket, AgentCoreContext context) {
            ConformanceHandlers.chat(websocket, context);
        }
    }
}
