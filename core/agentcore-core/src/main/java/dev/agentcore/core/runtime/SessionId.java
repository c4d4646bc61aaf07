package dev.agentcore.core.runtime;

import java.util.UUID;

/**
 * A runtime session id ({@code X-Amzn-Bedrock-AgentCore-Runtime-Session-Id}): 33 to 256 characters.
 * Reuse one across calls to keep a conversation on the same microVM.
 */
public record SessionId(String value) {

    public static final String HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id";
    public static final int MIN_LENGTH = 33;
    public static final int MAX_LENGTH = 256;

    public SessionId {
        if (value == null || value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            int length = value == null ? 0 : value.length();
            throw new IllegalArgumentException("session id must be " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters, got " + length + "; omit it to get a generated one (a UUID is 36 characters)");
        }
        if (!value.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException("session id must be printable ASCII without spaces");
        }
    }

    public static SessionId generate() {
        return new SessionId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
