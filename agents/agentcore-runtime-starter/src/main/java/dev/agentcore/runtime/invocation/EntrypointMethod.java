package dev.agentcore.runtime.invocation;

import dev.agentcore.runtime.AgentCoreContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The {@code @AgentCoreEntrypoint} method of one bean: binds the payload and the context to its
 * parameters and calls it.
 */
public final class EntrypointMethod {

    /** The payload did not bind to the method's payload parameter type. */
    static final class PayloadBindingException extends RuntimeException {
        PayloadBindingException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Object bean;
    private final Method method;
    private final int payloadIndex;
    private final JavaType payloadType;

    public EntrypointMethod(Object bean, Method method, ObjectMapper mapper) {
        this.bean = bean;
        this.method = method;
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

    /**
     * Calls the method. Exceptions the method throws are rethrown unwrapped; a payload that does not
     * bind throws {@link PayloadBindingException}.
     */
    Object invoke(JsonNode payload, AgentCoreContext context, ObjectMapper mapper) throws Throwable {
        Object[] args = new Object[method.getParameterCount()];
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            args[i] = types[i] == AgentCoreContext.class ? context : null;
        }
        if (payloadIndex >= 0) {
            args[payloadIndex] = bind(payload, mapper);
        }
        try {
            return method.invoke(bean, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Object bind(JsonNode payload, ObjectMapper mapper) {
        if (payloadType.isTypeOrSuperTypeOf(payload.getClass())) {
            return payload;
        }
        try {
            return mapper.treeToValue(payload, payloadType);
        } catch (JacksonException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .map(path -> " at '" + path + "'")
                    .orElse("");
            throw new PayloadBindingException("payload does not match "
                    + payloadType.getRawClass().getSimpleName() + field + ": " + e.getOriginalMessage(), e);
        }
    }
}
