package dev.agentcore.runtime.websocket;

import dev.agentcore.runtime.AgentCoreContext;
import dev.agentcore.runtime.AgentCoreWebSocketSession;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The {@code @AgentCoreWebSocket} method of one bean: passes it the session and, if it asks, the context.
 */
public final class WebSocketHandlerMethod {

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

    /** Calls the method; what it throws is rethrown unwrapped. */
    void invoke(AgentCoreWebSocketSession session, AgentCoreContext context) throws Throwable {
        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = types[i] == AgentCoreContext.class ? context : session;
        }
        try {
            method.invoke(bean, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
