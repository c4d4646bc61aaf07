package dev.agentcore.runtime.websocket;

import dev.agentcore.runtime.core.AgentCoreContext;
import dev.agentcore.runtime.core.AgentCoreWebSocketSession;
import dev.agentcore.runtime.core.WebSocketHandler;
import dev.agentcore.runtime.logging.SessionMdc;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The {@code @AgentCoreWebSocket} method of one bean as the core's {@link WebSocketHandler}: passes it the session
 * and, if it asks, the context, with the ids in the MDC.
 */
public final class WebSocketHandlerMethod implements WebSocketHandler {

    private final Object bean;
    private final Method method;

    public WebSocketHandlerMethod(Object bean, Method method) {
        this.bean = bean;
        this.method = method;
        boolean takesSession = false;
        for (Class<?> type : method.getParameterTypes()) {
            if (type == AgentCoreWebSocketSession.class) {
                takesSession = true;
            } else if (type != AgentCoreContext.class) {
                throw new IllegalStateException("@AgentCoreWebSocket " + describe() + " takes a " + type.getName()
                        + "; it may take only an AgentCoreWebSocketSession and an AgentCoreContext");
            }
        }
        if (!takesSession) {
            throw new IllegalStateException("@AgentCoreWebSocket " + describe()
                    + " must take an AgentCoreWebSocketSession parameter");
        }
        this.method.setAccessible(true);
    }

    /** {@code com.example.MyAgent#chat}, for messages. */
    public String describe() {
        return method.getDeclaringClass().getName() + "#" + method.getName();
    }

    @Override
    public void handle(AgentCoreWebSocketSession session, AgentCoreContext context) throws Exception {
        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = types[i] == AgentCoreContext.class ? context : session;
        }
        try (SessionMdc ignored = SessionMdc.put(context)) {
            method.invoke(bean, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception thrown) {
                throw thrown;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
