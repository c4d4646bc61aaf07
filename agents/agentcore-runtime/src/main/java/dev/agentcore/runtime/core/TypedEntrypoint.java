package dev.agentcore.runtime.core;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/** An entry point whose payload is bound to a type; a payload that does not bind is a 400, not a 500. */
final class TypedEntrypoint<T> implements Entrypoint {

    /** The payload did not bind; the message names the field, never a Java type. */
    static final class PayloadMismatch extends RuntimeException {
        PayloadMismatch(String message) {
            super(message, null, false, false);
        }
    }

    private final Class<T> type;
    private final Entrypoint.Typed<T> handler;
    private final JsonMapper mapper;

    TypedEntrypoint(Class<T> type, Entrypoint.Typed<T> handler, JsonMapper mapper) {
        this.type = type;
        this.handler = handler;
        this.mapper = mapper;
    }

    @Override
    public Object invoke(JsonNode payload, AgentCoreContext context) throws Exception {
        T bound;
        if (type.isInstance(payload)) {
            bound = type.cast(payload);
        } else {
            try {
                bound = mapper.treeToValue(payload, type);
            } catch (JacksonException e) {
                String field = e.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                        .map(path -> " at '" + PayloadDecoder.clip(path, 100) + "'")
                        .orElse("");
                String why = e instanceof UnrecognizedPropertyException ? "an unknown field" : "a value of the wrong type or shape";
                throw new PayloadMismatch("the payload does not match the entry point's input" + field + ": " + why);
            }
        }
        return handler.invoke(bound, context);
    }
}
