package dev.agentcore.core.runtime;

import java.util.regex.Pattern;

/**
 * The name a runtime is created with ({@code agentRuntimeName}): a letter, then up to 47 letters, digits or
 * underscores. No hyphens: AgentCore appends {@code -} and ten characters to make the runtime id.
 */
public record RuntimeName(String value) {

    /** The service's pattern for {@code AgentRuntimeName} (bedrock-agentcore-control model). */
    public static final String PATTERN = "[a-zA-Z][a-zA-Z0-9_]{0,47}";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    public RuntimeName {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    public static RuntimeName of(String value) {
        return new RuntimeName(value);
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    /** What is wrong with {@code value} as a runtime name, or null when it is valid. */
    public static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return "runtime name is empty";
        }
        if (isValid(value)) {
            return null;
        }
        String hint = value.contains("-") ? " (hyphens are not allowed; use " + value.replace('-', '_') + ")" : "";
        if (value.length() > 48) {
            return "runtime name '" + value + "' is " + value.length() + " characters; at most 48 are allowed";
        }
        return "runtime name '" + value + "' does not match " + PATTERN
                + ": a letter, then letters, digits or underscores" + hint;
    }

    @Override
    public String toString() {
        return value;
    }
}
