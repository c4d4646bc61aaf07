package dev.agentcore.core.runtime;

import java.util.regex.Pattern;

/**
 * The {@code qualifier} of an invocation: the name of a runtime endpoint, which points at one version. Absent means
 * {@link #DEFAULT}, the endpoint AgentCore keeps on the latest version.
 */
public record Qualifier(String value) {

    /** The service's pattern for {@code EndpointName} (bedrock-agentcore-control model). */
    public static final String PATTERN = "[a-zA-Z][a-zA-Z0-9_]{0,47}";
    private static final Pattern VALID = Pattern.compile(PATTERN);
    public static final Qualifier DEFAULT = new Qualifier("DEFAULT");

    public Qualifier {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("endpoint name '" + value + "' does not match " + PATTERN
                    + ": a letter, then letters, digits or underscores (at most 48)");
        }
    }

    /** The qualifier written, or {@link #DEFAULT} when none (null or blank) is. */
    public static Qualifier ofNullable(String value) {
        return value == null || value.isBlank() ? DEFAULT : new Qualifier(value.strip());
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    @Override
    public String toString() {
        return value;
    }
}
