package dev.agentcore.runtime.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The same trivial handlers as the conformance suite's python/conformance_app.py, case by case, on the core's API;
 * the starter's conformance agent calls them too, keeping only the cases it answers with Spring's types.
 */
public final class ConformanceHandlers {

    private ConformanceHandlers() {
    }

    static AgentCoreApp.Builder app() {
        return AgentCoreApp.builder().port(0).entrypoint(ConformanceHandlers::handle).websocket(ConformanceHandlers::chat);
    }

    public static Object handle(JsonNode payload, AgentCoreContext context) {
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
            // A checked failure from a publisher, as a model client's timeout would be.
            case "stream_timeout" -> failingAfter("partial", new TimeoutException("upstream timed out"));
            case "empty_response" -> HttpResult.status(202);
            case "error" -> throw new IllegalArgumentException("boom");
            case "context" -> ordered("session_id", context.sessionId(),
                    "headers", new TreeMap<>(context.requestHeaders()));
            default -> Collections.singletonMap("unknown_case", which);
        };
    }

    public static void chat(AgentCoreWebSocketSession websocket, AgentCoreContext context) {
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

    private static Flow.Publisher<Object> failingAfter(Object first, Throwable failure) {
        return subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            private int sent;

            @Override
            public void request(long n) {
                if (sent++ == 0) {
                    subscriber.onNext(first);
                } else if (sent == 2) {
                    subscriber.onError(failure);
                }
            }

            @Override
            public void cancel() {
                sent = 3;
            }
        });
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
