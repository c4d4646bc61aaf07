package dev.agentcore.local.data;

import java.util.Optional;

import dev.agentcore.core.arn.PrincipalArn;

/**
 * Who signed a SigV4 request, from its access key: on AWS, the key's owner (STS GetCallerIdentity answers it). The
 * launcher passes the front door's own {@code CredentialsDirectory::principalOf} (the static pair, {@code --caller}
 * keys, the keys moto issued), so the principal checked is the one whose secret signed; {@link InMemoryAccessKeys}
 * maps keys without secrets.
 */
@FunctionalInterface
public interface AccessKeyDirectory {

    /** The principal whose credentials {@code accessKeyId} is, or empty for a key nobody owns. */
    Optional<PrincipalArn> principalOf(String accessKeyId);
}
