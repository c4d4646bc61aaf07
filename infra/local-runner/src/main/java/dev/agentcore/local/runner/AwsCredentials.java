package dev.agentcore.local.runner;

import java.util.Optional;

/** Credentials for the runtime's execution role, as the caller obtained them; never printed whole. */
public record AwsCredentials(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {

    public AwsCredentials {
        if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("accessKeyId and secretAccessKey are required");
        }
    }

    public static AwsCredentials of(String accessKeyId, String secretAccessKey, String sessionToken) {
        return new AwsCredentials(accessKeyId, secretAccessKey, Optional.ofNullable(sessionToken));
    }

    @Override
    public String toString() {
        return "AwsCredentials[accessKeyId=" + accessKeyId.substring(0, Math.min(4, accessKeyId.length()))
                + "..., secretAccessKey=***, sessionToken=" + (sessionToken.isPresent() ? "***" : "none") + "]";
    }
}
