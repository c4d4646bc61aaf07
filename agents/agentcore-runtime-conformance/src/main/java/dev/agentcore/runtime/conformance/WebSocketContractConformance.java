package dev.agentcore.runtime.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.runtime.conformance.TestWebSocketClient.Ending;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same WebSocket exchanges on {@code /ws} against an implementation and the Python SDK's
 * {@code @app.websocket} (python/conformance_app.py), with the same messages, close codes and reasons, and the
 * same HTTP status when the handshake is refused.
 *
 * <p>An implementation's test extends this class, serves the same handler and says where.
 */
public abstract class WebSocketContractConformance {

    private static final String CASE = "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Case";

    @RegisterExtension
    static final PythonReferenceApp.PerClass python = new PythonReferenceApp.PerClass("conformance_app.py");

    /** The port of the implementation serving the conformance handler. */
    protected abstract int port();

    /** A running app of the implementation with an entry point and no WebSocket handler. */
    public record Running(int port, AutoCloseable stop) {
    }

    /** Starts the implementation with no WebSocket handler (like python/no_websocket_app.py). */
    protected abstract Running startWithoutWebSocketHandler() throws Exception;


    /** What the client saw: the messages (binary ones as "bytes:<text>"), then the ending. */
    record Transcript(List<String> messages, Ending ending) {
    }

    private URI ours() {
        return URI.create("ws://127.0.0.1:" + port() + "/ws");
    }

    private static URI reference() {
        return URI.create("ws://127.0.0.1:" + python.port() + "/ws");
    }

    @Test
    public void echoesTextUntilTheClientCloses() throws Exception {
        List<String> ours = echo(ours());
        List<String> reference = echo(reference());

        assertThat(ours).isEqualTo(reference)
                .containsExactly("echo: hello", "echo: caf\u00e9 \u2713", "bytes:olleh");
    }

    private static List<String> echo(URI uri) throws Exception {
        List<String> seen = new ArrayList<>();
        try (TestWebSocketClient client = TestWebSocketClient.connect(uri, Map.of())) {
            client.send("hello");
            seen.add(describe(client.next()));
            client.send("caf\u00e9 \u2713");
            seen.add(describe(client.next()));
            client.send("binary").send("hello".getBytes(StandardCharsets.UTF_8));
            seen.add(describe(client.next()));
        }
        return seen;
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"raise", "close", "context"})
    public void sameMessagesAndCloseFrame(String message) throws Exception {
        Map<String, String> headers = Map.of(
                "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", "session-0123456789abcdef0123456789abcdef",
                "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant", "acme");
        Transcript ours = exchange(ours(), headers, message);
        Transcript reference = exchange(reference(), headers, message);

        assertThat(ours).isEqualTo(reference);
    }

    @Test
    public void aHandlerExceptionClosesWith1011AndNoReason() throws Exception {
        assertThat(exchange(ours(), Map.of(), "raise").ending()).isEqualTo(new Ending(1011, ""));
    }

    @Test
    public void theContextCarriesTheSessionIdAndForwardedHeadersOfTheUpgradeRequest() throws Exception {
        Transcript ours = exchange(ours(), Map.of("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", "s-42",
                "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant", "acme"), "context");
        assertThat(ours.messages()).containsExactly("session=s-42 tenant=acme");
    }

    /**
     * A handshake the handler never accepts is refused, with the status the reference server gives:
     * closing or raising before {@code accept()} is 403, returning without it is 500.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"refuse", "raise_before_accept", "return_before_accept"})
    public void aHandshakeTheHandlerDoesNotAcceptIsRefusedWithTheSameStatus(String which) throws Exception {
        int ours = TestWebSocketClient.handshakeStatus(ours(), Map.of(CASE, which));
        int reference = TestWebSocketClient.handshakeStatus(reference(), Map.of(CASE, which));

        assertThat(ours).isEqualTo(reference).isIn(403, 500);
    }

    /**
     * Without a handler the reference closes with 1011 before accepting (app.py {@code _handle_websocket}),
     * which its server sends as a refused handshake: HTTP 403.
     */
    @Test
    public void withNoHandlerTheHandshakeIsRefusedAsInTheReference() throws Exception {
        Running app = startWithoutWebSocketHandler();
        try (PythonReferenceApp noHandler = PythonReferenceApp.start("no_websocket_app.py")) {
            int port = app.port();
            int ours = TestWebSocketClient.handshakeStatus(URI.create("ws://127.0.0.1:" + port + "/ws"), Map.of());
            int reference = TestWebSocketClient.handshakeStatus(
                    URI.create("ws://127.0.0.1:" + noHandler.port + "/ws"), Map.of());

            assertThat(ours).isEqualTo(reference).isEqualTo(403);
        } finally {
            app.stop().close();
        }
    }

    /**
     * The one outcome we do not copy: when the handler returns with the connection open, the reference's
     * server (uvicorn) drops the TCP connection without a close frame, which clients see as an abnormal
     * closure: the JDK client reports 1006. We close with 1000, the normal closure a returning handler means.
     */
    @Test
    public void aHandlerThatReturnsClosesNormallyWhereTheReferenceDropsTheConnection() throws Exception {
        assertThat(exchange(ours(), Map.of(), "return").ending()).isEqualTo(new Ending(1000, ""));
        assertThat(exchange(reference(), Map.of(), "return").ending()).isEqualTo(new Ending(1006, ""));
    }

    private static Transcript exchange(URI uri, Map<String, String> headers, String message) throws Exception {
        try (TestWebSocketClient client = TestWebSocketClient.connect(uri, headers)) {
            client.send(message);
            List<String> messages = new ArrayList<>();
            if (message.equals("context")) {
                messages.add(describe(client.next()));
                client.send("close");
            }
            return new Transcript(messages, client.ending());
        }
    }

    private static String describe(Object message) {
        return message instanceof byte[] bytes ? "bytes:" + new String(bytes, StandardCharsets.UTF_8) : (String) message;
    }
}
