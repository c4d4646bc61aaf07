package dev.agentcore.local.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import dev.agentcore.core.arn.PrincipalArn;

/**
 * What the front door knows about an access key: the secret that signs with it, the session token that must come
 * with it when the credentials are temporary, and the principal they are.
 *
 * @param accessKeyId     the key id a signature's credential scope names
 * @param secretAccessKey the secret that derives the signing key
 * @param sessionToken    {@code X-Amz-Security-Token} the request must carry (temporary credentials); empty for a
 *                        user's long-term key, which must come without one
 * @param principal       who signs with them: a user, or a role session ({@code assumed-role/ROLE/SESSION})
 * @param expiration      when temporary credentials stop working; empty when they do not expire (or nobody said)
 */
public record SigningCredentials(String accessKeyId, String secretAccessKey, Optional<String> sessionToken,
                                 PrincipalArn principal, Optional<Instant> expiration) {

    public SigningCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(expiration, "expiration");
        if (accessKeyId.isBlank() || accessKeyId.contains("/")) {
            // A slash would split the credential scope (KEY/DATE/REGION/SERVICE/aws4_request) wrongly.
            throw new IllegalArgumentException("access key id '" + accessKeyId + "' is empty or holds a '/'");
        }
    }

    /** A long-term key (an IAM user's, or the one the local stack is configured with). */
    public static SigningCredentials longTerm(String accessKeyId, String secretAccessKey, PrincipalArn principal) {
        return new SigningCredentials(accessKeyId, secretAccessKey, Optional.empty(), principal, Optional.empty());
    }

    /** Temporary credentials, as STS AssumeRole returns them. */
    public static SigningCredentials session(String accessKeyId, String secretAccessKey, String sessionToken,
                                             PrincipalArn principal, Optional<Instant> expiration) {
        return new SigningCredentials(accessKeyId, secretAccessKey, Optional.of(sessionToken), principal, expiration);
    }

    /** Never the secret or the token: a record's default text would print them whole into logs. */
    @Override
    public String toString() {
        return "SigningCredentials[accessKeyId=" + accessKeyId + ", principal=" + principal
                + (sessionToken.isPresent() ? ", with session token" : "")
                + expiration.map(e -> ", expires " + e).orElse("") + "]";
    }
}
