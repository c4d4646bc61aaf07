package dev.agentcore.runtime.invocation;

import dev.agentcore.runtime.core.AgentCoreContext;
import dev.agentcore.runtime.core.Entrypoint;
import dev.agentcore.runtime.core.PayloadBinding;
import dev.agentcore.runtime.logging.SessionMdc;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The {@code @AgentCoreEntrypoint} method of one bean as the core's {@link Entrypoint}: binds the payload (with the
 * core's {@link PayloadBinding}, so a mismatch is the core's {@code 400}) and the context to its parameters, calls
 * it with the ids in the MDC, and turns Spring's answer types into the core's ({@link SpringResults}).
 */
public final class EntrypointMethod implements Entrypoint {

    private final Object bean;
    private final Method method;
    private final int payloadIndex;
    private final JavaType payloadType;
    private final ObjectMapper mapper;

    public EntrypointMethod(Object bean, Method method, ObjectMapper mapper) {
        this.bean = bean;
        this.method = method;
        this.mapper = mapper;
        this.method.setAccessible(true);
        Parameter[] parameters = method.getParameters();
        int payload = -1;
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].getType() == AgentCoreContext.class) {
                continue;
            }
            if (payload >= 0) {
                throw new IllegalStateException("@AgentCoreEntrypoint " + describe()
                        + " takes more than one payload parameter; it may take one payload and one AgentCoreContext");
            }
            payload = i;
        }
        this.payloadIndex = payload;
        Type type = payload >= 0 ? parameters[payload].getParameterizedType() : Object.class;
        this.payloadType = mapper.getTypeFactory().constructType(type);
    }

    /** {@code com.example.MyAgent#handle}, for messages. */
    public String describe() {
        return method.getDeclaringClass().getName() + "#" + method.getName();
    }

    @Override
    public Object invoke(JsonNode payload, AgentCoreContext context) throws Exception {
        Object[] args = new Object[method.getParameterCount()];
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            args[i] = types[i] == AgentCoreContext.class ? context : null;
        }
        if (payloadIndex >= 0) {
            args[payloadIndex] = PayloadBinding.bind(mapper, payload, payloadType);
        }
        try (SessionMdc ignored = SessionMdc.put(context)) {
            return SpringResults.toCore(method.invoke(bean, args));
        } catch (InvocationTargetException e) {
            throw SpringResults.toCore(e.getCause());
        }
    }
}
