package dev.agentcore.runtime.conformance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link java.net.http.WebSocket} client that records what the server did: the messages, then how it
 * ended. The same client talks to the Python reference and to the starter.
 */
public final class TestWebSocketClient implements WebSocket.Listener, AutoCloseable {

    /**
     * How a connection ended: the close frame's code and reason. The JDK client reports a connection dropped
     * without a close frame as 1006; a transport error as code {@code null}.
     */
    public record Ending(Integer code, String reason) {
    }

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Ending> ending = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private WebSocket socket;

    private TestWebSocketClient() {
    }

    /** Connects; a refused handshake throws {@link Refused} with the HTTP status. */
    public static TestWebSocketClient connect(URI uri, Map<String, String> headers) throws Exception {
        TestWebSocketClient client = new TestWebSocketClient();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        try {
            client.socket = builder.buildAsync(uri, client).get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new Refused(refused.getResponse().statusCode());
            }
            throw e;
        }
        return client;
    }

    /** The HTTP status of a refused handshake, or -1 when it was accepted. */
    public static int handshakeStatus(URI uri, Map<String, String> headers) throws Exception {
        try (TestWebSocketClient ignored = connect(uri, headers)) {
            return -1;
        } catch (Refused refused) {
            return refused.status;
        }
    }

    public static final class Refused extends Exception {
        public final int status;

        Refused(int status) {
            super("handshake refused with HTTP " + status);
            this.status = status;
        }
    }

    public WebSocket socket() {
        return socket;
    }

    public TestWebSocketClient send(String message) {
        socket.sendText(message, true).join();
        return this;
    }

    public TestWebSocketClient send(byte[] message) {
        socket.sendBinary(ByteBuffer.wrap(message), true).join();
        return this;
    }

    /** The next text or binary message (a {@code String} or a {@code byte[]}), or {@code null} after 10 s. */
    public Object next() throws InterruptedException {
        return messages.poll(10, TimeUnit.SECONDS);
    }

    /** How the server ended the connection, waiting up to 10 s. */
    public Ending ending() throws Exception {
        return ending.get(10, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            messages.add(text.toString());
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        messages.add(bytes);
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        ending.complete(new Ending(statusCode, reason));
        return null; // the client then answers with its own close frame
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        ending.complete(new Ending(null, String.valueOf(error)));
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // already gone
            }
        }
        if (socket != null) {
            socket.abort();
        }
    }
}
