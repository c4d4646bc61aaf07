package dev.agentcore.runtime.websocket;

import dev.agentcore.runtime.AgentCoreContext;
import dev.agentcore.runtime.invocation.RequestContexts;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * {@code /ws}: runs the {@code @AgentCoreWebSocket} method once per connection, on a virtual thread, with the
 * Python SDK's outcomes (bedrock_agentcore/runtime/app.py, {@code _handle_websocket}).
 *
 * <p>The handshake waits for the method: as in the reference, the method accepts the connection itself, so
 * the upgrade request is held in {@link #beforeHandshake} until it calls {@code accept()}, closes, throws or
 * returns. With no method at all the handshake is refused with {@code 403}, which is what the reference's
 * {@code websocket.close(code=1011)} before {@code accept()} becomes on the wire.
 */
public final class WebSocketEndpoint implements WebSocketHandler, HandshakeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(WebSocketEndpoint.class);

    private static final String SESSION = BlockingSession.class.getName();

    /** Settings from {@code agentcore.runtime.*}. */
    public record Settings(long maxMessageBytes) {
    }

    private final Settings settings;
    // A factory, not the Thread.Builder itself: handshakes arrive concurrently, and a builder is not
    // thread-safe (its name counter is a plain field), while the factory it makes is.
    private final ThreadFactory handlerThreads = Thread.ofVirtual().name("agentcore-ws-", 1).factory();
    private volatile WebSocketHandlerMethod handler;

    public WebSocketEndpoint(Settings settings) {
        this.settings = settings;
    }

    public void useHandler(WebSocketHandlerMethod method) {
        this.handler = method;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
            Map<String, Object> attributes) throws Exception {
        AgentCoreContext context = RequestContexts.of(((ServletServerHttpRequest) request).getServletRequest());
        WebSocketHandlerMethod method = handler;
        if (method == null) {
            RequestContexts.putMdc(context);
            try {
                log.error("No WebSocket handler defined");
            } finally {
                RequestContexts.clearMdc();
            }
            response.setStatusCode(HttpStatus.valueOf(BlockingSession.REFUSED));
            return false;
        }
        BlockingSession session = new BlockingSession(settings.maxMessageBytes());
        handlerThreads.newThread(() -> run(method, session, context)).start();
        BlockingSession.Decision decision;
        try {
            decision = session.decision().get();
        } catch (InterruptedException e) {
            // The server is stopping this request; the handler sees a refused handshake at accept().
            session.failed();
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (decision instanceof BlockingSession.Refuse(int status)) {
            response.setStatusCode(HttpStatus.valueOf(status));
            return false;
        }
        attributes.put(SESSION, session); // becomes the connection's attributes
        ((ServletServerHttpRequest) request).getServletRequest().setAttribute(SESSION, session); // for afterHandshake
        return true;
    }

    private void run(WebSocketHandlerMethod method, BlockingSession session, AgentCoreContext context) {
        RequestContexts.putMdc(context);
        try (AgentCoreContext.Scope ignored = context.makeCurrent()) {
            log.debug("WebSocket connection established");
            method.invoke(session, context);
            session.finished();
        } catch (Throwable e) {
            log.error("WebSocket handler failed", e);
            session.failed();
        } finally {
            RequestContexts.clearMdc();
        }
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
            Exception exception) {
        BlockingSession session = (BlockingSession) ((ServletServerHttpRequest) request).getServletRequest()
                .getAttribute(SESSION);
        int status = ((ServletServerHttpResponse) response).getServletResponse().getStatus();
        if (session != null && (exception != null || status != HttpStatus.SWITCHING_PROTOCOLS.value())) {
            session.upgradeFailed(exception != null ? exception
                    : new IllegalStateException("the upgrade request was answered with HTTP " + status));
        }
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession connection) {
        BlockingSession session = sessionOf(connection);
        if (session != null) {
            session.opened(connection);
        }
    }

    @Override
    public void handleMessage(WebSocketSession connection, WebSocketMessage<?> message) {
        BlockingSession session = sessionOf(connection);
        if (session != null) {
            session.received(message);
        }
    }

    @Override
    public void handleTransportError(WebSocketSession connection, Throwable exception) {
        log.debug("WebSocket transport error: {}", exception.toString());
        BlockingSession session = sessionOf(connection);
        if (session != null) {
            session.ended();
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession connection, CloseStatus closeStatus) {
        log.debug("WebSocket disconnected: {}", closeStatus);
        BlockingSession session = sessionOf(connection);
        if (session != null) {
            session.ended();
        }
    }

    @Override
    public boolean supportsPartialMessages() {
        // Fragments are joined by BlockingSession up to our limit, not in container buffers of that size.
        return true;
    }

    private static BlockingSession sessionOf(WebSocketSession connection) {
        return (BlockingSession) connection.getAttributes().get(SESSION);
    }
}
