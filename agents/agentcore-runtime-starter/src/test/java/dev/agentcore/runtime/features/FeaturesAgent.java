package dev.agentcore.runtime.features;

import dev.agentcore.runtime.AgentCoreAsyncTask;
import dev.agentcore.runtime.core.AgentCoreContext;
import dev.agentcore.runtime.AgentCoreEntrypoint;
import dev.agentcore.runtime.AgentCorePingHandler;
import dev.agentcore.runtime.AgentCoreWebSocket;
import dev.agentcore.runtime.core.AgentCoreWebSocketSession;
import dev.agentcore.runtime.core.PingStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;

/** An agent with one handler per feature under test; {@code payload.kind} picks it. */
@SpringBootApplication
public class FeaturesAgent {

    /** What the payload binds to: a record, as users will write it. */
    public record Ask(String kind, String prompt, Integer count) {
    }

    /** Latches and switches the tests use to hold handlers at a known point. */
    @Component
    public static class Probes {
        public volatile CountDownLatch release = new CountDownLatch(1);
        public volatile CountDownLatch entered = new CountDownLatch(1);
        public volatile CountDownLatch streamClosed = new CountDownLatch(1);
        public final AtomicReference<Object> customPing = new AtomicReference<>();
        public final AtomicReference<Thread> webSocketThread = new AtomicReference<>();
        public volatile CountDownLatch webSocketEnded = new CountDownLatch(1);

        public void reset() {
            webSocketEnded = new CountDownLatch(1);
            webSocketThread.set(null);
            release = new CountDownLatch(1);
            entered = new CountDownLatch(1);
            streamClosed = new CountDownLatch(1);
            customPing.set(null);
        }
    }

    @Component
    public static class Background {
        @AgentCoreAsyncTask("index-documents")
        public CompletableFuture<String> index(CountDownLatch done) {
            return CompletableFuture.supplyAsync(() -> {
                await(done);
                return "indexed";
            });
        }
    }

    @Component
    static class Handlers {
        private final Probes probes;

        Handlers(Probes probes) {
            this.probes = probes;
        }

        @AgentCoreEntrypoint
        Object handle(Ask ask, AgentCoreContext context) {
            return switch (ask.kind()) {
                case "record" -> Map.of("prompt", ask.prompt(), "count", ask.count());
                case "context" -> Map.of(
                        "sessionId", String.valueOf(context.sessionId()),
                        "requestId", context.requestId(),
                        "headers", context.requestHeaders(),
                        "workloadAccessToken", String.valueOf(context.workloadAccessToken()),
                        "oauth2CallbackUrl", String.valueOf(context.oauth2CallbackUrl()),
                        "mdcSessionId", String.valueOf(MDC.get("sessionId")),
                        "currentMatches", AgentCoreContext.current().orElseThrow() == context);
                case "flux" -> Flux.just("a", "b", "c");
                case "iterator" -> List.of(Map.of("i", 1), Map.of("i", 2)).iterator();
                case "future" -> CompletableFuture.supplyAsync(() -> Map.of("async", true));
                case "not-found" -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such thing");
                case "entity" -> ResponseEntity.status(201).header("X-Agent", "yes").body(Map.of("created", true));
                case "gated-stream" -> gatedStream();
                case "endless-stream" -> endlessStream();
                case "slow-stream" -> slowStream(ask.count());
                case "blocking" -> {
                    probes.entered.countDown();
                    await(probes.release);
                    yield "released";
                }
                default -> throw new IllegalArgumentException("unknown kind " + ask.kind());
            };
        }

        /** First element at once; the second only after the test has seen the first. */
        private Stream<String> gatedStream() {
            return Stream.of(1, 2).map(i -> {
                if (i == 2) {
                    await(probes.release);
                }
                return "chunk-" + i;
            });
        }

        private Stream<String> endlessStream() {
            return Stream.iterate(0, i -> i + 1)
                    .map(i -> {
                        sleep(Duration.ofMillis(20));
                        return "tick-" + i;
                    })
                    .onClose(probes.streamClosed::countDown);
        }

        private Stream<Integer> slowStream(int count) {
            probes.entered.countDown();
            return Stream.iterate(1, i -> i <= count, i -> i + 1).peek(i -> sleep(Duration.ofMillis(150)));
        }
    }

    @Component
    static class WebSocketHandler {
        private final Probes probes;

        WebSocketHandler(Probes probes) {
            this.probes = probes;
        }

        /** Reports its context on "context", echoes the size of anything else, and notes when it ends. */
        @AgentCoreWebSocket
        void chat(AgentCoreContext context, AgentCoreWebSocketSession session) {
            probes.webSocketThread.set(Thread.currentThread());
            session.accept();
            try {
                String message;
                while ((message = session.receiveText()) != null) {
                    if (message.equals("context")) {
                        session.sendText(String.join("|", String.valueOf(context.sessionId()), context.requestId(),
                                String.valueOf(context.workloadAccessToken()), String.valueOf(MDC.get("sessionId")),
                                String.valueOf(AgentCoreContext.current().orElse(null) == context),
                                String.valueOf(Thread.currentThread().isVirtual())));
                    } else {
                        session.sendText("length=" + message.length());
                    }
                }
            } finally {
                probes.webSocketEnded.countDown();
            }
        }
    }

    @Component
    static class CustomPing {
        private final Probes probes;

        CustomPing(Probes probes) {
            this.probes = probes;
        }

        @AgentCorePingHandler
        Object status() {
            Object value = probes.customPing.get();
            if (value instanceof RuntimeException e) {
                throw e;
            }
            return value instanceof PingStatus || value instanceof String ? value : null;
        }
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch not released within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
