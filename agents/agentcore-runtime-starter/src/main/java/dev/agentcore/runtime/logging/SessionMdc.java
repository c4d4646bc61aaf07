package dev.agentcore.runtime.logging;

import dev.agentcore.runtime.core.AgentCoreContext;
import org.slf4j.MDC;

/**
 * The session and request ids in SLF4J's MDC while an entry point or a WebSocket handler runs, so that every log
 * line the application writes carries them (the starter's default {@code logging.pattern.correlation} prints them).
 */
public final class SessionMdc implements AutoCloseable {

    public static final String SESSION_ID = "sessionId";
    public static final String REQUEST_ID = "requestId";

    private SessionMdc() {
    }

    public static SessionMdc put(AgentCoreContext context) {
        if (context.sessionId() != null) {
            MDC.put(SESSION_ID, context.sessionId());
        }
        MDC.put(REQUEST_ID, context.requestId());
        return new SessionMdc();
    }

    @Override
    public void close() {
        MDC.remove(SESSION_ID);
        MDC.remove(REQUEST_ID);
    }
}
