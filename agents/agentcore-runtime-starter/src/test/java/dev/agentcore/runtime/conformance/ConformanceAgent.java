package dev.agentcore.runtime.conformance;

import dev.agentcore.runtime.core.AgentCoreContext;
import dev.agentcore.runtime.AgentCoreEntrypoint;
import dev.agentcore.runtime.AgentCoreWebSocket;
import dev.agentcore.runtime.core.AgentCoreWebSocketSession;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/** The same trivial handlers as src/test/resources/python/conformance_app.py, case by case. */
@SpringBootApplication
public class ConformanceAgent {

    @Component
    static class Handlers {
        @AgentCoreEntrypoint
        Object handle(JsonNode payload, AgentCoreContext context) {
            String which = payload.path("case").isString() ? payload.get("case").asString() : null;
            return switch (which == null ? "" : which) {
                case "echo" -> payload;
                case "text" -> "Hello, AgentCore \u2713";
                case "number" -> 42;
                case "list" -> List.of(1, "two", Map.of("three", 3.5));
                case "none" -> null;
                case "stream" -> Stream.of("Hi", " there \u2713", ordered("n", 1, "done", true));
                case "stream_error" -> Stream.concat(Stream.of("partial"),
                        Stream.generate(() -> {
                            throw new IllegalArgumentException("stream broke");
                        }).limit(1));
                // Reactor's timeout() fails a Flux with this checked exception.
                case "stream_timeout" -> Flux.concat(Flux.just("partial"),
                        Flux.error(new TimeoutException("upstream timed out")));
                case "empty_response" -> ResponseEntity.status(202).build();
                case "error" -> throw new IllegalArgumentException("boom");
                case "context" -> ordered("session_id", context.sessionId(),
                        "headers", new TreeMap<>(context.requestHeaders()));
                default -> Collections.singletonMap("unknown_case", which);
            };
        }

        private static Map<String, Object> ordered(Object... pairs) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
            return map;
        }
    }

    @Component
    static class WebSocketHandler {
        @AgentCoreWebSocket
        void chat(AgentCoreWebSocketSession websocket, AgentCoreContext context) {
            String which = context.header("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Case").orElse("");
            switch (which) {
                case "refuse" -> {
                    websocket.close(1008, "");
                    return;
                }
                case "raise_before_accept" -> throw new IllegalArgumentException("not accepted");
                case "return_before_accept" -> {
                    return;
                }
                default -> websocket.accept();
            }
            String message;
            while ((message = websocket.receiveText()) != null) {
                switch (message) {
                    case "raise" -> throw new IllegalArgumentException("handler broke");
                    case "return" -> {
                        return;
                    }
                    case "close" -> {
                        websocket.close(4000, "bye");
                        return;
                    }
                    case "context" -> websocket.sendText("session=" + context.sessionId() + " tenant="
                            + context.header("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant").orElse("None"));
                    case "binary" -> {
                        byte[] data = websocket.receiveBytes();
                        byte[] reversed = new byte[data.length];
                        for (int i = 0; i < data.length; i++) {
                            reversed[i] = data[data.length - 1 - i];
                        }
                        websocket.sendBytes(reversed);
                    }
                    default -> websocket.sendText("echo: " + message);
                }
            }
        }
    }
}
