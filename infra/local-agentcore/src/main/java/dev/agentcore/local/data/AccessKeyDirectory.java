package dev.agentcore.local.data;

import java.util.Optional;

import dev.agentcore.core.arn.PrincipalArn;

/**
 * Who signed a SigV4 request, from its access key: on AWS, the key's owner (STS GetCallerIdentity answers it). Locally
 * {@link InMemoryAccessKeys}; later the local AWS's STS (moto) for the key.
 */
@FunctionalInterface
public interface AccessKeyDirectory {

    /** The principal whose credentials {@code accessKeyId} is, or empty for a key nobody owns. */
    Optional<PrincipalArn> principalOf(String accessKeyId);
}
