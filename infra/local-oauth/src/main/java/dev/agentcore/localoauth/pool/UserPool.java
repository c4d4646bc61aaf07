package dev.agentcore.localoauth.pool;

import java.util.Optional;

/**
 * A user pool as the token endpoint needs it.
 *
 * @param domainPrefix the prefix of the pool's Cognito domain ({@code my-pool} in
 *                     {@code my-pool.auth.us-east-1.amazoncognito.com}), when it has one
 */
public record UserPool(UserPoolId id, Optional<String> domainPrefix) {

    public UserPool {
        domainPrefix = domainPrefix == null ? Optional.empty() : domainPrefix.filter(d -> !d.isBlank());
    }

    public static UserPool withoutDomain(UserPoolId id) {
        return new UserPool(id, Optional.empty());
    }

    public static UserPool withDomain(UserPoolId id, String domainPrefix) {
        return new UserPool(id, Optional.of(domainPrefix));
    }
}
