package dev.agentcore.runtime.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.runtime.AgentCoreWebSocketSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Many handshakes at once, as a busy runtime sees them: each must get a handler thread of its own. A
 * {@code Thread.Builder} shared across handshakes is not thread-safe (its name counter is a plain field), so
 * concurrent handshakes could start handler threads with the same name.
 */
class ConcurrentHandshakesTest {

    /** The handler records the thread it runs on and closes before accepting: the handshake is refused. */
    static final class RecordingHandler {
        final Set<String> threadNames = ConcurrentHashMap.newKeySet();
        final List<String> duplicates = java.util.Collections.synchronizedList(new ArrayList<>());

        void handle(AgentCoreWebSocketSession ws) {
            if (!threadNames.add(Thread.currentThread().getName())) {
                duplicates.add(Thread.currentThread().getName());
            }
            ws.close(1000, null);
        }
    }

    @Test
    void concurrentHandshakesEachRunTheHandlerOnAThreadOfItsOwn() throws Exception {
        RecordingHandler recorder = new RecordingHandler();
        WebSocketEndpoint endpoint = new WebSocketEndpoint(new WebSocketEndpoint.Settings(1024));
        endpoint.useHandler(new WebSocketHandlerMethod(recorder,
                RecordingHandler.class.getDeclaredMethod("handle", AgentCoreWebSocketSession.class)));

        int callers = 8;
        int handshakesEach = 2_000;
        CyclicBarrier start = new CyclicBarrier(callers);
        List<Future<Integer>> refused = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            for (int c = 0; c < callers; c++) {
                refused.add(pool.submit(() -> {
                    start.await();
                    int count = 0;
                    for (int i = 0; i < handshakesEach; i++) {
                        MockHttpServletResponse response = new MockHttpServletResponse();
                        boolean upgraded = endpoint.beforeHandshake(
                                new ServletServerHttpRequest(new MockHttpServletRequest("GET", "/ws")),
                                new ServletServerHttpResponse(response), endpoint, new HashMap<>());
                        if (!upgraded && response.getStatus() == 403) {
                            count++;
                        }
                    }
                    return count;
                }));
            }
            int total = 0;
            for (Future<Integer> f : refused) {
                total += f.get();
            }
            assertThat(total).isEqualTo(callers * handshakesEach);
        }
        assertThat(recorder.duplicates).as("handler threads that shared a name").isEmpty();
        assertThat(recorder.threadNames).hasSize(callers * handshakesEach).allMatch(name -> name.startsWith("agentcore-ws-"));
    }
}
