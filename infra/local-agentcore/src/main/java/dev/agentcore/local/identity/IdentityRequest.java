package dev.agentcore.local.identity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.agentcore.local.http.AwsError;
import dev.agentcore.local.http.Request;
import dev.agentcore.local.http.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One identity operation's JSON body, its members read and checked against the bedrock-agentcore model's constraints.
 * Every violation is collected and answered at once in AWS's request-validation form (the control plane writes the
 * same: "1 validation error detected: Value 'ab' at 'workloadName' failed to satisfy constraint: ..."); sensitive
 * members (tokens) are named without their value. A body that is not a JSON object, or a member of the wrong JSON
 * type, is a SerializationException, as in the control plane.
 */
final class IdentityRequest {

    private final ObjectNode body;
    private final List<String> violations = new ArrayList<>();

    private IdentityRequest(ObjectNode body) {
        this.body = body;
    }

    static IdentityRequest read(Request request) throws IOException {
        byte[] bytes = request.body();
        if (bytes.length == 0) {
            return new IdentityRequest(Response.JSON.createObjectNode());
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
        return new IdentityRequest(object);
    }

    /** A string member: required or not, its length in code points, and a pattern matched whole (or null). */
    String string(String member, boolean required, int min, int max, String pattern, boolean sensitive) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            if (required) {
                violations.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
            }
            return null;
        }
        if (!node.isString()) {
            throw serialization("'" + member + "' must be a string");
        }
        String value = node.asString();
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            violation(member, value, sensitive, "Member must have length greater than or equal to " + min);
        }
        if (length > max) {
            violation(member, value, sensitive, "Member must have length less than or equal to " + max);
        }
        if (pattern != null && !Pattern.compile(pattern).matcher(value).matches()) {
            violation(member, value, sensitive, "Member must satisfy regular expression pattern: " + pattern);
        }
        return value;
    }

    /** A list of strings; null when absent. */
    List<String> strings(String member, boolean required) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            if (required) {
                violations.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
            }
            return null;
        }
        if (!node.isArray()) {
            throw serialization("'" + member + "' must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isString()) {
                throw serialization("the items of '" + member + "' must be strings");
            }
            out.add(item.asString());
        }
        return out;
    }

    /** An enum member, as the model's enum value set. */
    String oneOf(String member, boolean required, List<String> values) {
        String value = string(member, required, 0, Integer.MAX_VALUE, null, false);
        if (value != null && !values.contains(value)) {
            violation(member, value, false, "Member must satisfy enum value set: [" + String.join(", ", values) + "]");
        }
        return value;
    }

    /** Answers 400 ValidationException with every violation found, when there is one. */
    void check() {
        if (violations.isEmpty()) {
            return;
        }
        String count = violations.size() == 1 ? "1 validation error detected: "
                : violations.size() + " validation errors detected: ";
        throw AwsError.of(400, "ValidationException", count + String.join("; ", violations))
                .with("reason", "FieldValidationFailed").exception();
    }

    private void violation(String member, String value, boolean sensitive, String constraint) {
        violations.add((sensitive ? "Value" : "Value '" + value + "'") + " at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }

    private static RuntimeException serialization(String message) {
        return AwsError.of(400, "SerializationException", message).exception();
    }
}
