package dev.agentcore.localoauth.pool;

import java.util.Optional;

/**
 * Where user pools, app clients and users come from. Tests use {@link InMemoryUserPools}; the local stack reads them
 * from the local AWS's Cognito API ({@link CognitoUserPools}: moto's DescribeUserPool, DescribeUserPoolClient,
 * DescribeUserPoolDomain, AdminInitiateAuth, AdminGetUser and AdminListGroupsForUser), so pools, clients and users
 * created by CloudFormation or the CLI there get tokens here.
 */
public interface UserPools {

    Optional<UserPool> pool(UserPoolId id);

    /** The pool whose Cognito domain has this prefix. */
    Optional<UserPool> poolByDomain(String domainPrefix);

    Optional<AppClient> client(UserPoolId pool, String clientId);

    /** Checks a user's password, as managed login's sign-in page does, for this app client. */
    SignIn signIn(AppClient client, String username, String password);

    /** The user as it is now (attributes, groups, enabled), for a refresh; empty once the user is deleted. */
    Optional<PoolUser> user(UserPoolId pool, String username);

    /** Thrown when the source of pools cannot be read (the local AWS is down): a 500, never a token refusal. */
    final class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
