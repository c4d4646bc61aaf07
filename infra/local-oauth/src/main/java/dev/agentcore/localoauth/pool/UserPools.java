package dev.agentcore.localoauth.pool;

import java.util.Optional;

/**
 * Where user pools and app clients come from. Tests use {@link InMemoryUserPools}; the local stack reads them from
 * the local AWS's Cognito API ({@link CognitoUserPools}: moto's DescribeUserPool, DescribeUserPoolClient and
 * DescribeUserPoolDomain), so pools created by CloudFormation or the CLI there get tokens here.
 */
public interface UserPools {

    Optional<UserPool> pool(UserPoolId id);

    /** The pool whose Cognito domain has this prefix. */
    Optional<UserPool> poolByDomain(String domainPrefix);

    Optional<AppClient> client(UserPoolId pool, String clientId);

    /** Thrown when the source of pools cannot be read (the local AWS is down): a 500, never a token refusal. */
    final class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
