package dev.agentcore.local.identity;

import java.io.IOException;
import java.util.List;

import dev.agentcore.local.http.Request;
import dev.agentcore.local.http.RequestJson;
import dev.agentcore.local.http.Violations;
import tools.jackson.databind.node.ObjectNode;

/**
 * One identity operation's JSON body, its members read and checked against the bedrock-agentcore model's constraints.
 * Reading and wording are the control plane's ({@link RequestJson}, {@link Violations}): every violation is
 * collected and answered at once in AWS's request-validation form ("1 validation error detected: Value 'ab' at
 * 'workloadName' failed to satisfy constraint: ..."); sensitive members (tokens) are named without their value. A
 * body that is not a JSON object, or a member of the wrong JSON type, is a SerializationException.
 */
final class IdentityRequest {

    private final ObjectNode body;
    private final Violations violations = new Violations();

    private IdentityRequest(ObjectNode body) {
        this.body = body;
    }

    static IdentityRequest read(Request request) throws IOException {
        return new IdentityRequest(RequestJson.body(request));
    }

    /** A string member: required or not, its length in code points, and a pattern matched whole (or null). */
    String string(String member, boolean required, int min, int max, String pattern, boolean sensitive) {
        String value = RequestJson.string(body, member, member);
        if (required) {
            violations.required(member, value);
        }
        violations.length(member, value, min, max, sensitive);
        if (pattern != null) {
            violations.pattern(member, value, pattern, sensitive);
        }
        return value;
    }

    /** A list of strings; null when absent. */
    List<String> strings(String member, boolean required) {
        List<String> value = RequestJson.strings(body, member, member);
        if (required) {
            violations.required(member, value);
        }
        return value;
    }

    /** An enum member, as the model's enum value set. */
    String oneOf(String member, boolean required, List<String> values) {
        String value = string(member, required, 0, Integer.MAX_VALUE, null, false);
        violations.oneOf(member, value, values);
        return value;
    }

    /** Answers 400 ValidationException with every violation found, when there is one. */
    void check() {
        violations.throwIfAny();
    }
}
