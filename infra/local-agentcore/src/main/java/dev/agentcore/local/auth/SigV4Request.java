package dev.agentcore.local.auth;

import java.time.Instant;
import java.util.List;

/**
 * What a SigV4-signed request says about its signer, read from its {@code Authorization} header (or the
 * {@code X-Amz-*} query parameters of a presigned URL): who signed it and for which scope.
 *
 * @param accessKeyId   the access key of the credentials that signed it
 * @param signedAt      {@code X-Amz-Date}
 * @param region        the credential scope's region
 * @param service       the credential scope's service ({@code bedrock-agentcore} for both AgentCore planes)
 * @param signedHeaders the names of the headers the signature covers, lower case
 * @param signature     the signature, 64 hex digits (not yet checked against the secret key)
 * @param sessionToken  {@code X-Amz-Security-Token}, when the credentials are temporary
 */
public record SigV4Request(String accessKeyId, Instant signedAt, String region, String service,
                           List<String> signedHeaders, String signature, java.util.Optional<String> sessionToken) {

    public SigV4Request {
        signedHeaders = List.copyOf(signedHeaders);
    }
}
