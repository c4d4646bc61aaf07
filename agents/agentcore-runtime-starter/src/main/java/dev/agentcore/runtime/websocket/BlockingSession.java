package dev.agentcore.runtime.websocket;

import dev.agentcore.runtime.AgentCoreWebSocketSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The blocking view of one connection. The container delivers frames on its own threads; they are whole
 * messages in {@link #inbox} by the time the handler's thread takes them. The handshake waits on
 * {@link #decision} so that, as in the Python SDK, the handler decides whether the connection is accepted.
 */
final class BlockingSession implements AgentCoreWebSocketSession {

    /** What the handler decided about the handshake: accept it, or refuse it with an HTTP status. */
    sealed interface Decision permits Accept, Refuse {
    }

    record Accept() implements Decision {
    }

    record Refuse(int status) implements Decision {
    }

    // The reference's server (uvicorn) refuses a handshake the app closes with 403 and one it abandons with 500.
    static final int REFUSED = 403;
    static final int ABANDONED = 500;

    private static final Object END = new Object();
    // Long enough for any upgrade that is going to happen; it only bounds a handler waiting for a lost one.
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);

    private final CompletableFuture<Decision> decision = new CompletableFuture<>();
    private final CompletableFuture<WebSocketSession> opened = new CompletableFuture<>();
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final long maxMessageBytes;
    private volatile boolean closed;

    // Touched only by the container thread delivering this connection's frames.
    private StringBuilder partialText;
    private ByteArrayOutputStream partialBinary;
    private long partialBytes;

    BlockingSession(long maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    CompletableFuture<Decision> decision() {
        return decision;
    }

    // ---- the handler's side ----

    @Override
    public void accept() {
        if (!decision.complete(new Accept())) {
            throw new IllegalStateException(decision.join() instanceof Accept
                    ? "the WebSocket connection is already accepted" : "the WebSocket handshake was already refused");
        }
        try {
            opened.get(OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the WebSocket upgrade failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the WebSocket connection did not open within " + OPEN_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while accepting the WebSocket connection", e);
        }
    }

    @Override
    public String receiveText() {
        Object message = take();
        if (message instanceof byte[]) {
            throw new IllegalStateException("expected a text message, the client sent a binary one");
        }
        return (String) message;
    }

    @Override
    public byte[] receiveBytes() {
        Object message = take();
        if (message instanceof String) {
            throw new IllegalStateException("expected a binary message, the client sent a text one");
        }
        return (byte[]) message;
    }

    private Object take() {
        connection();
        try {
            Object message = inbox.take();
            if (message == END) {
                inbox.add(END); // every later receive also sees the end
                return null;
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a WebSocket message", e);
        }
    }

    @Override
    public void sendText(String text) {
        send(new TextMessage(text));
    }

    @Override
    public void sendBytes(byte[] bytes) {
        send(new BinaryMessage(bytes));
    }

    private void send(WebSocketMessage<?> message) {
        WebSocketSession session = connection();
        // A WebSocketSession allows one sender at a time; the handler may hand the session to other threads.
        synchronized (this) {
            try {
                session.sendMessage(message);
            } catch (IOException e) {
                throw new UncheckedIOException("the WebSocket connection is closed", e);
            }
        }
    }

    @Override
    public void close(int code, String reason) {
        if (decision.complete(new Refuse(REFUSED))) {
            return;
        }
        closeWith(new CloseStatus(code, reason == null || reason.isEmpty() ? null : reason));
    }

    @Override
    public boolean isOpen() {
        WebSocketSession session = opened.getNow(null);
        return session != null && !closed && session.isOpen();
    }

    private WebSocketSession connection() {
        if (!(decision.getNow(null) instanceof Accept)) {
            throw new IllegalStateException("the WebSocket connection is not accepted: call accept() first");
        }
        return opened.join();
    }

    // ---- the endpoint's side ----

    /** The handler returned: close normally what it left open, or refuse the handshake it never accepted. */
    void finished() {
        if (!decision.complete(new Refuse(ABANDONED))) {
            closeWith(CloseStatus.NORMAL);
        }
    }

    /** The handler threw: refuse the handshake, or close with 1011 and no reason, as the Python SDK does. */
    void failed() {
        if (!decision.complete(new Refuse(REFUSED))) {
            closeWith(CloseStatus.SERVER_ERROR);
        }
    }

    private void closeWith(CloseStatus status) {
        WebSocketSession session = opened.getNow(null);
        if (session == null || closed || !session.isOpen()) {
            return;
        }
        synchronized (this) {
            try {
                session.close(status);
            } catch (IOException | RuntimeException e) {
                // The client went away first; there is nobody left to tell.
            }
        }
    }

    void opened(WebSocketSession session) {
        opened.complete(session);
    }

    void upgradeFailed(Throwable cause) {
        opened.completeExceptionally(cause);
    }

    /** A frame: text and binary fragments are joined into whole messages, up to the size limit. */
    void received(WebSocketMessage<?> message) {
        boolean last = message.isLast();
        if (message instanceof TextMessage text) {
            String payload = text.getPayload();
            if (partialText == null && last) {
                deliver(payload, payload.getBytes(StandardCharsets.UTF_8).length);
                return;
            }
            if (partialText == null) {
                partialText = new StringBuilder();
            }
            partialText.append(payload);
            if (grow(payload.getBytes(StandardCharsets.UTF_8).length) && last) {
                String whole = partialText.toString();
                partialText = null;
                partialBytes = 0;
                inbox.add(whole);
            }
        } else if (message instanceof BinaryMessage binary) {
            ByteBuffer payload = binary.getPayload();
            byte[] bytes = new byte[payload.remaining()];
            payload.get(bytes);
            if (partialBinary == null && last) {
                deliver(bytes, bytes.length);
                return;
            }
            if (partialBinary == null) {
                partialBinary = new ByteArrayOutputStream();
            }
            partialBinary.writeBytes(bytes);
            if (grow(bytes.length) && last) {
                byte[] whole = partialBinary.toByteArray();
                partialBinary = null;
                partialBytes = 0;
                inbox.add(whole);
            }
        }
        // Pings and pongs are answered by the container.
    }

    private void deliver(Object message, long size) {
        if (size > maxMessageBytes) {
            tooBig();
        } else {
            inbox.add(message);
        }
    }

    private boolean grow(long bytes) {
        partialBytes += bytes;
        if (partialBytes > maxMessageBytes) {
            partialText = null;
            partialBinary = null;
            tooBig();
            return false;
        }
        return true;
    }

    // The reference's server closes with 1009 "message too big" over its limit (uvicorn --ws-max-size).
    private void tooBig() {
        closeWith(CloseStatus.TOO_BIG_TO_PROCESS);
    }

    /** Either side closed, or the transport failed: receives return {@code null} from now on. */
    void ended() {
        closed = true;
        inbox.add(END);
    }
}
