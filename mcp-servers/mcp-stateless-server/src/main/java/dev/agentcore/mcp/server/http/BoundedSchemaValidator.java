package dev.agentcore.mcp.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.agentcore.mcp.server.tools.BoundedText;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;

/**
 * The SDK's JSON Schema validator with its work and its words bounded.
 *
 * <p>Why: the SDK's validator reports every violation, and the SDK puts the whole report in the tool error and in a
 * WARN log line. A 7 MB {@code tools/call} with 500,000 unexpected argument keys made a 51 MB answer and a 51 MB
 * log line (six at once took 5.9 GB). Unexpected top-level arguments, the common mistake, are found here in one pass
 * and named (the first few, and how many), before the validator sees them; any other report is cut to
 * {@link BoundedText#MAX_ERROR_CHARS}.
 */
final class BoundedSchemaValidator implements JsonSchemaValidator {

    private static final int NAMED_KEYS = 5;

    private final JsonSchemaValidator delegate;

    BoundedSchemaValidator(JsonSchemaValidator delegate) {
        this.delegate = delegate;
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object value) {
        String unexpected = unexpectedArguments(schema, value);
        if (unexpected != null) {
            return ValidationResponse.asInvalid(unexpected);
        }
        ValidationResponse response = delegate.validate(schema, value);
        return response.valid() ? response : ValidationResponse.asInvalid(BoundedText.of(response.errorMessage()));
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return delegate.validateSchema(schema);
    }

    /** Names the keys an object schema with {@code "additionalProperties": false} does not declare, or null. */
    private static String unexpectedArguments(Map<String, Object> schema, Object value) {
        if (schema == null || !Boolean.FALSE.equals(schema.get("additionalProperties"))
                || !(value instanceof Map<?, ?> arguments) || !(schema.get("properties") instanceof Map<?, ?> declared)
                || schema.containsKey("patternProperties")) {
            return null;
        }
        List<String> named = new ArrayList<>(NAMED_KEYS);
        int count = 0;
        for (Object key : arguments.keySet()) {
            if (!declared.containsKey(key)) {
                count++;
                if (named.size() < NAMED_KEYS) {
                    named.add(BoundedText.of(String.valueOf(key), 64));
                }
            }
        }
        if (count == 0) {
            return null;
        }
        String expected = declared.isEmpty() ? "no arguments"
                : "expected: " + BoundedText.of(String.join(", ", declared.keySet().stream().map(String::valueOf).toList()), 300);
        return count + (count == 1 ? " unexpected argument: " : " unexpected arguments: ") + String.join(", ", named)
                + (count > named.size() ? ", ..." : "") + "; " + expected;
    }
}
