package dev.agentcore.local.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The service model's constraints on one request, checked all at once and answered as AWS's request validation
 * does: 400 ValidationException, {@code "1 validation error detected: Value 'x' at 'member' failed to satisfy
 * constraint: Member must satisfy regular expression pattern: ..."}, several joined by "; " after "N validation
 * errors detected:". Members the model marks sensitive are named without their value ("Value at 'description'").
 * That wording is AWS's (for AgentCore: aws-samples/sample-OpenClaw-on-AWS-with-Bedrock#43 quotes it for
 * agentRuntimeName); patterns are matched whole, as the service does. The one place that wording lives: the control
 * plane and the identity operations both collect their violations here.
 */
public final class Violations {

    private final List<String> messages = new ArrayList<>();

    public void add(String path, Object value, boolean sensitive, String constraint) {
        String shown;
        if (value == null) {
            shown = "Value null";
        } else if (sensitive) {
            shown = "Value";
        } else {
            shown = "Value '" + show(value) + "'";
        }
        messages.add(shown + " at '" + path + "' failed to satisfy constraint: " + constraint);
    }

    public void required(String path, Object value) {
        if (value == null) {
            add(path, null, false, "Member must not be null");
        }
    }

    public void length(String path, String value, int min, int max, boolean sensitive) {
        if (value == null) {
            return;
        }
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            add(path, value, sensitive, "Member must have length greater than or equal to " + min);
        }
        if (length > max) {
            add(path, value, sensitive, "Member must have length less than or equal to " + max);
        }
    }

    public void pattern(String path, String value, String regex, boolean sensitive) {
        if (value != null && !Pattern.compile(regex).matcher(value).matches()) {
            add(path, value, sensitive, "Member must satisfy regular expression pattern: " + regex);
        }
    }

    public void range(String path, Long value, long min, long max) {
        if (value == null) {
            return;
        }
        if (value < min) {
            add(path, value, false, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            add(path, value, false, "Member must have value less than or equal to " + max);
        }
    }

    public void oneOf(String path, String value, List<String> values) {
        if (value != null && !values.contains(value)) {
            add(path, value, false, "Member must satisfy enum value set: [" + String.join(", ", values) + "]");
        }
    }

    /** A list's or a map's size ("length" in AWS's wording for both). */
    public void size(String path, Object collection, int size, int min, int max, boolean sensitive) {
        if (collection == null) {
            return;
        }
        if (size < min) {
            add(path, collection, sensitive, "Member must have length greater than or equal to " + min);
        }
        if (size > max) {
            add(path, collection, sensitive, "Member must have length less than or equal to " + max);
        }
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    /** Answers 400 ValidationException with every violation found, when there is one. */
    public void throwIfAny() {
        if (messages.isEmpty()) {
            return;
        }
        String count = messages.size() == 1 ? "1 validation error detected: "
                : messages.size() + " validation errors detected: ";
        throw AwsError.of(400, "ValidationException", count + String.join("; ", messages))
                .with("reason", "FieldValidationFailed").exception();
    }

    private static String show(Object value) {
        if (value instanceof Collection<?> c) {
            return c.toString();
        }
        if (value instanceof Map<?, ?> m) {
            return m.toString();
        }
        return String.valueOf(value);
    }
}
