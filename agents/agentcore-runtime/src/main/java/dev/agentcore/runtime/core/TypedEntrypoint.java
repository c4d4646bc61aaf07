package dev.agentcore.runtime.core;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An entry point whose payload is bound to a type; a payload that does not bind is a 400, not a 500. */
final class TypedEntrypoint<T> implements Entrypoint {

    private final Class<T> type;
    private final JavaType javaType;
    private final Entrypoint.Typed<T> handler;
    private final JsonMapper mapper;

    TypedEntrypoint(Class<T> type, Entrypoint.Typed<T> handler, JsonMapper mapper) {
        this.type = type;
        this.javaType = mapper.constructType(type);
        this.handler = handler;
        this.mapper = mapper;
    }

    @Override
    public Object invoke(JsonNode payload, AgentCoreContext context) throws Exception {
        return handler.invoke(type.cast(PayloadBinding.bind(mapper, payload, javaType)), context);
    }
}
