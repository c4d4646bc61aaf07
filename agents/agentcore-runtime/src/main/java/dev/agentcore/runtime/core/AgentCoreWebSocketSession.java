package dev.agentcore.runtime.core;

/**
 * One {@code /ws} connection as the {@link AgentCoreWebSocket} method sees it: blocking calls, meant for
 * the virtual thread the method runs on. The counterpart of the Starlette {@code WebSocket} the Python SDK
 * passes to {@code @app.websocket}.
 *
 * <p>Messages are received in the order the client sent them; fragmented messages arrive whole. Sends
 * after the connection has closed throw {@link IllegalStateException} or {@link java.io.UncheckedIOException}.
 */
public interface AgentCoreWebSocketSession {

    /**
     * Completes the handshake, as {@code await websocket.accept()}: the method must call it before anything
     * else. Until then the client waits; a method that closes or throws before accepting refuses the
     * handshake with HTTP {@code 403}, one that returns without accepting with {@code 500}, as the reference
     * server does.
     *
     * @throws IllegalStateException when already accepted or closed, or when the upgrade failed
     */
    void accept();

    /**
     * The next message, which must be text; {@code null} once the client has closed the connection (where
     * Python raises {@code WebSocketDisconnect}).
     *
     * @throws IllegalStateException when the next message is binary, or before {@link #accept()}
     */
    String receiveText();

    /**
     * The next message, which must be binary; {@code null} once the client has closed the connection.
     *
     * @throws IllegalStateException when the next message is text, or before {@link #accept()}
     */
    byte[] receiveBytes();

    void sendText(String text);

    void sendBytes(byte[] bytes);

    /**
     * Closes with a status code ({@code 1000} normal, {@code 1008} policy, {@code 1011} server error, or an
     * application code from {@code 4000}) and a reason of at most 123 bytes. Before {@link #accept()} it
     * refuses the handshake with HTTP {@code 403} instead. Closing twice does nothing.
     */
    void close(int code, String reason);

    /** Closes with {@code 1000} and no reason. */
    default void close() {
        close(1000, "");
    }

    /** Whether the connection is accepted and neither side has closed it yet. */
    boolean isOpen();
}
