package dev.agentcore.runtime.invocation;

import dev.agentcore.runtime.AgentCoreContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

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
                    .orElse(null);
            // Said in JSON terms: the caller wrote JSON and may never have seen the Java types behind it.
            String what = field == null ? "the payload" : "'" + field + "'";
            throw new PayloadBindingException("payload does not match the entrypoint's parameter: " + what
                    + " must be " + jsonType(e) + ", not " + jsonTypeOf(valueAt(payload, e)), e);
        }
    }

    private static JsonNode valueAt(JsonNode payload, JacksonException e) {
        JsonNode node = payload;
        for (JacksonException.Reference ref : e.getPath()) {
            node = ref.getPropertyName() != null ? node.path(ref.getPropertyName()) : node.path(ref.getIndex());
        }
        return node;
    }

    private static String jsonType(JacksonException e) {
        Class<?> type = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (e instanceof UnrecognizedPropertyException) {
            return "absent (it is not a known field)";
        }
        if (type == null) {
            return "of another type";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String jsonTypeOf(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        if (node.isString()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return "null";
    }
}
