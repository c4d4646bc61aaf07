package dev.agentcore.runtime.core;

import dev.agentcore.http.Exchange;
import dev.agentcore.http.WebSocketConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

/**
 * {@code /ws} with the Python SDK's outcomes ({@code _handle_websocket}): the handler runs on the upgrade request's
 * own thread and decides the handshake. Closing or throwing before {@code accept()} refuses it with {@code 403},
 * returning without accepting with {@code 500} (what uvicorn answers); no handler at all is {@code 403}. After
 * accepting, an exception closes with {@code 1011} and no reason, a return with {@code 1000}.
 */
final class WebSockets {

    private static final System.Logger log = System.getLogger(WebSockets.class.getName());

    static final int REFUSED = 403;
    static final int ABANDONED = 500;

    private final WebSocketHandler handler; // null when the app has none
    private final long maxMessageBytes;

    WebSockets(WebSocketHandler handler, long maxMessageBytes) {
        this.handler = handler;
        this.maxMessageBytes = maxMessageBytes;
    }

    void serve(Exchange exchange) throws IOException {
        AgentCoreContext context = RequestContexts.of(exchange.headers());
        String prefix = RequestContexts.logPrefix(context);
        if (handler == null) {
            log.log(Level.ERROR, prefix + "No WebSocket handler defined");
            refuse(exchange, REFUSED);
            return;
        }
        Session session = new Session(exchange, maxMessageBytes);
        try (AgentCoreContext.Scope ignored = context.makeCurrent()) {
            handler.handle(session, context);
            if (session.connection == null) {
                refuse(exchange, session.refused ? REFUSED : ABANDONED);
            } else {
                session.closeQuietly(WebSocketConnection.NORMAL);
            }
        } catch (Exception | Error e) {
            log.log(Level.ERROR, prefix + "WebSocket handler failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            if (session.connection == null) {
                refuse(exchange, REFUSED);
            } else {
                session.closeQuietly(WebSocketConnection.SERVER_ERROR);
            }
        }
    }

    private static void refuse(Exchange exchange, int status) throws IOException {
        if (!exchange.responded()) {
            exchange.closeAfter();
            exchange.respond(status, Invocations.JSON, ("{\"error\":\"" + (status == REFUSED
                    ? "WebSocket connection refused" : "WebSocket connection not accepted") + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One connection as the handler sees it. */
    private static final class Session implements AgentCoreWebSocketSession {
        private final Exchange exchange;
        private final long maxMessageBytes;
        private WebSocketConnection connection;
        private boolean refused;
        private WebSocketConnection.Message pending;

        Session(Exchange exchange, long maxMessageBytes) {
            this.exchange = exchange;
            this.maxMessageBytes = maxMessageBytes;
        }

        @Override
        public synchronized void accept() {
            if (connection != null) {
                throw new IllegalStateException("the WebSocket connection is already accepted");
            }
            if (refused) {
                throw new IllegalStateException("the WebSocket handshake was already refused");
            }
            try {
                connection = WebSocketConnection.accept(exchange, maxMessageBytes);
            } catch (IOException e) {
                throw new UncheckedIOException("the WebSocket upgrade failed", e);
            }
        }

        @Override
        public String receiveText() {
            WebSocketConnection.Message message = take();
            if (message instanceof WebSocketConnection.Binary) {
                pending = message;
                throw new IllegalStateException("expected a text message, the client sent a binary one");
            }
            return message == null ? null : ((WebSocketConnection.Text) message).text();
        }

        @Override
        public byte[] receiveBytes() {
            WebSocketConnection.Message message = take();
            if (message instanceof WebSocketConnection.Text) {
                pending = message;
                throw new IllegalStateException("expected a binary message, the client sent a text one");
            }
            return message == null ? null : ((WebSocketConnection.Binary) message).bytes();
        }

        private WebSocketConnection.Message take() {
            WebSocketConnection open = requireAccepted();
            if (pending != null) {
                WebSocketConnection.Message message = pending;
                pending = null;
                return message;
            }
            try {
                return open.receive();
            } catch (IOException e) {
                return null; // the connection broke: as a close, receives return null
            }
        }

        @Override
        public void sendText(String text) {
            try {
                requireAccepted().sendText(text);
            } catch (IOException e) {
                throw new UncheckedIOException("the WebSocket connection is closed", e);
            }
        }

        @Override
        public void sendBytes(byte[] bytes) {
            try {
                requireAccepted().sendBinary(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("the WebSocket connection is closed", e);
            }
        }

        @Override
        public synchronized void close(int code, String reason) {
            if (connection == null) {
                refused = true;
                return;
            }
            try {
                connection.close(code, reason);
            } catch (IOException ignored) {
                // the peer is gone
            }
        }

        void closeQuietly(int code) {
            close(code, "");
        }

        @Override
        public boolean isOpen() {
            return connection != null && connection.isOpen();
        }

        private WebSocketConnection requireAccepted() {
            if (connection == null) {
                throw new IllegalStateException("the WebSocket connection is not accepted: call accept() first");
            }
            return connection;
        }
    }

}
