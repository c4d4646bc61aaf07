package dev.agentcore.core.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/** {@code "*"}, or {@code {"Service": "x"}} / {@code {"AWS": ["a", "b"]}}: single values and lists alike. */
final class PrincipalDeserializer extends ValueDeserializer<Principal> {

    @Override
    public Principal deserialize(JsonParser p, DeserializationContext ctxt) {
        JsonNode node = ctxt.readTree(p);
        if (node.isString() && "*".equals(node.asString())) {
            return Principal.anyone();
        }
        if (!node.isObject()) {
            return ctxt.reportInputMismatch(Principal.class,
                    "Principal must be \"*\" or an object such as {\"Service\": \"bedrock-agentcore.amazonaws.com\"}");
        }
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asString()));
            } else {
                values.add(e.getValue().asString());
            }
            byKind.put(e.getKey(), List.copyOf(values));
        }
        return Principal.of(byKind);
    }
}
