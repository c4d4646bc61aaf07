package dev.agentcore.local.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.agentcore.core.arn.PrincipalArn;

/**
 * What a SigV4-signed request says about its signer, read from its {@code Authorization} header (or the
 * {@code X-Amz-*} query parameters of a presigned URL): who signed it and for which scope.
 *
 * @param accessKeyId   the access key of the credentials that signed it
 * @param signedAt      {@code X-Amz-Date}
 * @param region        the credential scope's region
 * @param service       the credential scope's service ({@code bedrock-agentcore} for both AgentCore planes)
 * @param signedHeaders the names of the headers the signature covers, lower case
 * @param signature     the signature, 64 hex digits
 * @param sessionToken  {@code X-Amz-Security-Token}, when the credentials are temporary
 * @param principal     who signed, when the signature was recomputed with the key's secret and matched; empty from a
 *                      shape-only {@link SigV4Authenticator}, which checks no secret
 */
public record SigV4Request(String accessKeyId, Instant signedAt, String region, String service,
                           List<String> signedHeaders, String signature, Optional<String> sessionToken,
                           Optional<PrincipalArn> principal) {

    public SigV4Request {
        signedHeaders = List.copyOf(signedHeaders);
    }

    /** A request whose signature was not verified (the constructor callers used before verification existed). */
    public SigV4Request(String accessKeyId, Instant signedAt, String region, String service, List<String> signedHeaders,
                        String signature, Optional<String> sessionToken) {
        this(accessKeyId, signedAt, region, service, signedHeaders, signature, sessionToken, Optional.empty());
    }

    /** Whether the signature was recomputed from the key's secret and matched. */
    public boolean verified() {
        return principal.isPresent();
    }
}
