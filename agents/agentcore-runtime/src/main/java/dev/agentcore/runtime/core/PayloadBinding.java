package dev.agentcore.runtime.core;

import java.util.Arrays;
import java.util.Collection;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Binds a payload to an entry point's parameter type, the typed {@link AgentCoreApp.Builder#entrypoint(Class,
 * Entrypoint.Typed)} and a framework's reflective entry point (the starter's {@code @AgentCoreEntrypoint} method)
 * alike. A payload that does not bind is {@link Mismatch}, answered {@code 400 Invalid payload} with a message in
 * JSON terms: the caller wrote JSON and may never have seen the Java types behind it.
 */
public final class PayloadBinding {

    /** The payload did not bind; the message names the field and the JSON types, never a Java type. */
    public static final class Mismatch extends RuntimeException {
        Mismatch(String message) {
            super(message, null, false, false);
        }
    }

    private PayloadBinding() {
    }

    /** The payload itself when the type takes a {@code JsonNode}, else the payload bound by the mapper. */
    public static Object bind(ObjectMapper mapper, JsonNode payload, JavaType type) {
        if (type.isTypeOrSuperTypeOf(payload.getClass())) {
            return payload;
        }
        try {
            return mapper.treeToValue(payload, type);
        } catch (JacksonException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse(null);
            String what = field == null ? "the payload" : "'" + PayloadDecoder.clip(field, 100) + "'";
            throw new Mismatch("payload does not match the entrypoint's parameter: " + what + " must be "
                    + jsonType(e) + ", not " + jsonTypeOf(valueAt(payload, e)));
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
        if (e instanceof UnrecognizedPropertyException) {
            return "absent (it is not a known field)";
        }
        Class<?> type = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
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
