package dev.agentcore.local.auth;

import java.util.Optional;

import dev.agentcore.core.arn.PrincipalArn;

/**
 * Where the front door learns an access key's secret, session token and principal: on AWS, IAM and STS, which issued
 * them. Locally {@link InMemoryCredentialsDirectory} (keys configured for the stack, or registered by whoever created
 * them) and {@link MotoCredentialsDirectory} (every key the local AWS issued); {@link #orElse} chains them.
 */
@FunctionalInterface
public interface CredentialsDirectory {

    /** The credentials whose key id is {@code accessKeyId}, or empty for a key nobody issued (or that was disabled). */
    Optional<SigningCredentials> find(String accessKeyId);

    /** Who owns {@code accessKeyId}: fits the data plane's {@code AccessKeyDirectory} as {@code directory::principalOf}. */
    default Optional<PrincipalArn> principalOf(String accessKeyId) {
        return find(accessKeyId).map(SigningCredentials::principal);
    }

    /** This directory, then {@code next} for keys this one does not know. */
    default CredentialsDirectory orElse(CredentialsDirectory next) {
        return key -> find(key).or(() -> next.find(key));
    }

    /** A directory that knows no key: every signed request is an unrecognized client. */
    static CredentialsDirectory none() {
        return key -> Optional.empty();
    }
}
