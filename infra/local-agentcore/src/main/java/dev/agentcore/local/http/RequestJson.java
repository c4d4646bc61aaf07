package dev.agentcore.local.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading a request's JSON members by their model types, for every JSON operation of the local AgentCore (the
 * control plane's and the identity operations'). A member of the wrong JSON type cannot be deserialized: AWS answers
 * that before validating, as 400 SerializationException.
 */
public final class RequestJson {

    private RequestJson() {
    }

    /** The request body as a JSON object; an empty body is an empty object (every member absent). */
    public static ObjectNode body(Request request) throws IOException {
        byte[] bytes = request.body();
        if (bytes.length == 0) {
            return Response.JSON.createObjectNode();
        }
        JsonNode node;
        try {
            node = Response.JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw serialization("the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw serialization("the request body is not a JSON object");
        }
        return object;
    }

    public static String string(JsonNode parent, String member, String path) {
        JsonNode node = parent.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw serialization("'" + path + "' must be a string");
        }
        return node.asString();
    }

    public static Long integer(JsonNode parent, String member, String path) {
        JsonNode node = parent.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            throw serialization("'" + path + "' must be an integer");
        }
        return node.asLong();
    }

    public static Boolean bool(JsonNode parent, String member, String path) {
        JsonNode node = parent.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw serialization("'" + path + "' must be a boolean");
        }
        return node.asBoolean();
    }

    public static ObjectNode object(JsonNode parent, String member, String path) {
        JsonNode node = parent.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!(node instanceof ObjectNode object)) {
            throw serialization("'" + path + "' must be a JSON object");
        }
        return object;
    }

    public static List<String> strings(JsonNode parent, String member, String path) {
        JsonNode node = parent.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw serialization("'" + path + "' must be a JSON array");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isString()) {
                throw serialization("'" + path + "' must be an array of strings");
            }
            out.add(item.asString());
        }
        return out;
    }

    public static List<ObjectNode> objects(JsonNode parent, String member, String path) {
        JsonNode node = parent.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw serialization("'" + path + "' must be a JSON array");
        }
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!(item instanceof ObjectNode object)) {
                throw serialization("'" + path + "' must be an array of JSON objects");
            }
            out.add(object);
        }
        return out;
    }

    public static Map<String, String> stringMap(JsonNode parent, String member, String path) {
        ObjectNode node = object(parent, member, path);
        if (node == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var entry : node.properties()) {
            if (!entry.getValue().isString()) {
                throw serialization("the values of '" + path + "' must be strings");
            }
            out.put(entry.getKey(), entry.getValue().asString());
        }
        return out;
    }

    public static AwsErrorException serialization(String message) {
        // Local wording: what AWS writes for a body it cannot deserialize varies; the type is what clients match.
        return AwsError.of(400, "SerializationException", message).exception();
    }
}
