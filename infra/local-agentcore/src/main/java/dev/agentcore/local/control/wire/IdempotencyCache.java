package dev.agentcore.local.control.wire;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.agentcore.local.http.AwsError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code clientToken} idempotency: the SDKs fill in a token per call and send the same one when they retry it, so
 * a create that timed out and is retried returns the first answer instead of ConflictException. The same token with
 * a different request is refused. Kept in memory, for the last {@value #CAPACITY} tokens.
 */
final class IdempotencyCache {

    static final int CAPACITY = 1000;

    /** What was asked under a token, and answered. */
    record Remembered(String operation, JsonNode request, int status, ObjectNode answer) {
    }

    private final Map<String, Remembered> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The earlier answer to the same request under {@code token}; refuses the token for a different request. */
    synchronized Optional<Remembered> replay(String operation, String token, JsonNode request) {
        if (token == null) {
            return Optional.empty();
        }
        Remembered entry = entries.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.operation().equals(operation) || !entry.request().equals(request)) {
            // AWS's wording for a reused client token (the IdempotentParameterMismatch text its APIs share).
            throw AwsError.of(400, "ValidationException", "The request uses the same client token as a previous, but"
                    + " non-identical request. Do not reuse a client token with different requests, unless the"
                    + " requests are identical.").with("reason", "IdempotentParameterMismatchException").exception();
        }
        return Optional.of(entry);
    }

    synchronized void remember(String operation, String token, JsonNode request, int status, ObjectNode answer) {
        if (token != null) {
            entries.put(token, new Remembered(operation, request, status, answer.deepCopy()));
        }
    }
}
