package dev.agentcore.core.runtime;

import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A runtime id as AgentCore makes it: the runtime's name, a hyphen and ten letters or digits
 * ({@code mcp_echo-N0geaLEEPE}). Workload identities, log groups and IAM resources are named after it, which is why a
 * policy written for {@code agentName-*} never matches a real runtime.
 */
public record RuntimeId(String value) {

    /** The service's pattern for {@code AgentRuntimeId} (bedrock-agentcore-control model). */
    public static final String PATTERN = "[a-zA-Z][a-zA-Z0-9_]{0,99}-[a-zA-Z0-9]{10}";
    public static final int SUFFIX_LENGTH = 10;
    private static final Pattern VALID = Pattern.compile(PATTERN);
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public RuntimeId {
        if (!looksLike(value)) {
            throw new IllegalArgumentException("runtime id '" + value + "' is not <name>-<10 letters or digits>"
                    + " (name: a letter, then letters, digits or _; no hyphens)");
        }
    }

    public static RuntimeId of(String value) {
        return new RuntimeId(value);
    }

    /** True if the text has the shape of a runtime id. */
    public static boolean looksLike(String text) {
        return text != null && VALID.matcher(text).matches();
    }

    /** A new id for a runtime named {@code name}, as the control plane makes one on create. */
    public static RuntimeId generate(RuntimeName name, RandomGenerator random) {
        StringBuilder id = new StringBuilder(name.value()).append('-');
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new RuntimeId(id.toString());
    }

    /** The name part: {@code mcp_echo} for {@code mcp_echo-N0geaLEEPE}. */
    public String name() {
        return value.substring(0, value.length() - SUFFIX_LENGTH - 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
