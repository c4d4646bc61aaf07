package dev.agentcore.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.agent.model.Model;
import dev.agentcore.agent.model.ModelEvent;
import dev.agentcore.agent.model.ModelRequest;
import dev.agentcore.agent.offline.OfflineEchoModel;
import dev.agentcore.runtime.core.AgentCoreApp;
import dev.agentcore.testing.LogRecords;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A second invocation on a session that is still answering answered 200 with an error event and logged a 50-line
 * stack trace (issue 12). It is refused before the stream starts, as the Python SDK answers an HTTPException:
 * a status, {@code {"error": ...}} and one log line.
 */
class SessionBusyTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final String SESSION = "busy-session-0123456789abcdef0123456789";

    private final GatedModel model = new GatedModel();
    private AgentCoreApp app;
    private LogRecords log;

    @BeforeEach
    void start() throws Exception {
        log = LogRecords.all();
        app = HelloAgentApplication.on(model).host(InetAddress.getLoopbackAddress()).port(0).build().start();
    }

    @AfterEach
    void stop() {
        app.close();
        log.close();
    }

    @Test
    void aSecondCallOnABusySessionIs409WithOneLogLineAndTheSessionAnswersAgainAfterwards() throws Exception {
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(invocation(SESSION, "first"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(model.entered.await(10, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> second = http.send(invocation(SESSION, "second"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> otherSession = http.send(invocation("other-session-0123456789abcdef0123456", "hi"),
                HttpResponse.BodyHandlers.ofString());
        model.release.countDown();

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).startsWith("{\"error\":\"This session is still answering another prompt");
        assertThat(otherSession.statusCode()).isEqualTo(200);
        assertThat(first.get(10, TimeUnit.SECONDS).body()).contains("first");
        assertThat(log.messages()).filteredOn(message -> message.contains("still answering")).hasSize(1);
        assertThat(log.records()).allSatisfy(record -> {
            assertThat(record.getThrown()).as(record.getMessage()).isNull();
            assertThat(record.getMessage()).doesNotContain("ConcurrentInvocationException", "\tat ", "\n");
        });

        HttpResponse<String> again = http.send(invocation(SESSION, "again"), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("again");
    }

    private HttpRequest invocation(String session, String prompt) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/invocations"))
                .header("Content-Type", "application/json")
                .header("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", session)
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"" + prompt + "\"}")).build();
    }

    /** The offline model, except that the first call waits until the test lets it go. */
    static final class GatedModel implements Model {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final AtomicBoolean first = new AtomicBoolean(true);
        private final Model delegate = new OfflineEchoModel();

        @Override
        public Stream<ModelEvent> stream(ModelRequest request) {
            // Only the first call: the other session's answer must not wait for the test (it did, 20 s each run).
            if (first.compareAndSet(true, false)) {
                entered.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return delegate.stream(request);
        }
    }
}
