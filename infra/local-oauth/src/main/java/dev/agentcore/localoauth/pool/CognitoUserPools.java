package dev.agentcore.localoauth.pool;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DomainDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/**
 * User pools and app clients read from a Cognito API: in the local stack, moto's ({@code cognito-idp} on the local AWS
 * endpoint). Nothing is cached, so a client created or changed there is seen by the next token request.
 *
 * <p>Calls: DescribeUserPool (its Domain), DescribeUserPoolDomain (domain prefix to pool), DescribeUserPoolClient
 * (ClientSecret, AllowedOAuthFlowsUserPoolClient, AllowedOAuthFlows, AllowedOAuthScopes, AccessTokenValidity with
 * TokenValidityUnits).
 */
public final class CognitoUserPools implements UserPools {

    private final CognitoIdentityProviderClient cognito;

    public CognitoUserPools(CognitoIdentityProviderClient cognito) {
        this.cognito = cognito;
    }

    @Override
    public Optional<UserPool> pool(UserPoolId id) {
        try {
            UserPoolType pool = cognito.describeUserPool(r -> r.userPoolId(id.value())).userPool();
            return pool == null ? Optional.empty() : Optional.of(new UserPool(id, Optional.ofNullable(pool.domain())));
        } catch (ResourceNotFoundException missing) {
            return Optional.empty();
        } catch (SdkException e) {
            throw unavailable("DescribeUserPool " + id, e);
        }
    }

    @Override
    public Optional<UserPool> poolByDomain(String domainPrefix) {
        try {
            DomainDescriptionType domain = cognito.describeUserPoolDomain(r -> r.domain(domainPrefix)).domainDescription();
            // Cognito answers an unknown domain with an empty description, not an error.
            if (domain == null || domain.userPoolId() == null || !UserPoolId.isValid(domain.userPoolId())) {
                return Optional.empty();
            }
            return Optional.of(UserPool.withDomain(UserPoolId.of(domain.userPoolId()), domainPrefix));
        } catch (ResourceNotFoundException missing) {
            return Optional.empty();
        } catch (SdkException e) {
            throw unavailable("DescribeUserPoolDomain " + domainPrefix, e);
        }
    }

    @Override
    public Optional<AppClient> client(UserPoolId pool, String clientId) {
        try {
            UserPoolClientType c = cognito.describeUserPoolClient(r -> r.userPoolId(pool.value()).clientId(clientId))
                    .userPoolClient();
            return c == null ? Optional.empty() : Optional.of(toAppClient(pool, c));
        } catch (ResourceNotFoundException missing) {
            return Optional.empty();
        } catch (SdkException e) {
            throw unavailable("DescribeUserPoolClient " + pool + "/" + clientId, e);
        }
    }

    static AppClient toAppClient(UserPoolId pool, UserPoolClientType c) {
        Set<OAuthFlow> flows = EnumSet.noneOf(OAuthFlow.class);
        if (c.hasAllowedOAuthFlows()) {
            c.allowedOAuthFlowsAsStrings().forEach(name -> OAuthFlow.fromWireName(name).ifPresent(flows::add));
        }
        return new AppClient(pool, c.clientId(), Optional.ofNullable(c.clientSecret()),
                Boolean.TRUE.equals(c.allowedOAuthFlowsUserPoolClient()), flows,
                c.hasAllowedOAuthScopes() ? c.allowedOAuthScopes() : null, accessTokenValidity(c));
    }

    private static Duration accessTokenValidity(UserPoolClientType c) {
        Integer amount = c.accessTokenValidity();
        if (amount == null) {
            return AppClient.DEFAULT_ACCESS_TOKEN_VALIDITY;
        }
        // Without TokenValidityUnits, Cognito reads AccessTokenValidity as hours.
        TimeUnitsType unit = c.tokenValidityUnits() == null || c.tokenValidityUnits().accessToken() == null
                ? TimeUnitsType.HOURS : c.tokenValidityUnits().accessToken();
        return switch (unit) {
            case SECONDS -> Duration.ofSeconds(amount);
            case MINUTES -> Duration.ofMinutes(amount);
            case DAYS -> Duration.ofDays(amount);
            default -> Duration.ofHours(amount);
        };
    }

    private static UnavailableException unavailable(String call, SdkException e) {
        return new UnavailableException("could not read user pools from the Cognito API (" + call + "): "
                + e.getMessage(), e);
    }
}
